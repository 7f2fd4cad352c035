// Wires the page together: the drawing pad, the controls, the API and the result area.

import {ApiError, fetchModels, predict} from './api.js';
import {DrawingPad} from './canvas.js';
import {ResultView} from './results.js';

/** Pause in drawing after which live prediction asks the server. */
const LIVE_DELAY_MS = 200;
const LIVE_STORAGE_KEY = 'digits.livePrediction';

const $ = (id) => document.getElementById(id);
const padElement = $('pad');
const canvas = $('canvas');
const preview = $('upload-preview');
const modelSelect = $('model-select');
const compareToggle = $('compare-toggle');
const liveToggle = $('live-toggle');
const strokeWidth = $('stroke-width');
const fileInput = $('file-input');

const pad = new DrawingPad(canvas);
const view = new ResultView($('result'), $('announcer'));

/** Names of the server's models, in its order. */
let modelNames = [];
/** The image file shown instead of the drawing, or null. */
let upload = null;
let uploadUrl = null;
/** Cancels the request in flight when a newer one starts, so an old answer never wins. */
let inFlight = null;
let liveTimer = 0;

// ---- predictions ------------------------------------------------------------------------------

function hasContent() {
  return upload !== null || !pad.isEmpty;
}

async function recognize() {
  clearTimeout(liveTimer);
  inFlight?.abort();
  if (!hasContent()) {
    inFlight = null;
    view.setBusy(false);
    view.showEmpty();
    return;
  }
  const request = new AbortController();
  inFlight = request;
  view.setBusy(true);
  try {
    const image = upload ?? (await pad.toBlob());
    const models = compareToggle.checked && modelNames.length > 0 ? modelNames : [modelSelect.value];
    const entries = await Promise.all(models.map((model) =>
      predict(image, {model, signal: request.signal}).then(
        (prediction) => ({model, prediction}),
        (error) => ({model, error}))));
    if (request.signal.aborted) {
      return;
    }
    if (entries.every((entry) => entry.error)) {
      // One explanation beats the same refusal on every card.
      throw entries[0].error;
    }
    if (compareToggle.checked && modelNames.length > 0) {
      view.showComparison(entries);
    } else {
      view.showPrediction(entries[0].prediction);
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
  updatePadState();
  recognize();
}

function dropUpload() {
  if (upload === null) {
    return;
  }
  URL.revokeObjectURL(uploadUrl);
  upload = null;
  uploadUrl = null;
  preview.hidden = true;
  preview.removeAttribute('src');
  fileInput.value = '';
}

function updatePadState() {
  padElement.classList.toggle('has-content', hasContent());
}

function undo() {
  if (upload !== null) {
    dropUpload();
  } else {
    pad.undo();
  }
  afterEdit();
}

function clear() {
  dropUpload();
  pad.clear();
  afterEdit();
}

/** After undo or clear: an empty pad says so at once; otherwise the answer is renewed or outdated. */
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
  updatePadState();
  if (!liveToggle.checked) {
    view.markOutdated();
  }
});
pad.addEventListener('strokeupdate', () => {
  if (liveToggle.checked) {
    recognizeSoon();
  }
});
pad.addEventListener('strokeend', () => {
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

$('undo-button').addEventListener('click', undo);
$('clear-button').addEventListener('click', clear);
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
  if (event.key === 'Enter' && !command && !activatesOnEnter(event.target)) {
    event.preventDefault();
    recognize();
  } else if ((event.key === 'Backspace' && !command)
      || (command && !event.shiftKey && event.key.toLowerCase() === 'z')) {
    event.preventDefault();
    undo();
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
      const accuracy = typeof model.testAccuracy === 'number'
        ? ` · ${(model.testAccuracy * 100).toFixed(2)}%`
        : '';
      const option = new Option(`${model.name}${accuracy}`, model.name);
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

view.showEmpty();
loadModels();
revealStudyLink();
