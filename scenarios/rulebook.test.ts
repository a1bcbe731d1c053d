import { describe, expect, it } from 'vitest';
import { rulebookIds, ruleIdsIn, unknownRule } from './rulebook';

describe('the rulebook', () => {
  it('reads the rule ids that list items and headings define, not those mentioned in sentences', () => {
    const text = [
      '- R-WS-1 A work stream has a name (see R-WS-9).',
      '- **R-RT-1 (amended)** The customer is identified …',
      '- **R-MSG-8 (new) Opt-out.** The channel treats STOP …',
      '### R-CV-1',
      'As R-XX-1 says, nothing here.',
    ].join('\n');
    expect(ruleIdsIn(text)).toEqual(['R-WS-1', 'R-RT-1', 'R-MSG-8', 'R-CV-1']);
  });

  it('reads docs/reference/channel-rules.md at run time', () => {
    const ids = rulebookIds();
    expect(ids).toContain('R-WS-1');
    expect(ids).toContain('R-SEC-3');
    expect(ids.every((id) => /^R-[A-Z]+-\d+$/.test(id))).toBe(true);
  });

  it('explains an unknown id with the rules of its area, and a malformed one with the form', () => {
    const ids = ['R-CV-1', 'R-CV-2', 'R-MSG-1'];
    expect(unknownRule('R-CV-2', ids)).toBeNull();
    expect(unknownRule('R-CV-9', ids)).toContain('its area has R-CV-1, R-CV-2');
    expect(unknownRule('R-ZZ-1', ids)).toContain('areas: R-CV, R-MSG');
    expect(unknownRule('R-cv9', ids)).toContain('is not a rule id: write R-<AREA>-<n>');
  });
});
