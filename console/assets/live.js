// @ts-check
// Live regions: re-render the `[data-fragment]` regions whose `data-keys` the console's own event
// stream (`GET /console/events`) names. The server decides what an event changed; this script knows
// no event names of either API.
// ---- live fragments ----------------------------------------------------------------------
/** Which form an answer belongs to, so the re-rendered form gets it back. */
function outputKey(/** @type {HTMLOutputElement} */ out) {
  const form = out.closest('form');
  return [form?.dataset.api, form?.dataset.testid, out.dataset.role].join('|');
}

/** Replaces a region, keeping what the user typed and where the focus was. */
function swap(/** @type {HTMLElement} */ region, /** @type {string} */ html) {
  /** @type {Map<string, string>} */
  const values = new Map();
  // A field an API refused stays marked until the next answer.
  const invalid = Array.from(region.querySelectorAll('[id][aria-invalid="true"]')).map(
    (el) => el.id,
  );
  for (const el of Array.from(region.querySelectorAll('input[id], textarea[id], select[id]'))) {
    const field = /** @type {HTMLInputElement} */ (el);
    if (field.dataset.dirty)
      values.set(field.id, field.type === 'checkbox' ? String(field.checked) : field.value);
  }
  const focused =
    document.activeElement && region.contains(document.activeElement)
      ? document.activeElement.id
      : '';
  // A disclosure the user opened stays open.
  const opened = new Set(
    Array.from(region.querySelectorAll('details[open][data-testid]')).map(
      (el) => /** @type {HTMLElement} */ (el).dataset.testid,
    ),
  );
  // An answer shown beside a form (an API's refusal, a format check) outlives the re-render.
  /** @type {Map<string, string>} */
  const answers = new Map();
  for (const out of Array.from(region.querySelectorAll('output[data-role]'))) {
    if (out.textContent)
      answers.set(outputKey(/** @type {HTMLOutputElement} */ (out)), out.outerHTML);
  }
  const scrollers = Array.from(
    region.querySelectorAll('[data-testid$="thread"], [data-testid="transcript"]'),
  ).map((el) => el.scrollHeight - el.scrollTop - el.clientHeight < 8);
  region.innerHTML = html;
  for (const [id, value] of values) {
    const field = /** @type {HTMLInputElement|null} */ (document.getElementById(id));
    if (field && region.contains(field)) {
      if (field.type === 'checkbox') field.checked = value === 'true';
      else field.value = value;
      field.dataset.dirty = '1';
    }
  }
  for (const id of invalid) document.getElementById(id)?.setAttribute('aria-invalid', 'true');
  for (const out of Array.from(region.querySelectorAll('output[data-role]'))) {
    const kept = answers.get(outputKey(/** @type {HTMLOutputElement} */ (out)));
    if (kept && !out.textContent) out.outerHTML = kept;
  }
  for (const el of Array.from(region.querySelectorAll('details[data-testid]'))) {
    if (opened.has(/** @type {HTMLElement} */ (el).dataset.testid))
      /** @type {HTMLDetailsElement} */ (el).open = true;
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
/** Keys named since the last refresh; `*` means every region. */
let pending = new Set();

/** The regions to re-render for `keys`, leaving out those inside another one being re-rendered. */
function regionsFor(/** @type {Set<string>} */ keys) {
  const all = /** @type {HTMLElement[]} */ (
    Array.from(document.querySelectorAll('[data-fragment]'))
  );
  const chosen = all.filter(
    (region) =>
      keys.has('*') || (region.dataset.keys ?? '*').split(' ').some((key) => keys.has(key)),
  );
  return chosen.filter(
    (region) => !chosen.some((other) => other !== region && other.contains(region)),
  );
}

async function refresh() {
  if (refreshing) return;
  refreshing = true;
  const keys = pending;
  pending = new Set();
  try {
    await Promise.all(
      regionsFor(keys).map(async (region) => {
        const response = await fetch(region.dataset.fragment ?? '', {
          headers: { accept: 'text/html' },
        });
        if (response.ok && region.isConnected) swap(region, await response.text());
      }),
    );
    document.body.dataset.refreshed = String(Date.now());
    document.dispatchEvent(new CustomEvent('console:refreshed'));
  } finally {
    refreshing = false;
    if (pending.size > 0) schedule();
  }
}

function schedule() {
  clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => {
    void refresh();
  }, 80);
}

/** Re-renders the regions listening for any of `keys` (every region when none is given). */
export function scheduleRefresh(/** @type {readonly string[]} */ keys = ['*']) {
  for (const key of keys) pending.add(key);
  if (pending.size > 0) schedule();
}

function setLive(/** @type {string} */ text, /** @type {boolean} */ ok) {
  const el = document.querySelector('[data-testid="live-status"]');
  if (!el) return;
  el.classList.toggle('ok', ok);
  const label = el.querySelector('[data-role="live-text"]');
  if (label) label.textContent = text;
}

/** The keys this page's regions listen for, as the stream's filter ('*' when any region takes all). */
function pageKeys() {
  const keys = new Set();
  for (const region of Array.from(document.querySelectorAll('[data-fragment]'))) {
    const listed = /** @type {HTMLElement} */ (region).dataset.keys;
    if (!listed) return '*';
    for (const key of listed.split(' ')) if (key) keys.add(key);
  }
  const joined = Array.from(keys).sort().join(' ');
  // A filter longer than a URL should carry: take everything instead.
  return keys.has('*') || joined.length > 4000 ? '*' : joined;
}

/** @type {EventSource | null} */
let source = null;
let listening = '';

/** Opens the console's stream for this page's keys; the server sends only messages naming them. */
function connect() {
  const keys = pageKeys();
  const previous = listening;
  listening = keys;
  source?.close();
  const opened = new EventSource(
    keys === '*' ? '/console/events' : `/console/events?keys=${encodeURIComponent(keys)}`,
  );
  source = opened;
  let dropped = false;
  opened.onopen = () => {
    setLive('live', true);
    // Events sent while the stream was down are lost: catch up once it is back.
    if (dropped) scheduleRefresh();
    // Regions that appeared since the last stream opened may have missed an event meanwhile.
    else if (previous !== '' && previous !== '*' && keys !== '*') {
      const before = new Set(previous.split(' '));
      const added = keys.split(' ').filter((key) => !before.has(key));
      if (added.length > 0) scheduleRefresh(added);
    }
  };
  opened.onerror = () => {
    dropped = true;
    setLive('reconnecting…', false);
  };
  opened.onmessage = (event) => {
    /** @type {{ keys?: unknown }} */
    const message = JSON.parse(event.data);
    if (Array.isArray(message.keys)) scheduleRefresh(message.keys.map(String));
  };
}

export function listen() {
  connect();
  // A refresh can bring regions with other keys (a new card, a new conversation): follow them.
  document.addEventListener('console:refreshed', () => {
    if (pageKeys() !== listening) connect();
  });
  window.addEventListener('pagehide', () => source?.close());
}
