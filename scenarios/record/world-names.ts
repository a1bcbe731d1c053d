// The world's names for the ids a session sees (names are stable across runs, ids are not), and
// names for what the session itself creates.
import type { WorldIds } from '../world/apply-world';
import type { Names } from './request-route';

export interface WorldNames extends Names {
  /** The name for `id`, the id itself when it has none, null when it is not an id at all. */
  of(id: unknown): string | null;
}

export function worldNames(ids: WorldIds): WorldNames {
  const reverse = new Map<string, string>();
  for (const table of [ids.agents, ids.queues, ids.contacts, ids.customerAccounts, ids.workStreams])
    for (const [name, id] of Object.entries(table)) if (!reverse.has(id)) reverse.set(id, name);
  for (const [name, account] of Object.entries(ids.accounts))
    reverse.set(account.customerId.toUpperCase(), name);
  reverse.set(ids.queues.default ?? '', 'default');
  const used = new Set(reverse.values());
  const of = (id: unknown): string | null =>
    typeof id === 'string' ? (reverse.get(id) ?? reverse.get(id.toUpperCase()) ?? id) : null;
  return {
    of,
    name: (id) => of(id) ?? id,
    remember(id, given) {
      reverse.set(id, given);
      used.add(given);
    },
    fresh(base) {
      let candidate = base;
      for (let i = 2; used.has(candidate); i++) candidate = `${base}-${i}`;
      used.add(candidate);
      return candidate;
    },
  };
}
