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
  toastTimer = window.setTimeout(() => {
    el.hidden = true;
  }, 3500);
}

// ---- API calls ---------------------------------------------------------------------------
/** The message of an error body from either API. */
function errorMessage(/** @type {unknown} */ body, /** @type {number} */ status) {
  if (body && typeof body === 'object') {
    const b = /** @type {Record<string, any>} */ (body);
    if (b.error && typeof b.error === 'object') {
      return `${b.error.message ?? 'failed'}${b.error.code ? ` (${b.error.code})` : ''}`;
    }
    if (Array.isArray(b.errors) && b.errors[0])
      return `${b.errors[0].description} (${b.errors[0].code})`;
    if (b.status && typeof b.status === 'object' && b.status.description)
      return String(b.status.description);
  }
  return `request failed with HTTP ${status}`;
}

export async function callApi(
  /** @type {string} */ spec,
  /** @type {string} */ target,
  /** @type {unknown} */ body,
) {
  const [method = 'GET', path = '/'] = spec.split(' ');
  const url = target === 'telesign' ? `${telesignUrl}${path}` : path;
  /** @type {RequestInit} */
  const init = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  if (!response.ok) throw new Error(errorMessage(parsed, response.status));
  return parsed;
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
    else if (type === 'json-or-string' && /^[{[]/.test(field.value))
      body[field.name] = JSON.parse(field.value);
    else body[field.name] = field.value;
  }
  return body;
}
