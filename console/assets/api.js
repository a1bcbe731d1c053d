// @ts-check
// Calls to the two documented APIs from the console's buttons and forms, and the toast that reports them.

export const telesignUrl =
  document.querySelector('meta[name="telesign-url"]')?.getAttribute('content') ?? '';

// ---- toast -------------------------------------------------------------------------------
let toastTimer = 0;
export function toast(/** @type {string} */ text, /** @type {'ok'|'error'} */ tone = 'ok') {
  const el = /** @type {HTMLElement|null} */ (document.querySelector('[data-role="toast"]'));
  if (!el) return;
  el.textContent = text;
  el.dataset.tone = tone;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(
    () => {
      el.hidden = true;
    },
    tone === 'error' ? 8000 : 3500,
  );
}

// ---- API calls ---------------------------------------------------------------------------
/** An API's refusal, with its code when the API gave one. */
export class ApiError extends Error {
  constructor(
    /** @type {string} */ message,
    /** @type {string} */ code,
    /** @type {number} */ status,
  ) {
    super(code ? `${code}: ${message}` : message);
    this.code = code;
    this.status = status;
  }
}

/** The code and message of an error body from either API. */
function describeError(/** @type {unknown} */ body, /** @type {number} */ status) {
  if (body && typeof body === 'object') {
    const b = /** @type {Record<string, any>} */ (body);
    if (b.error && typeof b.error === 'object')
      return { code: String(b.error.code ?? ''), message: String(b.error.message ?? 'failed') };
    if (Array.isArray(b.errors) && b.errors[0])
      return { code: String(b.errors[0].code ?? ''), message: String(b.errors[0].description) };
    if (b.status && typeof b.status === 'object' && b.status.description)
      return { code: String(b.status.code ?? ''), message: String(b.status.description) };
  }
  if (typeof body === 'string' && body)
    return { code: `HTTP ${status}`, message: body.slice(0, 200) };
  return { code: `HTTP ${status}`, message: 'request failed' };
}

/**
 * Calls a documented API through the console's relay (`POST /console/call`), which always answers
 * 200 with the API's status and body: a refusal is shown in the page, never logged by the browser
 * as a failed request.
 * @returns {Promise<any>}
 */
export async function callApi(
  /** @type {string} */ spec,
  /** @type {string} */ target,
  /** @type {unknown} */ body,
) {
  const [method = 'GET', path = '/'] = spec.split(' ');
  /** @type {{ status: number, body: unknown }} */
  let answer;
  try {
    const response = await fetch('/console/call', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({
        target: target === 'telesign' ? 'telesign' : 'channel',
        method,
        path,
        body,
      }),
    });
    answer = await response.json();
  } catch (error) {
    throw new ApiError(error instanceof Error ? error.message : String(error), 'unreachable', 0);
  }
  if (answer.status >= 400) {
    const { code, message } = describeError(answer.body, answer.status);
    throw new ApiError(message, code, answer.status);
  }
  return answer.body;
}

/** Form fields → JSON body; `data-type` says how a value is read. */
export function formBody(/** @type {HTMLFormElement} */ form) {
  /** @type {Record<string, unknown>} */
  const body = form.dataset.extra ? JSON.parse(form.dataset.extra) : {};
  for (const el of Array.from(form.elements)) {
    const field = /** @type {HTMLInputElement} */ (el);
    if (!field.name || field.disabled) continue;
    const type = field.dataset.type;
    if (type === 'number') body[field.name] = Number(field.value);
    else if (type === 'merge-json') Object.assign(body, JSON.parse(field.value));
    else if (type === 'json-or-string' && /^[{[]/.test(field.value))
      body[field.name] = JSON.parse(field.value);
    else body[field.name] = field.value;
  }
  return body;
}
