// Deterministic scrubbing of personal data for imported logs: each phone number becomes a stable
// fictitious one, and names, e-mail addresses and long digit runs in texts are masked.
import { createHmac } from 'node:crypto';

/**
 * Fictitious numbers: 555-0100…0199 is reserved for fiction in every North American area code.
 * 202 and 415 are left out: the default world uses 1202555010x for its handsets and 1415555010x
 * for its support numbers.
 */
const AREAS = ['212', '312', '617', '713', '305', '206', '303', '404', '503', '702'] as const;
const POOL = AREAS.length * 100;
const poolNumber = (i: number): string =>
  `1${AREAS[Math.floor(i / 100)]}55501${String(i % 100).padStart(2, '0')}`;

const NAMES = [
  'Alex',
  'Sam',
  'Robin',
  'Kim',
  'Jordan',
  'Taylor',
  'Morgan',
  'Casey',
  'Jamie',
  'Riley',
  'Avery',
  'Quinn',
] as const;

export interface ScrubOptions {
  /** Keys the mapping; the same salt gives the same numbers and names for the same log. */
  salt: string;
  /** Names known to appear in texts (e.g. from a CRM export), masked wherever they occur. */
  names?: string[];
}

export interface Scrubber {
  /** A customer's number (digits) → its fictitious stand-in; the same number always maps alike. */
  phone(digits: string): string;
  /** A text with e-mail addresses, long digit runs and names masked. */
  text(text: string): string;
  /** Every original value replaced so far (to prove none is left in the output). */
  originals(): string[];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Introductions and sign-offs, the two places a customer's own name turns up in an SMS. */
const INTRO =
  /(?<!\p{L})(my name is|this is|i am|i'm|it's|name:|me llamo|soy|je suis|je m'appelle|ich bin|ich heiße|mi chiamo|sono)(\s+)(\p{L}[\p{L}'-]*)((?:\s+\p{L}[\p{L}'-]*){0,2})/giu;
const SIGN_OFF = /\b(thanks|thank you|regards|cheers|best|ty)([,!.]?\s+)(\p{L}[\p{L}'-]*)\s*$/iu;
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu;
/** Five or more digits, possibly grouped by spaces, dots, dashes or brackets: phones, cards, accounts. */
const DIGIT_RUN = /\+?\d(?:[\s().-]{0,2}\d){4,}/g;
const STOP_WORDS = new Set(['a', 'an', 'the', 'not', 'so', 'very', 'still', 'just', 'here']);

export function createScrubber(options: ScrubOptions): Scrubber {
  const hash = (value: string): number =>
    createHmac('sha256', options.salt).update(value).digest().readUInt32BE(0);
  const phones = new Map<string, string>();
  const taken = new Set<string>();
  const emails = new Map<string, string>();
  const names = new Map<string, string>();
  const seen = new Set<string>();

  const nameFor = (original: string): string => {
    // A stand-in put there by an earlier pass (a given name) is not a customer's name.
    if ((NAMES as readonly string[]).includes(original)) return original;
    const key = original.toLowerCase();
    let stand = names.get(key);
    if (!stand) {
      stand = NAMES[hash(`name:${key}`) % NAMES.length] as string;
      names.set(key, stand);
    }
    seen.add(original);
    return stand;
  };
  const known = (options.names ?? []).filter((n) => n.trim().length > 1);
  const knownPattern =
    known.length > 0
      ? new RegExp(`(?<![\\p{L}])(${known.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'giu')
      : null;

  /** The capitalised words right after a first name (a surname), masked; the rest kept. */
  const surnames = (more: string): string => {
    let inName = true;
    return more.replace(/\p{L}[\p{L}'-]*/gu, (word) => {
      inName &&= /^\p{Lu}/u.test(word);
      return inName ? nameFor(word) : word;
    });
  };
  return {
    phone(digits) {
      const existing = phones.get(digits);
      if (existing) return existing;
      if (phones.size >= POOL)
        throw new Error(`more than ${POOL} distinct phone numbers in one log`);
      let i = hash(`phone:${digits}`) % POOL;
      while (taken.has(poolNumber(i))) i = (i + 1) % POOL;
      const stand = poolNumber(i);
      taken.add(stand);
      phones.set(digits, stand);
      seen.add(digits);
      return stand;
    },
    text(text) {
      let out = text.replace(EMAIL, (email) => {
        seen.add(email);
        const key = email.toLowerCase();
        if (!emails.has(key)) emails.set(key, `person${emails.size + 1}@example.com`);
        return emails.get(key) as string;
      });
      out = out.replace(DIGIT_RUN, (run) => {
        seen.add(run);
        return run.replace(/\d/g, 'X');
      });
      if (knownPattern) out = out.replace(knownPattern, (name) => nameFor(name));
      out = out.replace(INTRO, (whole, lead: string, gap: string, word: string, more: string) =>
        /^\p{Lu}/u.test(word) && !STOP_WORDS.has(word.toLowerCase())
          ? `${lead}${gap}${nameFor(word)}${surnames(more)}`
          : whole,
      );
      out = out.replace(SIGN_OFF, (whole, lead: string, gap: string, word: string) =>
        /^\p{Lu}/u.test(word) ? `${lead}${gap}${nameFor(word)}` : whole,
      );
      return out;
    },
    originals: () => [...seen],
  };
}
