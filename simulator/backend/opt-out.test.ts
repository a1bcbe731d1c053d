import { describe, expect, it } from 'vitest';
import { keywordOf } from './opt-out';

describe('opt-out keywords', () => {
  it('knows the STOP family in any case, trimmed, with and without the accent', () => {
    for (const text of [
      'STOP',
      ' stop ',
      'Arrêt',
      'ARRET',
      'cancel',
      'End',
      'quit',
      'UNSUBSCRIBE',
    ]) {
      expect(keywordOf(text)).toBe('stop');
    }
  });

  it('knows START and HELP', () => {
    expect(keywordOf('start')).toBe('start');
    expect(keywordOf(' Help\n')).toBe('help');
  });

  it('ignores a keyword inside a longer text', () => {
    expect(keywordOf('please stop')).toBeNull();
    expect(keywordOf('STOP!')).toBeNull();
    expect(keywordOf('stopp')).toBeNull();
  });
});
