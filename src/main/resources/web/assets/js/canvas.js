// The drawing pad: strokes from Pointer Events (mouse, pen and finger alike) or the keyboard, kept
// as vector data in coordinates relative to the pad's height, so undo, redo, resizing, export and a
// change between the square pad and the wide one redraw them exactly.

/** Height of the image sent to the server: ten times MNIST's, plenty for its 20-pixel digit box. */
const EXPORT_SIDE = 280;

/** How far one arrow key moves the keyboard pen, as a fraction of the height; with Shift, four times. */
const KEY_STEP = 1 / 40;

/**
 * A canvas to draw on, square for one digit or wide for a number ({@link #aspect}), with a pointer (mouse, pen, finger) or the keyboard (arrow
 * keys move a pen, Space puts it down or lifts it).
 *
 * Events: `strokestart`, `strokeupdate` (points added to the stroke in progress), `strokeend`,
 * and `change` (after undo, redo or clear).
 */
export class DrawingPad extends EventTarget {
  #canvas;
  #context;
  /**
   * What is drawn, the stroke in progress included: {width, points: [{x, y}]}, all in fractions of
   * the pad's height (x runs to the aspect ratio).
   */
  #strokes = [];
  /** Earlier states of #strokes, for undo, and states undone, for redo. */
  #past = [];
  #future = [];
  #active = null;
  #pointerId = null;
  /** The keyboard pen's position while the pad has keyboard focus, else null. */
  #cursor = null;
  #strokeWidth = 0.08;
  /** Width over height: 1 for the square pad. */
  #aspect = 1;
  #renderQueued = false;

  constructor(canvas) {
    super();
    this.#canvas = canvas;
    this.#context = canvas.getContext('2d');
    canvas.addEventListener('pointerdown', (event) => this.#onDown(event));
    canvas.addEventListener('pointermove', (event) => this.#onMove(event));
    canvas.addEventListener('pointerup', (event) => this.#onUp(event));
    canvas.addEventListener('pointercancel', (event) => this.#onUp(event));
    canvas.addEventListener('lostpointercapture', (event) => this.#onUp(event));
    canvas.addEventListener('keydown', (event) => this.#onKey(event));
    canvas.addEventListener('focus', () => this.#onFocus());
    canvas.addEventListener('blur', () => this.#onBlur());
    // A long press must not open a menu or start a selection in the middle of a stroke.
    canvas.addEventListener('contextmenu', (event) => event.preventDefault());
    new ResizeObserver(() => this.#fitBackingStore()).observe(canvas);
    // Browser zoom changes devicePixelRatio without resizing the element in CSS pixels.
    window.addEventListener('resize', () => this.#fitBackingStore());
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.#render());
    this.#fitBackingStore();
  }

  /** True when nothing is drawn. */
  get isEmpty() {
    return this.#strokes.length === 0;
  }

  /** True while a stroke is in progress. */
  get isDrawing() {
    return this.#active !== null;
  }

  get canUndo() {
    return this.#past.length > 0;
  }

  get canRedo() {
    return this.#future.length > 0;
  }

  /** Width over height of the pad. */
  get aspect() {
    return this.#aspect;
  }

  /**
   * Makes the pad this much wider than tall (the page's CSS sizes the element to match). A drawing
   * that would no longer fit is scaled down into it, so changing back and forth never loses it.
   */
  set aspect(ratio) {
    this.#endStroke();
    this.#aspect = ratio;
    const right = Math.max(0, ...this.#strokes.flatMap(({points}) => points.map((point) => point.x)));
    if (right > ratio) {
      const scale = ratio / right;
      const shrink = (strokes) => strokes.map(({width, points}) => ({
        width: width * scale,
        points: points.map(({x, y}) => ({x: x * scale, y: y * scale})),
      }));
      this.#strokes = shrink(this.#strokes);
      this.#past = this.#past.map(shrink);
      this.#future = this.#future.map(shrink);
    }
    this.#cursor = null;
    this.#fitBackingStore();
  }

  /** Width of the next strokes, as a fraction of the pad's height. */
  set strokeWidth(fraction) {
    this.#strokeWidth = fraction;
    this.#queueRender();
  }

  /** Goes back one step (a stroke, or a clear); false when there is none. */
  undo() {
    this.#endStroke();
    return this.#step(this.#past, this.#future);
  }

  /** Goes forward again one step undone; false when there is none. */
  redo() {
    this.#endStroke();
    return this.#step(this.#future, this.#past);
  }

  /** Removes every stroke, as one step that undo takes back. */
  clear() {
    this.#endStroke();
    if (this.isEmpty) {
      return;
    }
    this.#record([]);
    this.#render();
    this.dispatchEvent(new Event('change'));
  }

  /** The size of the exported image: EXPORT_SIDE pixels tall, as wide as the pad's aspect says. */
  get exportSize() {
    return {width: Math.round(EXPORT_SIDE * this.#aspect), height: EXPORT_SIDE};
  }

  /** The drawing as a PNG: dark ink on white, EXPORT_SIDE pixels tall, whatever the screen. */
  toBlob() {
    const canvas = document.createElement('canvas');
    const {width, height} = this.exportSize;
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    drawStrokes(context, this.#strokes, EXPORT_SIDE, '#000000');
    return new Promise((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png');
    });
  }

  /** Moves the state from one history stack's top to the other's. */
  #step(from, to) {
    if (from.length === 0) {
      return false;
    }
    to.push(this.#strokes);
    this.#strokes = from.pop();
    this.#render();
    this.dispatchEvent(new Event('change'));
    return true;
  }

  /** Makes `strokes` the drawing, as a step undo can take back; nothing undone can be redone then. */
  #record(strokes) {
    this.#past.push(this.#strokes);
    this.#strokes = strokes;
    this.#future = [];
  }

  #beginStroke(point) {
    this.#active = {width: this.#strokeWidth, points: [point]};
    this.#record([...this.#strokes, this.#active]);
    this.#queueRender();
    this.dispatchEvent(new Event('strokestart'));
  }

  #onDown(event) {
    const drawingButton = event.pointerType !== 'mouse' || event.button === 0;
    if (this.#pointerId !== null || !drawingButton || !event.isPrimary) {
      return;
    }
    this.#endStroke();
    this.#pointerId = event.pointerId;
    this.#canvas.setPointerCapture(event.pointerId);
    this.#beginStroke(toPad(event, this.#canvas.getBoundingClientRect()));
  }

  #onMove(event) {
    if (event.pointerId !== this.#pointerId || this.#active === null) {
      return;
    }
    // Coalesced events carry every position the pointer passed since the last frame, which
    // keeps fast strokes smooth instead of polygonal.
    const rect = this.#canvas.getBoundingClientRect();
    const samples = event.getCoalescedEvents?.() ?? [];
    for (const sample of samples.length > 0 ? samples : [event]) {
      this.#addPoint(toPad(sample, rect), rect.height);
    }
    this.#queueRender();
    this.dispatchEvent(new Event('strokeupdate'));
  }

  #onUp(event) {
    if (event.pointerId !== this.#pointerId) {
      return;
    }
    if (event.type === 'pointerup') {
      const rect = this.#canvas.getBoundingClientRect();
      this.#addPoint(toPad(event, rect), rect.height);
    }
    this.#finishStroke();
  }

  #onFocus() {
    // Only a keyboard user gets the pen; a click or a touch that focused the pad draws as always.
    if (this.#canvas.matches(':focus-visible')) {
      this.#showCursor();
    }
  }

  #onBlur() {
    if (this.#cursor !== null && this.#active !== null) {
      this.#finishStroke();
    }
    this.#cursor = null;
    this.#render();
  }

  #onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const step = event.shiftKey ? 4 * KEY_STEP : KEY_STEP;
    const moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
    if (event.key in moves) {
      event.preventDefault();
      this.#showCursor();
      const [dx, dy] = moves[event.key];
      this.#cursor = {x: clamp(this.#cursor.x + dx, this.#aspect), y: clamp(this.#cursor.y + dy, 1)};
      if (this.#active !== null && this.#pointerId === null) {
        this.#active.points.push(this.#cursor);
        this.dispatchEvent(new Event('strokeupdate'));
      }
      this.#queueRender();
    } else if (event.key === ' ') {
      event.preventDefault();
      this.#showCursor();
      if (this.#active === null) {
        this.#beginStroke(this.#cursor);
      } else if (this.#pointerId === null) {
        this.#finishStroke();
      }
    }
  }

  #showCursor() {
    if (this.#cursor === null) {
      this.#cursor = {x: this.#aspect / 2, y: 0.5};
      this.#queueRender();
    }
  }

  /** Ends the stroke in progress and says so, if there is one. */
  #finishStroke() {
    if (this.#endStroke()) {
      this.#render();
      this.dispatchEvent(new Event('strokeend'));
    }
  }

  /** Finishes the stroke in progress, if any, without a word; true when there was one. */
  #endStroke() {
    const wasDrawing = this.#active !== null;
    if (this.#pointerId !== null && this.#canvas.hasPointerCapture(this.#pointerId)) {
      this.#canvas.releasePointerCapture(this.#pointerId);
    }
    this.#pointerId = null;
    this.#active = null;
    return wasDrawing;
  }

  /** Adds a point unless it is within half a screen pixel of the last: those add only work. */
  #addPoint(point, heightInCssPixels) {
    const points = this.#active.points;
    const last = points[points.length - 1];
    if (Math.hypot(point.x - last.x, point.y - last.y) * heightInCssPixels >= 0.5) {
      points.push(point);
    }
  }

  /** Sizes the backing store to the element's size in device pixels, so lines stay crisp. */
  #fitBackingStore() {
    const rect = this.#canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(rect.width * ratio));
    const height = Math.max(1, Math.round(rect.height * ratio));
    if (this.#canvas.width !== width || this.#canvas.height !== height) {
      this.#canvas.width = width;
      this.#canvas.height = height;
    }
    this.#render();
  }

  #queueRender() {
    if (!this.#renderQueued) {
      this.#renderQueued = true;
      requestAnimationFrame(() => {
        this.#renderQueued = false;
        this.#render();
      });
    }
  }

  #render() {
    const side = this.#canvas.height;
    const style = getComputedStyle(this.#canvas);
    this.#context.fillStyle = style.getPropertyValue('--paper').trim() || '#ffffff';
    this.#context.fillRect(0, 0, this.#canvas.width, side);
    drawStrokes(this.#context, this.#strokes, side, style.getPropertyValue('--ink').trim() || '#111111');
    if (this.#cursor !== null) {
      drawCursor(this.#context, this.#cursor, side, this.#strokeWidth, this.#active !== null,
        style.getPropertyValue('--focus').trim() || '#e8710a');
    }
  }
}

/** The keyboard pen: a ring as wide as the stroke, filled while the pen is down. */
function drawCursor(context, {x, y}, side, width, down, color) {
  const radius = Math.max(4, (width * side) / 2);
  context.beginPath();
  context.arc(x * side, y * side, radius, 0, 2 * Math.PI);
  context.lineWidth = Math.max(2, side / 200);
  context.strokeStyle = color;
  context.stroke();
  if (down) {
    context.globalAlpha = 0.35;
    context.fillStyle = color;
    context.fill();
    context.globalAlpha = 1;
  }
}

function clamp(fraction, most) {
  return Math.min(most, Math.max(0, fraction));
}

/**
 * Client coordinates → fractions of the pad's height. The element's rectangle is read at the time of
 * the event, so the mapping is right however the page is scrolled, zoomed or laid out.
 */
function toPad(event, rect) {
  return {
    x: (event.clientX - rect.left) / rect.height,
    y: (event.clientY - rect.top) / rect.height,
  };
}

/** Draws strokes as round-capped curves through the midpoints of their points. */
function drawStrokes(context, strokes, side, color) {
  context.strokeStyle = color;
  context.fillStyle = color;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const {width, points} of strokes) {
    const lineWidth = width * side;
    const [first] = points;
    if (points.length === 1) {
      context.beginPath();
      context.arc(first.x * side, first.y * side, lineWidth / 2, 0, 2 * Math.PI);
      context.fill();
      continue;
    }
    context.lineWidth = lineWidth;
    context.beginPath();
    context.moveTo(first.x * side, first.y * side);
    // Each point is a control point; the curve passes through the midpoints between points, so
    // consecutive segments meet with the same tangent and the stroke has no corners.
    for (let i = 1; i < points.length - 1; i++) {
      const point = points[i];
      const next = points[i + 1];
      context.quadraticCurveTo(
        point.x * side, point.y * side, ((point.x + next.x) / 2) * side, ((point.y + next.y) / 2) * side);
    }
    const last = points[points.length - 1];
    context.lineTo(last.x * side, last.y * side);
    context.stroke();
  }
}
