// @ts-check
// Live regions: re-render the `[data-fragment]` regions whose `data-keys` the console's own event
// stream (`GET /console/events`) names. The server decides what an event changed; this script knows
// no event names of either API.
import { swapAll } from './live-swap.js';

/** A burst of events becomes one refresh: the first waits this long for the rest (ms). */
const GATHER_MS = 80;
/**
 * While events keep coming, refreshes are at least this far apart (ms): under a steady load the page
 * swaps its regions once a second instead of once per event, which is what the browser's cost (and
 * so the sim's throughput beside it) grows with. The user's own actions skip the wait.
 */
const STEADY_GAP_MS = 1000;

let refreshTimer = 0;
/** When the scheduled refresh is due (performance.now()). */
let refreshDue = 0;
let refreshing = false;
/** Some of the pending keys come from the user's own action: no steady-load wait for them. */
let pendingUrgent = false;
/** When the last refresh started (performance.now()). */
let lastRefresh = -Infinity;
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

// ---- regions out of view ------------------------------------------------------------------
// A region out of view (or in a tab in the background) is not fetched when its keys change: it is
// marked `data-stale` and fetched when it comes into view. A Phones page shows 12 cards and 4 or so
// are in view: the others cost the sim and the browser nothing until the user scrolls to them.

/** Refreshes the stale ones among `regions`, which have just come into sight. */
function refreshStale(/** @type {HTMLElement[]} */ regions) {
  const due = regions
    .filter((region) => region.dataset.stale)
    .flatMap((region) => (region.dataset.keys ?? '*').split(' '));
  if (due.length > 0) scheduleRefresh(due);
}

/** Regions the browser has said are out of view; one not yet reported counts as in view. */
const outOfView = new WeakSet();
const viewWatch =
  typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(
        (entries) => {
          /** @type {HTMLElement[]} */
          const seen = [];
          for (const entry of entries) {
            const region = /** @type {HTMLElement} */ (entry.target);
            if (entry.isIntersecting) {
              outOfView.delete(region);
              seen.push(region);
            } else outOfView.add(region);
          }
          refreshStale(seen);
        },
        // A little ahead of the scroll, so a card is fresh by the time it is seen.
        { rootMargin: '150px' },
      )
    : null;

/** A tab back in the foreground fetches the stale regions in view (the observer has no news). */
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') return;
  const stale = /** @type {HTMLElement[]} */ (
    Array.from(document.querySelectorAll('[data-fragment][data-stale]'))
  );
  refreshStale(stale.filter((region) => !outOfView.has(region)));
});

/** Watches every region on the page (watching one twice is a no-op). */
function watchRegions() {
  for (const region of Array.from(document.querySelectorAll('[data-fragment]')))
    viewWatch?.observe(region);
}

/**
 * The regions of one refresh, fetched in one request — in slices of at most 32 regions and ~6 KB of
 * URL, well inside what the server takes (64 regions; Node's 16 KB of headers).
 */
async function fetchRegions(/** @type {HTMLElement[]} */ regions) {
  /** @type {HTMLElement[][]} */
  const slices = [];
  let length = 0;
  for (const region of regions) {
    const size = encodeURIComponent(region.dataset.fragment ?? '').length + 5;
    const last = slices.at(-1);
    if (!last || last.length >= 32 || length + size > 6000) {
      slices.push([region]);
      length = size;
    } else {
      last.push(region);
      length += size;
    }
  }
  /** @type {[HTMLElement, string][]} */
  const answers = [];
  for (const slice of slices) {
    const query = slice
      .map((region) => `src=${encodeURIComponent(region.dataset.fragment ?? '')}`)
      .join('&');
    const response = await fetch(`/console/fragments?${query}`, {
      headers: { accept: 'application/json' },
    });
    if (!response.ok) continue;
    /** @type {{ fragments?: unknown }} */
    const body = await response.json();
    const fragments = Array.isArray(body.fragments) ? body.fragments : [];
    slice.forEach((region, i) => {
      const html = fragments[i];
      if (typeof html === 'string') answers.push([region, html]);
    });
  }
  return answers;
}

async function refresh() {
  if (refreshing) return;
  refreshing = true;
  lastRefresh = performance.now();
  const keys = pending;
  pending = new Set();
  pendingUrgent = false;
  try {
    const regions = regionsFor(keys);
    // A tab in the background shows nothing: its regions wait, stale, until it is looked at.
    const unseen = (/** @type {HTMLElement} */ region) =>
      document.visibilityState === 'hidden' || outOfView.has(region);
    for (const region of regions) if (unseen(region)) region.dataset.stale = '1';
    const answers = await fetchRegions(regions.filter((region) => !unseen(region)));
    for (const [region] of answers) delete region.dataset.stale;
    swapAll(answers);
    watchRegions();
    document.body.dataset.refreshed = String(Date.now());
    document.dispatchEvent(new CustomEvent('console:refreshed'));
  } finally {
    refreshing = false;
    if (pending.size > 0) schedule(!pendingUrgent);
  }
}

/** Refreshes after `GATHER_MS`, or once `STEADY_GAP_MS` has passed since the last one when `steady`. */
function schedule(/** @type {boolean} */ steady) {
  const wait = steady
    ? Math.max(GATHER_MS, lastRefresh + STEADY_GAP_MS - performance.now())
    : GATHER_MS;
  // Already due sooner: the keys wait in `pending` for that refresh.
  if (refreshTimer !== 0 && refreshDue <= performance.now() + wait) return;
  clearTimeout(refreshTimer);
  refreshDue = performance.now() + wait;
  refreshTimer = window.setTimeout(() => {
    refreshTimer = 0;
    void refresh();
  }, wait);
}

/**
 * Re-renders the regions listening for any of `keys` (every region when none is given): soon after
 * the user's own action, at most once a second for the servers' events (`fromEvents`).
 */
export function scheduleRefresh(
  /** @type {readonly string[]} */ keys = ['*'],
  /** @type {boolean} */ fromEvents = false,
) {
  for (const key of keys) pending.add(key);
  if (!fromEvents) pendingUrgent = true;
  if (pending.size > 0) schedule(fromEvents);
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
  // The server's first message (no keys) says it hears every change from now on: only then is
  // the page live.
  const hello = () => {
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
  let greeted = false;
  opened.onopen = () => {
    greeted = false;
  };
  opened.onerror = () => {
    dropped = true;
    setLive('reconnecting…', false);
  };
  opened.onmessage = (event) => {
    if (!greeted) {
      greeted = true;
      hello();
    }
    /** @type {{ keys?: unknown }} */
    const message = JSON.parse(event.data);
    if (Array.isArray(message.keys) && message.keys.length > 0)
      scheduleRefresh(message.keys.map(String), true);
  };
}

export function listen() {
  watchRegions();
  connect();
  // A refresh can bring regions with other keys (a new card, a new conversation): follow them.
  document.addEventListener('console:refreshed', () => {
    if (pageKeys() !== listening) connect();
  });
  window.addEventListener('pagehide', () => source?.close());
}
