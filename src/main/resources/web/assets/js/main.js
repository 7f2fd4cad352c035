// Wires the page together: the drawing pad, the controls, the API and the result area.

import {ApiError, fetchModels, predict, read} from './api.js';
import {DrawingPad} from './canvas.js';
import {accuracy} from './format.js';
import {ResultView} from './results.js';

/** Pause in drawing after which live prediction asks the server. */
const LIVE_DELAY_MS = 200;
const LIVE_STORAGE_KEY = 'digits.livePrediction';

const $ = (id) => document.getElementById(id);
const padElement = $('pad');
const canvas = $('canvas');
const preview = $('upload-preview');
const uploadName = $('upload-name');
const undoButton = $('undo-button');
const redoButton = $('redo-button');
const clearButton = $('clear-button');
const modelSelect = $('model-select');
const compareToggle = $('compare-toggle');
const liveToggle = $('live-toggle');
const strokeWidth = $('stroke-width');
const fileInput = $('file-input');
const padHint = $('pad-hint');
const numberBoxes = $('number-boxes');
const modeInputs = [...document.querySelectorAll('input[name="mode"]')];

/** The wide pad's width over its height, in number mode. */
const NUMBER_ASPECT = 3;

const pad = new DrawingPad(canvas);
const view = new ResultView({panel: $('result-panel'), container: $('result'), announcer: $('announcer')});

/** Names of the server's models, in its order. */
let modelNames = [];
/** The image file shown instead of the drawing, or null. */
let upload = null;
let uploadUrl = null;
/** Cancels the request in flight when a newer one starts, so an old answer never wins. */
let inFlight = null;
let liveTimer = 0;
/** Whether the page reads whole numbers rather than one digit. */
let numberMode = false;

// ---- predictions ------------------------------------------------------------------------------

function hasContent() {
  return upload !== null || !pad.isEmpty;
}

async function recognize() {
  clearTimeout(liveTimer);
  inFlight?.abort();
  showBoxes(null);
  if (!hasContent()) {
    inFlight = null;
    view.setBusy(false);
    view.showEmpty(numberMode ? 'Write a number' : 'Draw a digit');
    return;
  }
  const request = new AbortController();
  inFlight = request;
  // An answer to a stroke still being drawn is shown but not spoken: only the settled one is.
  const announce = !pad.isDrawing;
  view.setBusy(true);
  try {
    const image = upload ?? (await pad.toBlob());
    if (numberMode) {
      const reading = await read(image, {model: modelSelect.value, signal: request.signal});
      if (!request.signal.aborted) {
        view.showNumber(reading, {announce, onSelect: markBox});
        showBoxes(upload === null ? reading : null);
      }
      return;
    }
    const models = compareToggle.checked && modelNames.length > 0 ? modelNames : [modelSelect.value];
    const entries = await Promise.all(models.map((model) =>
      predict(image, {model, signal: request.signal}).then(
        (prediction) => ({model, prediction}),
        (error) => ({model, error}))));
    if (request.signal.aborted) {
      return;
    }
    if (entries.every((entry) => entry.error)) {
      // One explanation beats the same refusal on every row.
      throw entries[0].error;
    }
    if (compareToggle.checked && modelNames.length > 0) {
      view.showComparison(entries, {announce});
    } else {
      view.showPrediction(entries[0].prediction, {announce});
    }
  } catch (error) {
    if (!request.signal.aborted) {
      view.showError(error instanceof ApiError ? error : new ApiError(0, 'client_error', error.message));
    }
  } finally {
    if (inFlight === request) {
      inFlight = null;
      view.setBusy(false);
    }
  }
}

// ---- number mode ------------------------------------------------------------------------------

/**
 * Each digit's box over the drawing, with its answer. The boxes only show: a stroke begun inside
 * one must still draw (the second stroke of a 4 starts in the box of its first), so a digit is
 * picked from the result's chips. The boxes are in the exported image's pixels, placed here as
 * shares of the pad.
 */
function showBoxes(reading) {
  numberBoxes.replaceChildren();
  if (reading === null) {
    return;
  }
  const {width, height} = pad.exportSize;
  reading.digits.forEach((digit, index) => {
    const box = document.createElement('div');
    box.className = digit.accepted === false ? 'number-box declined' : 'number-box';
    box.dataset.index = String(index);
    box.style.left = `${(100 * digit.box.x) / width}%`;
    box.style.top = `${(100 * digit.box.y) / height}%`;
    box.style.width = `${(100 * digit.box.width) / width}%`;
    box.style.height = `${(100 * digit.box.height) / height}%`;
    box.textContent = String(digit.digit);
    numberBoxes.append(box);
  });
  // The result shows the first declined digit in detail, or else the first one: so does the pad.
  markBox(Math.max(0, reading.digits.findIndex((digit) => digit.accepted === false)));
}

function markBox(index) {
  numberBoxes.querySelectorAll('.number-box').forEach((box) =>
    box.classList.toggle('selected', Number(box.dataset.index) === index));
}

function setMode(number) {
  numberMode = number;
  document.querySelector('.app').classList.toggle('number-mode', number);
  padHint.textContent = number ? 'Write a number here' : 'Draw a digit here';
  canvas.setAttribute('aria-label', number ? 'Write a number' : 'Draw a digit');
  pad.aspect = number ? NUMBER_ASPECT : 1;
  recognize();
}

modeInputs.forEach((input) => input.addEventListener('change', () => {
  if (input.checked) {
    setMode(input.value === 'number');
  }
}));

function recognizeSoon() {
  clearTimeout(liveTimer);
  liveTimer = setTimeout(recognize, LIVE_DELAY_MS);
}

// ---- drawing and uploads ------------------------------------------------------------------------

function showUpload(file) {
  pad.clear();
  if (uploadUrl) {
    URL.revokeObjectURL(uploadUrl);
  }
  upload = file;
  uploadUrl = URL.createObjectURL(file);
  preview.src = uploadUrl;
  preview.alt = `Uploaded image ${file.name}`;
  preview.hidden = false;
  uploadName.hidden = true;
  updatePadState();
  recognize();
}

// A file the browser cannot show (not an image, or damaged) is named instead of a broken icon;
// the server's answer says what is wrong with it.
preview.addEventListener('error', () => {
  if (upload !== null) {
    preview.hidden = true;
    uploadName.textContent = upload.name;
    uploadName.hidden = false;
  }
});

function dropUpload() {
  if (upload === null) {
    return;
  }
  URL.revokeObjectURL(uploadUrl);
  upload = null;
  uploadUrl = null;
  preview.hidden = true;
  preview.removeAttribute('src');
  uploadName.hidden = true;
  fileInput.value = '';
}

/** The pad's look and the buttons that have nothing to do on it now. */
function updatePadState() {
  padElement.classList.toggle('has-content', hasContent());
  setEnabled(undoButton, upload !== null || pad.canUndo);
  setEnabled(redoButton, upload === null && pad.canRedo);
  setEnabled(clearButton, hasContent());
}

/** aria-disabled rather than disabled, so that a button in use keeps the keyboard focus. */
function setEnabled(button, enabled) {
  button.setAttribute('aria-disabled', String(!enabled));
}

function enabled(button) {
  return button.getAttribute('aria-disabled') !== 'true';
}

function undo() {
  if (upload !== null) {
    dropUpload();
  } else if (!pad.undo()) {
    return;
  }
  afterEdit();
}

function redo() {
  if (upload === null && pad.redo()) {
    afterEdit();
  }
}

function clear() {
  if (!hasContent()) {
    return;
  }
  dropUpload();
  pad.clear();
  afterEdit();
}

/** After undo, redo or clear: an empty pad says so at once; else the answer is renewed or outdated. */
function afterEdit() {
  updatePadState();
  if (!hasContent() || liveToggle.checked) {
    recognize();
  } else {
    view.markOutdated();
  }
}

pad.addEventListener('strokestart', () => {
  dropUpload();
  showBoxes(null);
  updatePadState();
  if (!liveToggle.checked) {
    // An answer still on its way is to the drawing as it was: it must not pass for a current one.
    inFlight?.abort();
    view.markOutdated();
  }
});
pad.addEventListener('strokeupdate', () => {
  if (liveToggle.checked) {
    recognizeSoon();
  }
});
pad.addEventListener('strokeend', () => {
  updatePadState();
  if (liveToggle.checked) {
    recognize();
  }
});

fileInput.addEventListener('change', () => {
  if (fileInput.files.length > 0) {
    showUpload(fileInput.files[0]);
  }
});

padElement.addEventListener('dragover', (event) => {
  if (event.dataTransfer.types.includes('Files')) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    padElement.classList.add('dragging');
  }
});
padElement.addEventListener('dragleave', (event) => {
  if (!padElement.contains(event.relatedTarget)) {
    padElement.classList.remove('dragging');
  }
});
padElement.addEventListener('drop', (event) => {
  event.preventDefault();
  padElement.classList.remove('dragging');
  const [file] = event.dataTransfer.files;
  if (file) {
    showUpload(file);
  }
});

// Browsers that block site data throw on any use of localStorage; the page then just forgets.
function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Nothing to remember it in.
  }
}

// ---- controls ---------------------------------------------------------------------------------

undoButton.addEventListener('click', () => enabled(undoButton) && undo());
redoButton.addEventListener('click', () => enabled(redoButton) && redo());
clearButton.addEventListener('click', () => enabled(clearButton) && clear());
$('predict-button').addEventListener('click', recognize);

function applyStrokeWidth() {
  pad.strokeWidth = Number(strokeWidth.value) / 100;
  $('stroke-width-value').value = `${strokeWidth.value}%`;
}
strokeWidth.addEventListener('input', applyStrokeWidth);
applyStrokeWidth();

liveToggle.checked = stored(LIVE_STORAGE_KEY) !== 'off';
liveToggle.addEventListener('change', () => {
  store(LIVE_STORAGE_KEY, liveToggle.checked ? 'on' : 'off');
  if (liveToggle.checked && hasContent()) {
    recognize();
  }
});

function reaskIfShowing() {
  if (hasContent()) {
    recognize();
  }
}
modelSelect.addEventListener('change', reaskIfShowing);
compareToggle.addEventListener('change', () => {
  modelSelect.disabled = compareToggle.checked;
  reaskIfShowing();
});

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'file', 'color']);

/** Text fields and lists keep their own keys; everywhere else the keys are shortcuts. */
function ownsKeys(target) {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') {
    return true;
  }
  return target.tagName === 'INPUT' && !NON_TEXT_INPUTS.has(target.type);
}

/** Enter already activates a focused button, link or file chooser. */
function activatesOnEnter(target) {
  return target instanceof HTMLButtonElement
    || target instanceof HTMLAnchorElement
    || (target instanceof HTMLInputElement && target.type === 'file');
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.altKey || ownsKeys(event.target)) {
    return;
  }
  const command = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.key === 'Enter' && !command && !activatesOnEnter(event.target)) {
    event.preventDefault();
    recognize();
  } else if ((event.key === 'Backspace' && !command) || (command && !event.shiftKey && key === 'z')) {
    event.preventDefault();
    undo();
  } else if ((command && event.shiftKey && key === 'z') || (event.ctrlKey && !event.shiftKey && key === 'y')) {
    event.preventDefault();
    redo();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    clear();
  }
});

// ---- start-up ---------------------------------------------------------------------------------

async function loadModels() {
  try {
    const catalog = await fetchModels();
    modelNames = catalog.models.map((model) => model.name);
    modelSelect.replaceChildren(...catalog.models.map((model) => {
      const tested = typeof model.testAccuracy === 'number' ? ` · ${accuracy(model.testAccuracy)}` : '';
      const option = new Option(`${model.name}${tested}`, model.name);
      option.selected = model.name === catalog.default;
      return option;
    }));
    compareToggle.disabled = modelNames.length < 2;
  } catch (error) {
    modelSelect.replaceChildren(new Option('Server default', ''));
    compareToggle.disabled = true;
  }
}

/** The study page is published separately; link to it only once it exists. */
async function revealStudyLink() {
  try {
    const response = await fetch('/study', {method: 'HEAD'});
    $('study-link').hidden = !response.ok;
  } catch {
    // No link is the honest answer when the server cannot say.
  }
}

// The page may come back from the cache with the number mode still chosen.
setMode(modeInputs.some((input) => input.checked && input.value === 'number'));
updatePadState();
loadModels();
revealStudyLink();
