// What the fake TeleSign's backend is made of and how it behaves, as its creator chooses.
import type { Low } from 'lowdb';
import type { Clock } from '../../lib/clock';
import type { Ids } from '../../lib/ids';
import type { HandsetLimits } from './handsets';
import type { JournalStore } from './journal-store';
import type { TrafficStore } from './traffic-store';
import type { WorldData } from './world-store';

export interface BackendOptions {
  clock?: Clock;
  ids?: Ids;
  /** How callbacks go out; default: node:http with kept-alive connections (lib/http-post.ts). */
  fetch?: typeof fetch;
  storage?: Low<WorldData>;
  /** Messages, statuses and handsets' threads; memory unless given (see createFileStorage). */
  traffic?: TrafficStore;
  /**
   * Carry on the deliveries that were in flight when the traffic was stored, once loaded (default
   * true). False waits for `resumeDeliveries()`, e.g. until the callback URLs point somewhere live.
   */
  resumeOnLoad?: boolean;
  /** Waits between callback attempts (default 10 s then 30 s). */
  retryDelaysMs?: readonly number[];
  /** Accepted clock skew of TSA dates, and the nonce replay window (default 15 min). */
  toleranceMs?: number;
  /** Also accept TSA dates near the wall clock (default: when the clock is manual). */
  acceptWallClockDates?: boolean;
  /** Newest journal entries kept (default 10 000), in memory and in `journalStore`. */
  journalCapacity?: number;
  /** Where the request/callback journal is kept across restarts; memory unless given (see createFileStorage). */
  journalStore?: JournalStore;
  /** Messages kept, oldest forgotten first (default 100 000). */
  messageCapacity?: number;
  /** Handsets' thread lengths and how many phones are remembered (see handsets.ts). */
  handsetLimits?: HandsetLimits;
  /**
   * Host names the given `fetch` reaches inside this process (the in-process scenarios'
   * `channel.local`): callback URLs there are treated as loopback ones (accepted with a journal
   * note), never more leniently.
   */
  inProcessHosts?: readonly string[];
}
