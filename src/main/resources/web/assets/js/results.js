// The result area: one prediction, a comparison of several models, or a polite message. Built
// with DOM calls and textContent only, so nothing from the server is ever parsed as HTML.

import {accuracy, probability} from './format.js';

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

/**
 * The words for a model that declines to call the drawing a digit (`accepted: false`, with a
 * `reason`), or null when it answers. An answer without these fields is an accepted one.
 */
export function verdict(prediction) {
  if (prediction.accepted !== false) {
    return null;
  }
  switch (prediction.reason) {
    case 'not_a_digit':
      return 'That doesn\'t look like a digit';
    case 'several_digits':
      return 'That looks like more than one digit';
    case 'too_small':
      return 'Draw it bigger';
    default: {
      const [first, second] = prediction.top;
      return second ? `Not sure: ${first.digit} or ${second.digit}?` : 'Not sure';
    }
  }
}

export class ResultView {
  #panel;
  #container;
  #announcer;
  /** The number on show, for picking one of its digits; null when another answer is shown. */
  #reading = null;

  /** `panel` shows that a request is in progress; `container` holds the result; `announcer` speaks. */
  constructor({panel, container, announcer}) {
    this.#panel = panel;
    this.#container = container;
    this.#announcer = announcer;
  }

  /** Nothing to recognize. */
  showEmpty(text = 'Draw a digit') {
    this.#replace(element('p', {className: 'message'}, text));
    this.#announce('');
  }

  /**
   * Marks the result as being replaced: a bar shows it, a message gives way to "Recognizing…", and
   * screen readers wait for the new one.
   */
  setBusy(busy) {
    this.#container.setAttribute('aria-busy', String(busy));
    this.#panel.classList.toggle('busy', busy);
    if (busy && !this.#container.querySelector('.answer, .compare, .number-answer, .pending')) {
      this.#replace(element('p', {className: 'message pending'}, 'Recognizing…'));
    }
  }

  /**
   * The drawing has changed since the answer on show (or there is none yet): keeps it, dimmed, and
   * says how to get a new one.
   */
  markOutdated() {
    if (!this.#container.querySelector('.answer, .compare, .number-answer')) {
      this.#replace(element('p', {className: 'message'},
        'Press ', element('strong', {}, 'Predict'), ' to recognize the drawing'));
      return;
    }
    if (this.#container.classList.contains('outdated')) {
      return;
    }
    this.#container.classList.add('outdated');
    this.#container.prepend(element('p', {className: 'stale-note'},
      'The drawing has changed: press ', element('strong', {}, 'Predict'), ' for a new answer.'));
  }

  /**
   * One model's answer, in full. `announce` is false for an answer to a stroke still being drawn:
   * only the settled answer is spoken.
   */
  showPrediction(prediction, {announce = true} = {}) {
    const words = verdict(prediction);
    const details = element('div', {className: 'details'},
      element('div', {},
        element('p', {className: 'section-label', id: 'bars-label'}, 'All ten probabilities'),
        bars(prediction.probabilities, prediction.digit, 'bars-label')),
      inputFigure(prediction.input));
    this.#replace(
      words ? element('p', {className: 'verdict'}, words) : null,
      answer(prediction, words !== null),
      details,
      modelLine(prediction.model));
    if (announce) {
      const guess = `${prediction.digit}, ${probability(prediction.confidence)}`;
      this.#announce(words ? `${words} Best guess ${guess}.` : `${guess} confident`);
    }
  }

  /** Every model's answer, one row each; `entries` are {model, prediction} or {model, error}. */
  showComparison(entries, {announce = true} = {}) {
    const answered = entries.filter((entry) => entry.prediction);
    const accepted = answered.filter((entry) => verdict(entry.prediction) === null);
    const majority = mostCommon((accepted.length > 0 ? accepted : answered).map((entry) => entry.prediction.digit));
    const summary = comparisonSummary(entries.length, answered.length, accepted);
    this.#replace(
      element('div', {className: 'compare-head'},
        element('p', {className: 'compare-summary'}, summary),
        inputFigure(answered[0]?.prediction.input)),
      compareTable(entries, majority));
    if (announce) {
      this.#announce(`${summary} ${answered.map(({model, prediction}) => {
        const words = verdict(prediction);
        const guess = `${prediction.digit}, ${probability(prediction.confidence)}`;
        return `${model}: ${words ? `${words} Best guess ${guess}` : guess}`;
      }).join('; ')}`);
    }
  }

  /**
   * A number read: the number in large type, each digit as a button (a declined one highlighted and
   * named), and the details of the digit picked with {@link selectDigit}, the first unsure one at
   * first. `onSelect(index)` is told when a digit's button picks it.
   */
  showNumber(reading, {announce = true, onSelect = () => {}} = {}) {
    const declined = reading.digits
      .map((digit, index) => ({digit, index, words: verdict(digit)}))
      .filter(({words}) => words !== null);
    const number = element('p', {className: 'number', 'aria-label': `Number ${reading.number}`},
      ...reading.digits.map((digit) =>
        element('span', {className: verdict(digit) ? 'unsure' : ''}, String(digit.digit))));
    const chips = element('ol', {className: 'number-digits', 'aria-label': 'Digits, left to right'},
      ...reading.digits.map((digit, index) => element('li', {},
        element('button', {
          type: 'button',
          className: verdict(digit) ? 'digit-chip declined' : 'digit-chip',
          'aria-pressed': 'false',
          'data-index': index,
        }, element('span', {className: 'chip-digit'}, String(digit.digit)), ` ${probability(digit.confidence)}`))));
    chips.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-index]');
      if (button) {
        const index = Number(button.dataset.index);
        this.selectDigit(index);
        onSelect(index);
      }
    });
    this.#replace(
      element('div', {className: 'number-answer'},
        number,
        element('span', {className: 'confidence'},
          `${probability(reading.confidence)} `,
          element('span', {className: 'confidence-label'}, 'confidence'))),
      ...declined.map(({digit, index, words}) => element('p', {className: 'verdict'},
        `Digit ${index + 1} (${digit.digit}): ${words}`)),
      chips,
      element('div', {className: 'digit-details', 'aria-live': 'polite'}),
      modelLine(reading.model));
    this.#reading = reading;
    if (reading.digits.length > 0) {
      this.selectDigit(declined.length > 0 ? declined[0].index : 0);
    }
    if (announce) {
      const unsure = declined.length > 0 ? ` Unsure of ${declined.length} of its digits.` : '';
      this.#announce(`${reading.number}, ${probability(reading.confidence)} confident.${unsure}`);
    }
  }

  /** Shows digit `index` of the number on show in detail: confidence, top 3, what the model saw. */
  selectDigit(index) {
    const digit = this.#reading?.digits[index];
    const details = this.#container.querySelector('.digit-details');
    if (!digit || !details) {
      return;
    }
    this.#container.querySelectorAll('.digit-chip').forEach((chip) =>
      chip.setAttribute('aria-pressed', String(Number(chip.dataset.index) === index)));
    const words = verdict(digit);
    details.replaceChildren(...[
      element('p', {className: 'section-label'}, `Digit ${index + 1} of ${this.#reading.digits.length}`),
      words ? element('p', {className: 'verdict'}, words) : null,
      answer(digit, words !== null),
      inputFigure(digit.input)].filter(Boolean));
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
    this.#reading = null;
    this.#container.classList.remove('outdated');
    this.#container.replaceChildren(...children.filter(Boolean));
  }

  #announce(text) {
    this.#announcer.textContent = text;
  }
}

/** The digit, how sure the model is, and the runners-up: the line that must stay on screen. */
function answer(prediction, guess) {
  return element('div', {className: guess ? 'answer guess' : 'answer'},
    element('span', {className: 'digit'}, String(prediction.digit)),
    element('span', {className: 'confidence'},
      `${probability(prediction.confidence)} `,
      element('span', {className: 'confidence-label'}, guess ? 'best guess' : 'confidence')),
    runnersUp(prediction.top));
}

function runnersUp(top) {
  return element('ol', {className: 'runners-up', 'aria-label': 'Most likely digits'},
    ...top.map(({digit, probability: p}) => element('li', {}, `${digit} · ${probability(p)}`)));
}

/** Ten labelled bars, one per digit, the winner highlighted. */
function bars(probabilities, best, labelledBy) {
  const list = element('ol', {className: 'bars', 'aria-labelledby': labelledBy});
  probabilities.forEach((p, digit) => {
    const fill = element('span', {className: 'fill'});
    fill.style.setProperty('--p', String(p));
    list.append(element('li', {className: digit === best ? 'best' : ''},
      element('span', {className: 'label'}, String(digit)),
      element('span', {className: 'track', 'aria-hidden': 'true'}, fill),
      element('span', {className: 'value'}, probability(p))));
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
  const tested = typeof model.testAccuracy === 'number'
    ? `${accuracy(model.testAccuracy)} accurate on the MNIST test set`
    : 'test accuracy not measured';
  return element('p', {className: 'model-line'},
    'Model ', element('strong', {}, model.name), ` · ${model.architecture} · ${tested}`);
}

/** "All 5 models agree: 3.", "The models disagree: 3, 5.", "4 of 5 models say 3; 1 declines." */
function comparisonSummary(asked, answered, accepted) {
  const digits = [...new Set(accepted.map((entry) => entry.prediction.digit))].sort();
  const declined = answered - accepted.length;
  let summary;
  if (accepted.length === 0) {
    summary = answered > 0 ? 'No model calls this a digit' : 'No model could answer';
  } else if (digits.length > 1) {
    summary = `The models disagree: ${digits.join(', ')}`;
  } else if (accepted.length === asked) {
    summary = `All ${asked} models agree: ${digits[0]}`;
  } else {
    summary = `${accepted.length} of ${asked} models say ${digits[0]}`;
  }
  if (declined > 0 && accepted.length > 0) {
    summary += `; ${declined} ${declined === 1 ? 'declines' : 'decline'}`;
  }
  return `${summary}.`;
}

function compareTable(entries, majority) {
  return element('table', {className: 'compare'},
    element('caption', {className: 'visually-hidden'}, 'Each model\'s answer'),
    element('thead', {}, element('tr', {},
      element('th', {scope: 'col'}, 'Model'),
      element('th', {scope: 'col'}, 'Answer'),
      element('th', {scope: 'col'}, 'Confidence'),
      element('th', {scope: 'col', className: 'runner-up'}, 'Runner-up'))),
    element('tbody', {}, ...entries.map((entry) => compareRow(entry, majority))));
}

function compareRow({model, prediction, error}, majority) {
  const name = element('th', {scope: 'row'}, model);
  if (error) {
    return element('tr', {className: 'compare-row'}, name,
      element('td', {className: 'error', colspan: 4}, error.message));
  }
  const words = verdict(prediction);
  const classes = ['compare-row'];
  if (prediction.digit !== majority) {
    classes.push('disagrees');
  }
  if (words) {
    classes.push('declined');
  }
  return element('tr', {className: classes.join(' ')}, name,
    element('td', {},
      element('span', {className: 'compare-digit'}, String(prediction.digit)),
      words ? element('span', {className: 'row-verdict'}, words) : null),
    element('td', {}, probability(prediction.confidence)),
    element('td', {className: 'runner-up'}, runnerUp(prediction.top)));
}

function runnerUp([, second]) {
  return second ? `${second.digit} · ${probability(second.probability)}` : '—';
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
