// The drawing pad: strokes from Pointer Events (mouse, pen and finger alike), kept as vector data
// in coordinates relative to the pad's side, so undo, resizing and export redraw them exactly.

/** Side of the image sent to the server: ten times MNIST's, plenty for its 20-pixel digit box. */
const EXPORT_SIDE = 280;

/**
 * A square canvas to draw one digit on.
 *
 * Events: `strokestart`, `strokeupdate` (points added to the stroke in progress), `strokeend`,
 * and `change` (after undo or clear).
 */
export class DrawingPad extends EventTarget {
  #canvas;
  #context;
  /** Finished strokes and the one in progress: {width: fraction of the side, points: [{x, y}]}. */
  #strokes = [];
  #active = null;
  #pointerId = null;
  #strokeWidth = 0.08;
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

  /** Number of strokes, the one in progress included. */
  get strokeCount() {
    return this.#strokes.length;
  }

  /** Width of the next strokes, as a fraction of the pad's side. */
  set strokeWidth(fraction) {
    this.#strokeWidth = fraction;
  }

  /** Removes the last stroke; false when there was none. */
  undo() {
    if (this.#strokes.length === 0) {
      return false;
    }
    this.#endStroke();
    this.#strokes.pop();
    this.#render();
    this.dispatchEvent(new Event('change'));
    return true;
  }

  /** Removes every stroke. */
  clear() {
    this.#endStroke();
    this.#strokes = [];
    this.#render();
    this.dispatchEvent(new Event('change'));
  }

  /** The drawing as a PNG: dark ink on white, EXPORT_SIDE pixels square, whatever the screen. */
  toBlob() {
    const canvas = document.createElement('canvas');
    canvas.width = EXPORT_SIDE;
    canvas.height = EXPORT_SIDE;
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, EXPORT_SIDE, EXPORT_SIDE);
    drawStrokes(context, this.#strokes, EXPORT_SIDE, '#000000');
    return new Promise((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png');
    });
  }

  #onDown(event) {
    const drawingButton = event.pointerType !== 'mouse' || event.button === 0;
    if (this.#pointerId !== null || !drawingButton || !event.isPrimary) {
      return;
    }
    this.#pointerId = event.pointerId;
    this.#canvas.setPointerCapture(event.pointerId);
    this.#active = {width: this.#strokeWidth, points: [toPad(event, this.#canvas.getBoundingClientRect())]};
    this.#strokes.push(this.#active);
    this.#queueRender();
    this.dispatchEvent(new Event('strokestart'));
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
      this.#addPoint(toPad(sample, rect), rect.width);
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
      this.#addPoint(toPad(event, rect), rect.width);
    }
    if (this.#endStroke()) {
      this.#render();
      this.dispatchEvent(new Event('strokeend'));
    }
  }

  /** Finishes the stroke in progress, if any; true when there was one. */
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
  #addPoint(point, sideInCssPixels) {
    const points = this.#active.points;
    const last = points[points.length - 1];
    if (Math.hypot(point.x - last.x, point.y - last.y) * sideInCssPixels >= 0.5) {
      points.push(point);
    }
  }

  /** Sizes the backing store to the element's size in device pixels, so lines stay crisp. */
  #fitBackingStore() {
    const rect = this.#canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const side = Math.max(1, Math.round(rect.width * ratio));
    if (this.#canvas.width !== side || this.#canvas.height !== side) {
      this.#canvas.width = side;
      this.#canvas.height = side;
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
    const side = this.#canvas.width;
    const style = getComputedStyle(this.#canvas);
    this.#context.fillStyle = style.getPropertyValue('--paper').trim() || '#ffffff';
    this.#context.fillRect(0, 0, side, side);
    drawStrokes(this.#context, this.#strokes, side, style.getPropertyValue('--ink').trim() || '#111111');
  }
}

/**
 * Client coordinates → fractions of the pad's side. The element's rectangle is read at the time of
 * the event, so the mapping is right however the page is scrolled, zoomed or laid out.
 */
function toPad(event, rect) {
  return {
    x: (event.clientX - rect.left) / rect.width,
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
