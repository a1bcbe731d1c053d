// The rule ids of the channel's rulebook (docs/reference/channel-rules.md), read from the file at run
// time, so a scenario cannot name a rule that does not exist and coverage counts the real rules.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const RULEBOOK = resolve(import.meta.dirname, '../docs/reference/channel-rules.md');

/** A rule id as scenarios write it: R-<AREA>-<n>. */
export const RULE_ID = /^R-[A-Z]+-\d+$/;

/**
 * A rule is defined by a list item or heading that opens with its id (`- R-MSG-2 …`,
 * `- **R-MSG-8 (new) …**`, `### R-CV-1`); mentions inside sentences define nothing.
 */
const DEFINITION = /^\s*(?:[-*+]|#{1,6})\s+(?:\*\*|__)?(R-[A-Z]+-\d+)\b/gm;

/** The rule ids the rulebook text defines, in order of first appearance. */
export function ruleIdsIn(text: string): string[] {
  return [...new Set([...text.matchAll(DEFINITION)].map((m) => m[1] as string))];
}

const cache = new Map<string, readonly string[]>();

/** The rulebook's rule ids (read once per process). */
export function rulebookIds(file = RULEBOOK): readonly string[] {
  let ids = cache.get(file);
  if (!ids) {
    ids = ruleIdsIn(readFileSync(file, 'utf8'));
    if (ids.length === 0) throw new Error(`${file} defines no rule ids (R-XX-n)`);
    cache.set(file, ids);
  }
  return ids;
}

/** Why `id` is not a rule of the rulebook (with the ids of its area), or null when it is. */
export function unknownRule(id: string, ids: readonly string[] = rulebookIds()): string | null {
  if (ids.includes(id)) return null;
  const area = /^R-([A-Z]+)-/.exec(id)?.[1];
  const sameArea = ids.filter((r) => area && r.startsWith(`R-${area}-`));
  const areas = [...new Set(ids.map((r) => r.split('-')[1]))].map((a) => `R-${a}`);
  return RULE_ID.test(id) || area
    ? `"${id}" is not a rule of docs/reference/channel-rules.md (${
        sameArea.length ? `its area has ${sameArea.join(', ')}` : `areas: ${areas.join(', ')}`
      })`
    : `"${id}" is not a rule id: write R-<AREA>-<n>, e.g. ${ids[0]} (areas: ${areas.join(', ')})`;
}
