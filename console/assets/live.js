// @ts-check
// Live regions: re-render every `[data-fragment]` when either server reports an event (SSE).
import { telesignUrl } from './api.js';

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
export function scheduleRefresh() {
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

export function listen() {
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
    let dropped = false;
    source.onopen = () => {
      up[name] = true;
      show();
      // Events sent while the stream was down are lost: catch up once it is back.
      if (dropped) scheduleRefresh();
    };
    source.onerror = () => {
      dropped = true;
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
