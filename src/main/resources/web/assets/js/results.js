// The result area: one prediction, a comparison of several models, or a polite message. Built
// with DOM calls and textContent only, so nothing from the server is ever parsed as HTML.

const percent = new Intl.NumberFormat(undefined, {style: 'percent', maximumFractionDigits: 1});
const wholePercent = new Intl.NumberFormat(undefined, {style: 'percent', maximumFractionDigits: 0});

/** What to tell a person for each error code the server sends, beyond its own sentence. */
const HINTS = {
  no_digit_found: 'Draw a bigger, bolder digit; for a photo, crop it closer to the digit.',
  too_many_pixels: 'Try a smaller photo or crop it around the digit.',
  image_file_too_large: 'Try a smaller photo or crop it around the digit.',
  body_too_large: 'Try a smaller photo or crop it around the digit.',
  unsupported_image_type: 'Use a PNG or JPEG image.',
  invalid_image: 'The file may be damaged; try another one.',
  not_ready: 'The models are still loading; try again in a moment.',
  network_error: '',
};

const TITLES = {
  no_digit_found: 'No digit found',
  unsupported_image_type: 'This image type is not supported',
  network_error: 'The server cannot be reached',
  not_ready: 'Not ready yet',
};

export class ResultView {
  #container;
  #announcer;

  constructor(container, announcer) {
    this.#container = container;
    this.#announcer = announcer;
  }

  /** Nothing to recognize. */
  showEmpty() {
    this.#replace(element('p', {className: 'message'}, 'Draw a digit'));
    this.#announce('');
  }

  /** Marks the result as being replaced; screen readers wait for the new one. */
  setBusy(busy) {
    this.#container.setAttribute('aria-busy', String(busy));
  }

  /** Keeps the last answer on show, dimmed: the drawing has changed since. */
  markOutdated() {
    if (this.#container.querySelector('.answer, .compare')) {
      this.#container.classList.add('outdated');
    }
  }

  /** One model's answer, in full. */
  showPrediction(prediction) {
    const details = element('div', {className: 'details'},
      element('div', {},
        element('p', {className: 'section-label', id: 'bars-label'}, 'All ten probabilities'),
        bars(prediction.probabilities, prediction.digit, 'bars-label')),
      inputFigure(prediction.input));
    this.#replace(
      answer(prediction),
      runnersUp(prediction.top),
      details,
      modelLine(prediction.model));
    this.#announce(`${prediction.digit}, ${wholePercent.format(prediction.confidence)} confident`);
  }

  /** Every model's answer side by side; `entries` are {model, prediction} or {model, error}. */
  showComparison(entries) {
    const answered = entries.filter((entry) => entry.prediction);
    const digits = new Set(answered.map((entry) => entry.prediction.digit));
    const majority = mostCommon(answered.map((entry) => entry.prediction.digit));
    const summary = digits.size <= 1
      ? `All ${answered.length} models agree.`
      : `The models disagree: ${[...digits].sort().join(', ')}.`;
    const cards = entries.map((entry, index) => compareCard(entry, index, majority));
    this.#replace(
      element('p', {className: 'compare-summary'}, summary),
      element('div', {className: 'compare'}, ...cards),
      inputFigure(answered[0]?.prediction.input));
    this.#announce(summary + ' ' + answered
      .map((entry) => `${entry.model}: ${entry.prediction.digit}, ${wholePercent.format(entry.prediction.confidence)}`)
      .join('; '));
  }

  /** A failure, explained. */
  showError(error) {
    const title = TITLES[error.code] ?? 'Could not recognize a digit';
    // The server's sentence often starts with the same words; say them once.
    const detail = error.message.toLowerCase().startsWith(title.toLowerCase())
      ? error.message.slice(title.length).replace(/^[\s:.,;–-]+/, '')
      : error.message;
    const hint = HINTS[error.code];
    this.#replace(element('p', {className: 'message error'},
      element('strong', {}, title),
      detail ? element('span', {className: 'hint'}, capitalize(detail)) : null,
      hint ? element('span', {className: 'hint'}, hint) : null));
    this.#announce(`${title}. ${detail}`);
  }

  #replace(...children) {
    this.#container.classList.remove('outdated');
    this.#container.replaceChildren(...children.filter(Boolean));
  }

  #announce(text) {
    this.#announcer.textContent = text;
  }
}

function answer(prediction) {
  return element('div', {className: 'answer'},
    element('span', {className: 'digit'}, String(prediction.digit)),
    element('span', {className: 'confidence'},
      percent.format(prediction.confidence),
      element('span', {className: 'confidence-label'}, 'confidence')));
}

function runnersUp(top) {
  return element('ol', {className: 'runners-up', 'aria-label': 'Most likely digits'},
    ...top.map(({digit, probability}) => element('li', {}, `${digit} · ${percent.format(probability)}`)));
}

/** Ten labelled bars, one per digit, the winner highlighted. */
function bars(probabilities, best, labelledBy) {
  const list = element('ol', {className: 'bars', 'aria-labelledby': labelledBy});
  probabilities.forEach((probability, digit) => {
    const fill = element('span', {className: 'fill'});
    fill.style.setProperty('--p', String(probability));
    list.append(element('li', {className: digit === best ? 'best' : ''},
      element('span', {className: 'label'}, String(digit)),
      element('span', {className: 'track', 'aria-hidden': 'true'}, fill),
      element('span', {className: 'value'}, percent.format(probability))));
  });
  return list;
}

function inputFigure(input) {
  if (!input) {
    return null;
  }
  return element('figure', {className: 'model-input'},
    element('img', {src: input, alt: 'The 28 by 28 pixel image the model was given', width: 112, height: 112}),
    element('figcaption', {}, 'What the model saw (28×28)'));
}

function modelLine(model) {
  const accuracy = typeof model.testAccuracy === 'number'
    ? `${percent.format(model.testAccuracy)} accurate on the MNIST test set`
    : 'test accuracy not measured';
  return element('p', {className: 'model-line'},
    'Model ', element('strong', {}, model.name), ` · ${model.architecture} · ${accuracy}`);
}

function compareCard(entry, index, majority) {
  const heading = element('h3', {}, entry.model);
  if (entry.error) {
    return element('article', {className: 'compare-card'},
      heading, element('p', {className: 'message error'}, entry.error.message));
  }
  const {prediction} = entry;
  const labelId = `compare-bars-${index}`;
  return element('article', {
    className: prediction.digit === majority ? 'compare-card' : 'compare-card disagrees',
    'aria-label': `${entry.model}: ${prediction.digit}`,
  },
    heading,
    answer(prediction),
    element('p', {className: 'visually-hidden', id: labelId}, `Probabilities of ${entry.model}`),
    bars(prediction.probabilities, prediction.digit, labelId));
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function mostCommon(values) {
  const counts = new Map();
  values.forEach((value) => counts.set(value, (counts.get(value) ?? 0) + 1));
  let best = null;
  counts.forEach((count, value) => {
    if (best === null || count > counts.get(best)) {
      best = value;
    }
  });
  return best;
}

/** A small createElement: a class name, attributes and children. */
function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') {
      node.className = value;
    } else {
      node.setAttribute(name, String(value));
    }
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}
