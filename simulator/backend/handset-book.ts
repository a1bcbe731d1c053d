// Handsets as the control plane manages them: created before they text (kept in the world store,
// so they survive a restart) and their threads cleared (kept in the traffic journal).
import type { Low } from 'lowdb';
import type { Handsets } from './handsets';
import type { Messages } from './messages';
import type { TrafficStore } from './traffic-store';
import type { CreatedHandset, WorldData } from './world-store';

export interface HandsetBook {
  /** The handset as created on the control plane, if it was. */
  created(phone: string): CreatedHandset | undefined;
  /** Every created handset, oldest first. */
  createdList(): CreatedHandset[];
  /** Whether the fake knows the phone: created, or it texted, received or was sent to. */
  exists(phone: string): boolean;
  /** Creates the handset unless it exists; `created` says whether this call did. */
  create(phone: string): Promise<{ handset: CreatedHandset; created: boolean }>;
  /**
   * Empties a known handset's threads, resolving once that is written (like a send); undefined for
   * a phone the fake does not know.
   */
  clear(phone: string): Promise<{ removed: number; clearedAfter: string | null } | undefined>;
  /** Puts the created handsets back in the in-memory list (after loading the world). */
  restore(): void;
}

export function createHandsetBook(deps: {
  db: Low<WorldData>;
  handsets: Handsets;
  messages: Messages;
  traffic: TrafficStore;
  now: () => number;
}): HandsetBook {
  const { db, handsets, messages, traffic } = deps;
  const sentTo = (phone: string) => messages.list().filter((m) => m.phoneNumber === phone);
  const created = (phone: string) => db.data.handsets[phone];

  return {
    created,
    createdList: () =>
      Object.values(db.data.handsets).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    exists: (phone) =>
      created(phone) !== undefined || handsets.has(phone) || sentTo(phone).length > 0,
    async create(phone) {
      const existing = created(phone);
      if (existing) return { handset: existing, created: false };
      const handset = { phone, createdAt: new Date(deps.now()).toISOString() };
      db.data.handsets[phone] = handset;
      await db.write();
      handsets.ensure(phone);
      return { handset, created: true };
    },
    async clear(phone) {
      const toPhone = sentTo(phone);
      if (created(phone) === undefined && !handsets.has(phone) && toPhone.length === 0)
        return undefined;
      const before = handsets.get(phone);
      const removed = before.inbox.length + before.outbox.length;
      const clearedAfter = toPhone.at(-1)?.referenceId ?? null;
      handsets.clear(phone, clearedAfter);
      traffic.append({ t: 'cleared', phone, after: clearedAfter });
      await traffic.committed();
      return { removed, clearedAfter };
    },
    restore() {
      for (const phone of Object.keys(db.data.handsets)) handsets.ensure(phone);
    },
  };
}
