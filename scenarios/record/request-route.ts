// What a request → step mapping is made of: the observed request, the world's names, a route.

export type Json = Record<string, unknown>;
export interface ObservedRequest {
  /** When the request arrived (the step's `at`). */
  at: number;
  method: string;
  /** The path without query, e.g. /_sim/faults. */
  path: string;
  body: unknown;
  /** The answer's JSON, for ids of what was created. */
  response: unknown;
}

export type MappedRequest = { step: Json } | { unrecorded: string } | null;

export interface Names {
  /** The world's name for an id (agents, queues, contacts, work streams, accounts), or the id. */
  name(id: string): string;
  /** Remembers the name of something the session created. */
  remember(id: string, name: string): void;
  /** A name not yet used for a new contact. */
  fresh(base: string): string;
}

export type Route = [
  method: string,
  pattern: RegExp,
  map: (m: string[], r: ObservedRequest, n: Names) => MappedRequest,
];

export const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
export const defined = (o: Json): Json =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
