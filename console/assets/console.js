// @ts-check
// The console's client script: API calls from buttons and forms, the composer counter, offer timers.
// Plain JavaScript modules served as they are (no bundler); typechecked via console/assets/tsconfig.json.
import { callApi, formBody, toast } from './api.js';
import { listen, scheduleRefresh } from './live.js';

/** Code points, the unit of the 1600-character limit (an emoji is one). */
const codePoints = (/** @type {string} */ text) => Array.from(text).length;

// GSM 03.38: the basic set (one septet each) and the extension table (two septets each).
const GSM7_BASIC =
  /^[@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà\n\r]$/;
const GSM7_EXTENSION = /^[\f^{}\\[~\]|€]$/;

/** Encoding and segments as a carrier counts them: GSM-7 160/153 septets, else UCS-2 70/67 units. */
function segmentsOf(/** @type {string} */ text) {
  let septets = 0;
  for (const ch of text) {
    if (GSM7_BASIC.test(ch)) septets += 1;
    else if (GSM7_EXTENSION.test(ch)) septets += 2;
    else {
      const units = text.length;
      return { encoding: 'UCS-2', segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: 'GSM-7', segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
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
  const cost = document.getElementById(area.dataset.segments ?? '');
  if (cost) {
    const { encoding, segments } = segmentsOf(area.value);
    cost.textContent = `${segments} segment${segments === 1 ? '' : 's'} · ${encoding}`;
    cost.dataset.encoding = encoding;
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
/** Asks the channel whether a number has the right format; shows the answer beside the field. */
async function showNumberCheck(/** @type {HTMLInputElement} */ input) {
  const out = /** @type {HTMLOutputElement|null} */ (
    input.form?.querySelector('[data-role="check"], [data-role="error"]') ?? null
  );
  if (!input.value) {
    if (out) out.textContent = '';
    return false;
  }
  try {
    const result = await callApi('POST /api/numbers/check', 'channel', { number: input.value });
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
