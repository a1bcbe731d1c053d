import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderVocabulary, VOCABULARY_FILE } from './vocabulary';

describe('the scenario vocabulary reference', () => {
  const generated = renderVocabulary();

  it('is committed exactly as the schemas generate it (run npm run vocabulary after changing them)', () => {
    expect(readFileSync(VOCABULARY_FILE, 'utf8')).toBe(generated);
  });

  it('lists every step, expectation field, matcher, offer outcome and error code', () => {
    for (const word of [
      '`text`',
      '`accept`',
      '`advance`',
      '`journalCount`',
      '`offerHistory`',
      '`between`',
      '`timed-out`',
      '`MESSAGE_TOO_LONG`',
      'SCENARIO_DEBUG',
    ])
      expect(generated).toContain(word);
  });
});
