// The order of recorded steps that happened in the same millisecond: the order a session allows.

const RANK: Record<string, number> = {
  presence: 0,
  delivery: 0,
  fault: 0,
  'clear-faults': 0,
  text: 1,
  accept: 2,
  pick: 2,
  reopen: 2,
  reject: 2,
  send: 3,
  transfer: 4,
  release: 4,
  end: 4,
  'close-session': 5,
  sweep: 6,
  advance: 6,
};
// A world change (admin API, a policy) in the same millisecond as a conversation's act comes first.
export const rank = (step: Record<string, unknown>): number =>
  RANK[Object.keys(step).find((k) => k !== 'at') ?? ''] ?? 0;
