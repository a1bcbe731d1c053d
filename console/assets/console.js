// @ts-check
// The console's client script: live fragments over SSE, API calls from buttons and forms, the counter.
// Plain JavaScript served as is (no bundler); typechecked through console/assets/tsconfig.json.

const telesignUrl =
  document.querySelector('meta[name="telesign-url"]')?.getAttribute('content') ?? '';
const CHANNEL_EVENTS = [
  'conversation.opened',
  'conversation.routed',
  'conversation.offered',
  'conversation.changed',
  'message.received',
  'message.sent',
  'message.status',
  'message.failed',
  'inbound.unroutable',
  'agent.changed',
  'admin.changed',
];
const TELESIGN_EVENTS = [
  'journal',
  'entry',
  'api',
  'callback',
  'state',
  'control',
  'clock',
  'handset',
];

/** Code points, the unit of the 1600-character limit (an emoji is one). */
const codePoints = (/** @type {string} */ text) => Array.from(text).length;

// ---- toast -------------------------------------------------------------------------------
let toastTimer = 0;
function toast(/** @type {string} */ text, /** @type {'ok'|'error'} */ tone = 'ok') {
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

async function callApi(
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
function formBody(/** @type {HTMLFormElement} */ form) {
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

// ---- live fragments ----------------------------------------------------------------------
/** Replaces a region, keeping what the user typed and where the focus was. */
function swap(/** @type {HTMLElement} */ region, /** @type {string} */ html) {
  /** @type {Map<string, string>} */
  const values = new Map();
  for (const el of Array.from(region.querySelectorAll('input[id], textarea[id], select[id]'))) {
    const field = /** @type {HTMLInputElement} */ (el);
    if (field.dataset.dirty) values.set(field.id, field.value);
  }
  const focused =
    document.activeElement && region.contains(document.activeElement)
      ? document.activeElement.id
      : '';
  const scrollers = Array.from(
    region.querySelectorAll('[data-testid$="thread"], [data-testid="transcript"]'),
  ).map((el) => el.scrollHeight - el.scrollTop - el.clientHeight < 8);
  region.innerHTML = html;
  for (const [id, value] of values) {
    const field = /** @type {HTMLInputElement|null} */ (document.getElementById(id));
    if (field && region.contains(field)) {
      field.value = value;
      field.dataset.dirty = '1';
    }
  }
  if (focused) document.getElementById(focused)?.focus();
  Array.from(
    region.querySelectorAll('[data-testid$="thread"], [data-testid="transcript"]'),
  ).forEach((el, i) => {
    if (scrollers[i] !== false) el.scrollTop = el.scrollHeight;
  });
}

let refreshTimer = 0;
let refreshing = false;
let again = false;
async function refreshAll() {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = true;
  try {
    const regions = /** @type {HTMLElement[]} */ (
      Array.from(document.querySelectorAll('[data-fragment]'))
    );
    await Promise.all(
      regions.map(async (region) => {
        const response = await fetch(region.dataset.fragment ?? '', {
          headers: { accept: 'text/html' },
        });
        if (response.ok) swap(region, await response.text());
      }),
    );
    document.body.dataset.refreshed = String(Date.now());
  } finally {
    refreshing = false;
    if (again) {
      again = false;
      scheduleRefresh();
    }
  }
}
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => {
    void refreshAll();
  }, 80);
}

function setLive(/** @type {string} */ text, /** @type {boolean} */ ok) {
  const el = document.querySelector('[data-testid="live-status"]');
  if (!el) return;
  el.classList.toggle('ok', ok);
  const label = el.querySelector('[data-role="live-text"]');
  if (label) label.textContent = text;
}

function listen() {
  /** @type {Record<string, boolean>} */
  const up = { channel: false, telesign: false };
  const show = () =>
    setLive(up.channel && up.telesign ? 'live' : 'reconnecting…', up.channel && up.telesign);
  const open = (
    /** @type {'channel'|'telesign'} */ name,
    /** @type {string} */ url,
    /** @type {string[]} */ types,
  ) => {
    const source = new EventSource(url);
    source.onopen = () => {
      up[name] = true;
      show();
    };
    source.onerror = () => {
      up[name] = false;
      show();
    };
    source.onmessage = scheduleRefresh;
    for (const type of types) source.addEventListener(type, scheduleRefresh);
    window.addEventListener('pagehide', () => source.close());
  };
  open('channel', '/api/events', CHANNEL_EVENTS);
  if (telesignUrl) open('telesign', `${telesignUrl}/_sim/events`, TELESIGN_EVENTS);
}

// ---- composer counter --------------------------------------------------------------------
function updateCounter(/** @type {HTMLTextAreaElement} */ area) {
  const counter = document.getElementById(area.dataset.counter ?? '');
  const max = Number(area.dataset.max ?? '1600');
  const n = codePoints(area.value);
  const over = n > max;
  if (counter) {
    counter.textContent = `${n} / ${max}`;
    counter.classList.toggle('over', over);
    counter.dataset.over = over ? 'true' : 'false';
  }
  const form = area.form;
  const send = /** @type {HTMLButtonElement|null} */ (
    form?.querySelector('button[type="submit"]') ?? null
  );
  if (send) send.disabled = over;
  const error = /** @type {HTMLOutputElement|null} */ (
    form?.querySelector('[data-role="error"]') ?? null
  );
  if (error)
    error.textContent = over ? `Too long: ${n} characters; the limit is ${max} (R-MSG-2).` : '';
}

// ---- number format check (R-NUM-1) -------------------------------------------------------
let checkTimer = 0;
function checkNumber(/** @type {HTMLInputElement} */ input) {
  clearTimeout(checkTimer);
  checkTimer = window.setTimeout(async () => {
    const out = /** @type {HTMLOutputElement|null} */ (
      input.form?.querySelector('[data-role="check"], [data-role="error"]') ?? null
    );
    if (!out) return;
    if (!input.value) {
      out.textContent = '';
      return;
    }
    try {
      const result = await callApi('POST /api/numbers/check', 'channel', { number: input.value });
      out.textContent = result.ok
        ? `✓ valid (${result.country ?? 'unknown country'})`
        : result.message;
      out.classList.toggle('ok', Boolean(result.ok));
    } catch (error) {
      out.textContent = error instanceof Error ? error.message : String(error);
    }
  }, 200);
}

// ---- wiring ------------------------------------------------------------------------------
async function run(
  /** @type {HTMLElement} */ el,
  /** @type {() => unknown} */ body,
  /** @type {HTMLFormElement|null} */ form,
) {
  const spec = el.dataset.api ?? '';
  const out = /** @type {HTMLOutputElement|null} */ (
    form?.querySelector('[data-role="error"]') ?? null
  );
  const resetIds =
    form && form.dataset.reset !== undefined
      ? Array.from(form.querySelectorAll('textarea[id]')).map((area) => area.id)
      : [];
  el.setAttribute('aria-busy', 'true');
  try {
    await callApi(spec, el.dataset.target ?? 'channel', body());
    if (out) out.textContent = '';
    // A live refresh may have replaced the form meanwhile: find its text areas again by id.
    for (const id of resetIds) {
      const area = /** @type {HTMLTextAreaElement|null} */ (document.getElementById(id));
      if (!area) continue;
      area.value = '';
      delete area.dataset.dirty;
      if (area.dataset.counter) updateCounter(area);
    }
    const then = el.dataset.then;
    if (then) {
      window.location.assign(then);
      return;
    }
    scheduleRefresh();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (out?.isConnected) out.textContent = message;
    else toast(message, 'error');
  } finally {
    el.removeAttribute('aria-busy');
  }
}

document.addEventListener('click', (event) => {
  const button = /** @type {HTMLElement|null} */ (
    /** @type {HTMLElement} */ (event.target).closest('button[data-api]')
  );
  if (!button) return;
  event.preventDefault();
  void run(button, () => (button.dataset.body ? JSON.parse(button.dataset.body) : undefined), null);
});

document.addEventListener('submit', (event) => {
  const form = /** @type {HTMLFormElement} */ (event.target);
  if (form.dataset.checkForm !== undefined) {
    event.preventDefault();
    return;
  }
  if (!form.dataset.api) return;
  event.preventDefault();
  const area = /** @type {HTMLTextAreaElement|null} */ (
    form.querySelector('textarea[data-counter]')
  );
  if (area && codePoints(area.value) > Number(area.dataset.max ?? '1600')) {
    updateCounter(area);
    return;
  }
  void run(form, () => formBody(form), form);
});

document.addEventListener('input', (event) => {
  const el = /** @type {HTMLInputElement} */ (event.target);
  el.dataset.dirty = '1';
  if (el instanceof HTMLTextAreaElement && el.dataset.counter) updateCounter(el);
  if (el.dataset.checkNumber !== undefined) checkNumber(el);
});

document.addEventListener('change', (event) => {
  const el = /** @type {HTMLSelectElement} */ (event.target);
  if (el.dataset.navigate !== undefined) {
    window.location.assign(el.value);
    return;
  }
  if (el.dataset.submitOnChange !== undefined) el.form?.requestSubmit();
});

document.addEventListener('keydown', (event) => {
  const el = /** @type {HTMLElement} */ (event.target);
  if (
    event.key === 'Enter' &&
    (event.ctrlKey || event.metaKey) &&
    el instanceof HTMLTextAreaElement
  ) {
    event.preventDefault();
    el.form?.requestSubmit();
  }
});

// Offer timers count down between refreshes.
window.setInterval(() => {
  for (const el of Array.from(document.querySelectorAll('[data-countdown]'))) {
    const timer = /** @type {HTMLElement} */ (el);
    const left = Math.max(0, Number(timer.dataset.countdown) - 1);
    timer.dataset.countdown = String(left);
    timer.textContent = `${left} s`;
    timer.classList.toggle('urgent', left <= 15);
  }
}, 1000);

for (const area of Array.from(document.querySelectorAll('textarea[data-counter]'))) {
  updateCounter(/** @type {HTMLTextAreaElement} */ (area));
}
for (const thread of Array.from(
  document.querySelectorAll('[data-testid$="thread"], [data-testid="transcript"]'),
)) {
  thread.scrollTop = thread.scrollHeight;
}
document.querySelector('.phone.focused')?.scrollIntoView({ block: 'nearest', inline: 'start' });
listen();
