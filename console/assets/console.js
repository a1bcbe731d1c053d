// @ts-check
// The console's client script: API calls from buttons and forms, the composer counter, offer timers.
// Plain JavaScript modules served as they are (no bundler); typechecked via console/assets/tsconfig.json.
import { ApiError, callApi, formBody, toast } from './api.js';
import { listen, scheduleRefresh } from './live.js';

// ---- composer counter: the figure comes from the server (POST /console/measure) ----------
/**
 * @typedef {{ over: boolean, counter: string, cost: string, error: string }} Measure
 */

/** Asks the console's server what the draft costs; the page shows its words as they are. */
async function measure(/** @type {HTMLTextAreaElement} */ area) {
  const response = await fetch('/console/measure', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ text: area.value }),
  });
  return /** @type {Measure} */ (await response.json());
}

async function updateCounter(/** @type {HTMLTextAreaElement} */ area) {
  const figures = await measure(area);
  const counter = document.getElementById(area.dataset.counter ?? '');
  if (counter) {
    counter.textContent = figures.counter;
    counter.classList.toggle('over', figures.over);
    counter.dataset.over = figures.over ? 'true' : 'false';
  }
  const cost = document.getElementById(area.dataset.segments ?? '');
  if (cost) cost.textContent = figures.cost;
  const form = area.form;
  const send = /** @type {HTMLButtonElement|null} */ (
    form?.querySelector('button[type="submit"]') ?? null
  );
  if (send) send.disabled = figures.over || blockedBecause(send) !== '';
  const error = /** @type {HTMLOutputElement|null} */ (
    form?.querySelector('[data-role="error"]') ?? null
  );
  // Only the counter's own message is replaced: an API's refusal stays until the next send.
  if (error && (figures.error || error.dataset.fromCounter)) {
    error.textContent = figures.error;
    if (figures.error) error.dataset.fromCounter = '1';
    else delete error.dataset.fromCounter;
  }
  return figures;
}

// ---- disabled with a reason: the server renders the reason, the controls follow it ----------
/** The reason an element with `data-disabled-by` is disabled ('' when it is not). */
function blockedBecause(/** @type {HTMLElement} */ el) {
  const id = el.dataset.disabledBy;
  return id ? (document.getElementById(id)?.textContent?.trim() ?? '') : '';
}

function applyReasons() {
  for (const el of Array.from(document.querySelectorAll('[data-disabled-by]'))) {
    const control = /** @type {HTMLButtonElement|HTMLTextAreaElement} */ (el);
    const reason = blockedBecause(control);
    control.disabled = reason !== '';
    if (reason) control.title = reason;
    else control.removeAttribute('title');
  }
}

/** @type {Map<HTMLTextAreaElement, number>} */
const counterTimers = new Map();
function countSoon(/** @type {HTMLTextAreaElement} */ area) {
  clearTimeout(counterTimers.get(area));
  counterTimers.set(
    area,
    window.setTimeout(() => void updateCounter(area), 120),
  );
}

// ---- number format check (R-NUM-1) -------------------------------------------------------
let checkTimer = 0;
/** Asks the channel whether a number has the right format; shows the answer beside the field. */
async function showNumberCheck(/** @type {HTMLInputElement} */ input) {
  const outputOf = (/** @type {HTMLInputElement} */ field) =>
    /** @type {HTMLOutputElement|null} */ (
      field.form?.querySelector('[data-role="check"], [data-role="error"]') ?? null
    );
  let out = outputOf(input);
  if (!input.value) {
    if (out) out.textContent = '';
    return false;
  }
  try {
    const result = await callApi('POST /api/numbers/check', 'channel', { number: input.value });
    // A live refresh may have replaced the form while the check was out: answer in the new one.
    const current = /** @type {HTMLInputElement|null} */ (document.getElementById(input.id));
    if (!out?.isConnected && current) out = outputOf(current);
    if (out) {
      out.textContent = result.ok
        ? `✓ valid (${result.country ?? 'unknown country'})`
        : result.message;
      out.classList.toggle('ok', Boolean(result.ok));
    }
    return Boolean(result.ok);
  } catch (error) {
    if (out) out.textContent = error instanceof Error ? error.message : String(error);
    return false;
  }
}

function checkNumber(/** @type {HTMLInputElement} */ input) {
  clearTimeout(checkTimer);
  checkTimer = window.setTimeout(() => void showNumberCheck(input), 200);
}

// ---- wiring ------------------------------------------------------------------------------
/** The error output of `form`, or of the form that replaced it in a live refresh (same API and test id). */
function errorOutputOf(/** @type {HTMLFormElement} */ form) {
  if (form.isConnected) return form.querySelector('[data-role="error"]');
  const twin = Array.from(document.querySelectorAll('form[data-api]')).find(
    (candidate) =>
      /** @type {HTMLFormElement} */ (candidate).dataset.api === form.dataset.api &&
      /** @type {HTMLFormElement} */ (candidate).dataset.testid === form.dataset.testid,
  );
  return /** @type {HTMLOutputElement|null} */ (twin?.querySelector('[data-role="error"]') ?? null);
}

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
  // The fields an earlier refusal marked: found again by id, a live refresh may have replaced them.
  const fieldIds = form
    ? Array.from(form.querySelectorAll('[name][id]')).map((f) => /** @type {HTMLElement} */ (f).id)
    : [];
  const markField = (/** @type {string} */ name) => {
    for (const id of fieldIds) {
      const field = /** @type {HTMLInputElement|null} */ (document.getElementById(id));
      if (!field) continue;
      if (name && field.name === name) field.setAttribute('aria-invalid', 'true');
      else field.removeAttribute('aria-invalid');
    }
  };
  try {
    const answer = await callApi(spec, el.dataset.target ?? 'channel', body());
    markField('');
    // Saved: the server's rendering of these fields is the truth again on the next refresh.
    for (const id of fieldIds) delete document.getElementById(id)?.dataset.dirty;
    if (out) out.textContent = '';
    // A live refresh may have replaced the form meanwhile: find its text areas again by id.
    for (const id of resetIds) {
      const area = /** @type {HTMLTextAreaElement|null} */ (document.getElementById(id));
      if (!area) continue;
      area.value = '';
      delete area.dataset.dirty;
      if (area.dataset.counter) void updateCounter(area);
    }
    // `{name}` in data-then is filled from the API's answer (e.g. the created handset's phone).
    const then = el.dataset.then?.replace(/\{(\w+)\}/g, (_, key) =>
      encodeURIComponent(String(answer?.[key] ?? '')),
    );
    if (then) {
      window.location.assign(then);
      return;
    }
    scheduleRefresh();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    markField(error instanceof ApiError ? error.field : '');
    // A live refresh may have replaced the form while the request was out: answer in the new one.
    const shown = out?.isConnected ? out : form ? errorOutputOf(form) : null;
    if (shown) shown.textContent = message;
    else toast(message, 'error');
  } finally {
    el.removeAttribute('aria-busy');
  }
}

// "Copy as curl" and the like: the server renders the text, the button copies it.
document.addEventListener('click', (event) => {
  const button = /** @type {HTMLElement|null} */ (
    /** @type {HTMLElement} */ (event.target).closest('[data-copy]')
  );
  if (!button) return;
  const text = document.getElementById(button.dataset.copy ?? '')?.textContent ?? '';
  navigator.clipboard.writeText(text).then(
    () => toast('Copied to the clipboard.'),
    () => toast('The browser refused the clipboard: select the text and copy it.', 'error'),
  );
});

document.addEventListener('click', (event) => {
  const button = /** @type {HTMLElement|null} */ (
    /** @type {HTMLElement} */ (event.target).closest('button[data-api]')
  );
  if (!button) return;
  event.preventDefault();
  // The server words the question (data-confirm); nothing happens unless the user agrees.
  if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
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
  if (area) {
    // Too long is refused here, before any request, by the server's own count (R-MSG-2).
    void updateCounter(area).then((figures) => {
      if (!figures.over) void run(form, () => formBody(form), form);
    });
    return;
  }
  // A number with a format error is shown inline and never posted (R-NUM-1).
  const number = /** @type {HTMLInputElement|null} */ (
    form.querySelector('input[data-check-number]')
  );
  if (number) {
    void showNumberCheck(number).then((ok) => {
      if (ok) void run(form, () => formBody(form), form);
    });
    return;
  }
  void run(form, () => formBody(form), form);
});

document.addEventListener('input', (event) => {
  const el = /** @type {HTMLInputElement} */ (event.target);
  el.dataset.dirty = '1';
  if (el instanceof HTMLTextAreaElement && el.dataset.counter) countSoon(el);
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

for (const thread of Array.from(
  document.querySelectorAll('[data-testid$="thread"], [data-testid="transcript"]'),
)) {
  thread.scrollTop = thread.scrollHeight;
}
document.addEventListener('console:refreshed', () => {
  applyReasons();
  // A region re-rendered around a draft shows the server's empty counter: count the draft again.
  for (const el of Array.from(document.querySelectorAll('textarea[data-counter][data-dirty]'))) {
    countSoon(/** @type {HTMLTextAreaElement} */ (el));
  }
});
applyReasons();
document.querySelector('.phone.focused')?.scrollIntoView({ block: 'nearest', inline: 'start' });
listen();
