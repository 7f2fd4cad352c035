// The server's API, as the page uses it. Every failure becomes an ApiError carrying the server's
// error code and sentence, so the page can explain it instead of showing a status number.

/** A refusal or failure: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** The models the server offers: {default, models: [{name, testAccuracy, ...}]}. */
export function fetchModels() {
  return call('/api/models', {});
}

/**
 * Recognizes a digit in an image. A drawing (PNG blob) is sent as the raw body; a file the person
 * chose is sent as a multipart form, so the server, not the browser's guess, decides its type.
 */
export function predict(image, {model, signal}) {
  return send('/api/predict', image, {model, signal});
}

/** Reads the whole number in an image, sent as {@link predict} sends it. */
export function read(image, {model, signal}) {
  return send('/api/read', image, {model, signal});
}

function send(path, image, {model, signal}) {
  if (image instanceof File) {
    const form = new FormData();
    form.append('image', image, image.name);
    if (model) {
      form.append('model', model);
    }
    form.append('includeInput', 'true');
    return call(path, {method: 'POST', body: form, signal});
  }
  const query = new URLSearchParams({includeInput: 'true'});
  if (model) {
    query.set('model', model);
  }
  return call(`${path}?${query}`, {
    method: 'POST',
    headers: {'Content-Type': 'image/png'},
    body: image,
    signal,
  });
}

async function call(url, init) {
  let response;
  try {
    response = await fetch(url, {...init, headers: {Accept: 'application/json', ...init.headers}});
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'network_error', 'The server cannot be reached. Check the connection and try again.');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error ?? `http_${response.status}`,
      body?.detail ?? `The server answered with status ${response.status}.`);
  }
  return body;
}
