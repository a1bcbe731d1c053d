// TeleSign's managed opt-out: STOP-family keywords, START and HELP texted by a handset to a number.

/** Unsubscribe keywords of TeleSign's enterprise docs (reference/telesign.md §11.9). */
export const STOP_KEYWORDS = ['ARRET', 'ARRÊT', 'CANCEL', 'END', 'QUIT', 'STOP', 'UNSUBSCRIBE'];
export const START_KEYWORDS = ['START'];
export const HELP_KEYWORDS = ['HELP'];

export type Keyword = 'stop' | 'start' | 'help';

/** The keyword a whole text is (trimmed, any case), or null for any other text. */
export function keywordOf(text: string): Keyword | null {
  const word = text.trim().toLocaleUpperCase('en-US');
  if (STOP_KEYWORDS.includes(word)) return 'stop';
  if (START_KEYWORDS.includes(word)) return 'start';
  if (HELP_KEYWORDS.includes(word)) return 'help';
  return null;
}

export interface OptOutRecord {
  /** The handset that opted out. */
  phone: string;
  /** The TeleSign number it opted out of. */
  number: string;
  customerId: string;
  /** What it texted (or "control plane"). */
  keyword: string;
  since: string;
}

export const optOutKey = (phone: string, number: string): string => `${phone}>${number}`;

/** The opted-out pairs, kept in the world's lowdb data beside the handsets' delivery settings. */
export interface OptOutStore {
  find(phone: string, number: string): OptOutRecord | undefined;
  list(phone?: string): OptOutRecord[];
  add(record: OptOutRecord): Promise<void>;
  /** Removes the pair; false when it was not opted out. */
  remove(phone: string, number: string): Promise<boolean>;
}

export function createOptOutStore(
  data: () => Record<string, OptOutRecord>,
  write: () => Promise<void>,
): OptOutStore {
  return {
    find: (phone, number) => data()[optOutKey(phone, number)],
    list: (phone) => Object.values(data()).filter((r) => phone === undefined || r.phone === phone),
    async add(record) {
      data()[optOutKey(record.phone, record.number)] = record;
      await write();
    },
    async remove(phone, number) {
      const key = optOutKey(phone, number);
      if (!data()[key]) return false;
      delete data()[key];
      await write();
      return true;
    },
  };
}
