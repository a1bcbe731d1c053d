// The console's one live stream: listens to both servers' events and tells each open page which
// keys changed (`GET /console/events`), so the browser needs to know no event names of either API.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { FetchLike } from '../data';
import { EVERYTHING, keysForChannelEvent, keysForJournalEntry } from './keys';
import { readSse } from './sse-reader';

/**
 * Both servers' events handed over in the same process (`npm run sim` wires them: it is the one
 * place that knows both): each listener gets what the server's event stream would send as `data`.
 * Without them the hub follows `GET /api/events` and `GET /_sim/events` over HTTP, which costs the
 * servers an encode and the hub a decode per event (~0.7 ms of CPU per inbound text).
 */
export interface LiveSources {
  channel(listener: (event: unknown) => void): () => void;
  telesign(listener: (entry: unknown) => void): () => void;
}

export interface LiveHubOptions {
  channelFetch: FetchLike;
  /** The servers' events in-process; default: their HTTP event streams. */
  sources?: LiveSources;
  telesignFetch: FetchLike;
  telesignUrl: string;
  /** Wait before reconnecting to a stream that ended (ms). */
  retryMs?: number;
  /** How long keys are gathered before one message goes to the page (ms). */
  coalesceMs?: number;
  /**
   * While events keep coming, a page's messages are at least this far apart (ms): the page
   * refreshes at most once a second under a steady load (console/assets/live.js), so waking it
   * more often costs the browser (and the sim beside it) for nothing.
   */
  steadyGapMs?: number;
  /**
   * Under a flood — at least `floodPerSecond` events a second for the page's keys (default 10) —
   * its messages are `floodGapMs` apart instead: nobody reads a card that changes ten times a
   * second, and the browser's refresh is what an open tab costs the servers beside it.
   */
  floodPerSecond?: number;
  floodGapMs?: number;
  /** How long the hub waits for the fake's handset list before every phone counts as new (ms). */
  listTimeoutMs?: number;
}

type Listener = (keys: readonly string[]) => void;

export interface LiveHub {
  subscribe(listener: Listener): () => void;
  /**
   * Hears the keys while the hub runs (some page listens) without keeping it running; with
   * `running`, what a cache needs to know it is told of every change.
   */
  observe(listener: Listener): () => void;
  /** Whether the hub follows both servers now (a page is listening). */
  running(): boolean;
  /** `GET /console/events`: `data: {"keys":[…]}` messages, unnamed. */
  handler(c: Context): Response | Promise<Response>;
}

/** A page's key filter (`?keys=` space-separated, at most 8 KB); null: every key. */
function wantedKeys(query: string | undefined): Set<string> | null {
  if (query === undefined || query.length > 8192) return null;
  const keys = new Set(query.split(' ').filter((k) => k !== ''));
  return keys.size === 0 || keys.has(EVERYTHING) ? null : keys;
}

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const retryMs = options.retryMs ?? 1000;
  const coalesceMs = options.coalesceMs ?? 50;
  const steadyGapMs = options.steadyGapMs ?? 1000;
  const floodPerSecond = options.floodPerSecond ?? 10;
  const floodGapMs = options.floodGapMs ?? 2000;
  const base = options.telesignUrl.replace(/\/$/, '');
  const listeners = new Set<Listener>();
  const observers = new Set<Listener>();
  /** Phones seen so far: a phone not among them is a new handset, so the Phones list changes. */
  let knownPhones: Set<string> | null = null;
  /** A phone was heard before the list came: the list is re-rendered once when it does. */
  let heardBeforeList = false;
  /** The list could not be read: every phone counts as new. */
  let failedList = false;
  let running: AbortController | null = null;
  /** Settles once the hub knows the phones of the handsets (or could not read them). */
  let knowing: Promise<void> = Promise.resolve();

  const emit = (keys: readonly string[]): void => {
    for (const observer of observers) observer(keys);
    for (const listener of listeners) listener(keys);
  };

  const learnPhones = async (signal: AbortSignal): Promise<void> => {
    try {
      // A fake that does not answer must not keep the page from going live: after a while every
      // phone counts as new instead.
      const response = await options.telesignFetch(`${base}/_sim/handsets`, {
        signal: AbortSignal.any([signal, AbortSignal.timeout(options.listTimeoutMs ?? 5000)]),
      });
      const list = (await response.json()) as unknown;
      if (!Array.isArray(list)) return;
      knownPhones ??= new Set();
      for (const h of list)
        if (h && typeof h === 'object' && typeof (h as { phone?: unknown }).phone === 'string')
          knownPhones.add((h as { phone: string }).phone);
      if (heardBeforeList) emit(['handsets']);
    } catch {
      // Without the list every phone counts as new: the Phones list re-renders a little more often.
      failedList = true;
    }
  };

  const follow = async (
    open: (signal: AbortSignal) => Promise<Response>,
    toKeys: (data: unknown) => string[],
    signal: AbortSignal,
  ): Promise<void> => {
    let first = true;
    while (!signal.aborted) {
      try {
        const response = await open(signal);
        // Events sent while the stream was down are lost: every region catches up.
        if (!first) emit([EVERYTHING]);
        first = false;
        await readSse(response, (event) => emit(toKeys(event.data)), signal);
      } catch {
        // Unreachable: wait and try again below.
      }
      if (signal.aborted) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, retryMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  const journalKeys = (data: unknown): string[] => {
    const { keys, phone } = keysForJournalEntry(data);
    // Until the list comes, a phone is not called new on every event (500 handsets re-rendered each
    // time): the list re-renders once when it arrives.
    if (phone && knownPhones === null && !failedList) {
      heardBeforeList = true;
      return keys;
    }
    if (phone && !knownPhones?.has(phone)) {
      knownPhones?.add(phone);
      return [...keys, 'handsets'];
    }
    return keys;
  };

  const start = (): void => {
    const controller = new AbortController();
    running = controller;
    const { signal } = controller;
    knowing = learnPhones(signal);
    const sources = options.sources;
    if (sources) {
      const stop = [
        sources.channel((event) => emit(keysForChannelEvent(event))),
        sources.telesign((entry) => emit(journalKeys(entry))),
      ];
      signal.addEventListener('abort', () => {
        for (const unsubscribe of stop) unsubscribe();
      });
      return;
    }
    void follow(
      (s) => options.channelFetch('http://channel.local/api/events', { signal: s }),
      keysForChannelEvent,
      signal,
    );
    void follow(
      (s) => options.telesignFetch(`${base}/_sim/events`, { signal: s }),
      journalKeys,
      signal,
    );
  };

  const hub: LiveHub = {
    subscribe(listener) {
      listeners.add(listener);
      if (!running) start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && running) {
          running.abort();
          running = null;
          knownPhones = null;
          heardBeforeList = false;
          failedList = false;
        }
      };
    },
    observe(listener) {
      observers.add(listener);
      return () => observers.delete(listener);
    },
    running: () => running !== null,
    handler: (c) =>
      streamSSE(c, async (stream) => {
        let pending = new Set<string>();
        let timer: ReturnType<typeof setTimeout> | undefined;
        let lastSent = Number.NEGATIVE_INFINITY;
        /** Events for this page since `since` (the last message, or the page's arrival). */
        let heard = 0;
        let since = performance.now();
        let gapMs = steadyGapMs;
        const flush = (): void => {
          timer = undefined;
          const now = performance.now();
          gapMs = (heard * 1000) / (now - since) >= floodPerSecond ? floodGapMs : steadyGapMs;
          heard = 0;
          since = now;
          lastSent = now;
          const keys = [...pending];
          pending = new Set();
          stream.writeSSE({ data: JSON.stringify({ keys }) }).catch(() => undefined);
        };
        const ended = new Promise<void>((resolve) => stream.onAbort(resolve));
        // `?keys=a b c`: the page's regions listen for these only; it is woken for nothing else.
        const wanted = wantedKeys(c.req.query('keys'));
        const unsubscribe = hub.subscribe((keys) => {
          let any = false;
          for (const key of keys) {
            if (wanted && key !== EVERYTHING && !wanted.has(key)) continue;
            pending.add(key);
            any = true;
          }
          if (!any) return;
          heard++;
          timer ??= setTimeout(flush, Math.max(coalesceMs, lastSent + gapMs - performance.now()));
        });
        // The first message says the page hears every change from now on: sent once the hub knows
        // which handsets exist, so a new one is told apart from one the page already shows.
        await knowing;
        await stream.writeSSE({ data: JSON.stringify({ keys: [] }) });
        await ended;
        clearTimeout(timer);
        unsubscribe();
      }),
  };
  return hub;
}
