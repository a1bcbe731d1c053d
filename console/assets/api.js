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
    /** @type {string} */ field = '',
  ) {
    super(code ? `${code}: ${message}` : message);
    this.code = code;
    this.status = status;
    /** The field the API named as at fault ('' when it named none). */
    this.field = field;
  }
}

/** The code and message of an error body from either API. */
function describeError(/** @type {unknown} */ body, /** @type {number} */ status) {
  if (body && typeof body === 'object') {
    const b = /** @type {Record<string, any>} */ (body);
    if (b.error && typeof b.error === 'object')
      return {
        code: String(b.error.code ?? ''),
        message: String(b.error.message ?? 'failed'),
        field: typeof b.error.field === 'string' ? b.error.field : '',
      };
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
 * as a failed request. Target `console`: one of the console's own actions (`POST /console/…`),
 * which answers in the relay's shape.
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
    const own = target === 'console' && method === 'POST' && path.startsWith('/console/');
    const response = await fetch(own ? path : '/console/call', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(
        own
          ? (body ?? {})
          : { target: target === 'telesign' ? 'telesign' : 'channel', method, path, body },
      ),
    });
    answer = await response.json();
  } catch (error) {
    throw new ApiError(error instanceof Error ? error.message : String(error), 'unreachable', 0);
  }
  if (answer.status >= 400) {
    const { code, message, field } = describeError(answer.body, answer.status);
    throw new ApiError(message, code, answer.status, field);
  }
  return answer.body;
}

/**
 * A field's value as `data-type` says: `number`; `number-or-null` (blank is null, text that is no
 * number is sent as typed so the API names the field); `boolean` (a checkbox); `list` (one item a
 * line or comma, blanks dropped); `merge-json`; `json-or-string`; else the text.
 */
function fieldValue(/** @type {HTMLInputElement} */ field) {
  const type = field.dataset.type;
  const text = field.value;
  if (type === 'number') return Number(text);
  if (type === 'number-or-null') {
    const trimmed = text.trim();
    if (trimmed === '') return null;
    return Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  }
  if (type === 'boolean') return field.checked;
  if (type === 'list')
    return text
      .split(/[\n,]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  if (type === 'json-or-string' && /^[{[]/.test(text)) return JSON.parse(text);
  return text;
}

/** Form fields → JSON body; a dotted name (`opt_out.enabled`) nests. */
export function formBody(/** @type {HTMLFormElement} */ form) {
  /** @type {Record<string, unknown>} */
  const body = form.dataset.extra ? JSON.parse(form.dataset.extra) : {};
  for (const el of Array.from(form.elements)) {
    const field = /** @type {HTMLInputElement} */ (el);
    if (!field.name || field.disabled) continue;
    if (field.dataset.type === 'merge-json') {
      Object.assign(body, JSON.parse(field.value));
      continue;
    }
    const path = field.name.split('.');
    const last = /** @type {string} */ (path.pop());
    let into = body;
    for (const part of path) {
      const next = into[part];
      into[part] = next && typeof next === 'object' ? next : {};
      into = /** @type {Record<string, unknown>} */ (into[part]);
    }
    into[last] = fieldValue(field);
  }
  return body;
}
