import { describe, expect, it } from 'vitest';
import { ChannelError } from '../domain/errors';
import { refuseControlCharacters } from './control-characters';

const refusal = (run: () => void): ChannelError | null => {
  try {
    run();
  } catch (error) {
    if (error instanceof ChannelError) return error;
    throw error;
  }
  return null;
};

describe('refuseControlCharacters', () => {
  it('names the field, the character and where it is', () => {
    const error = refusal(() => refuseControlCharacters('body', { name: 'Sup\u0000port' }));
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.field).toBe('name');
    expect(error?.message).toBe(
      'name: contains a control character (U+0000 at position 3); only printable text is accepted.',
    );
  });

  it('refuses DEL, C1 controls, escapes and tabs, in nested fields and list items', () => {
    const cases: Array<[unknown, string]> = [
      [{ fields: { city: 'Ber\u007flin' } }, 'fields.city'],
      [{ fields: { city: 'next\u0085line' } }, 'fields.city'],
      [{ a: [{ b: '\u001b[31mred' }] }, 'a[0].b'],
      [{ name: 'two\twords' }, 'name'],
    ];
    for (const [value, field] of cases) {
      expect(refusal(() => refuseControlCharacters('body', value))?.field).toBe(field);
    }
  });

  it('refuses a control character in a key, naming the key', () => {
    const error = refusal(() => refuseControlCharacters('body', { fields: { 'ci\u0007ty': 'x' } }));
    expect(error?.field).toBe('fields.ci\u0007ty');
  });

  it('names list items after the root a list body is called by', () => {
    const error = refusal(() =>
      refuseControlCharacters('body', [{ name: 'ok' }, { name: 'b\u0000d' }], { root: 'rules' }),
    );
    expect(error?.field).toBe('rules[1].name');
  });

  it('lets line breaks and tabs through only where the route allows them, never a NUL', () => {
    const multiline = ['text'];
    expect(
      refusal(() => refuseControlCharacters('body', { text: 'a\r\nb\nc\td' }, { multiline })),
    ).toBeNull();
    expect(
      refusal(() => refuseControlCharacters('body', { name: 'a\nb' }, { multiline }))?.field,
    ).toBe('name');
    for (const bad of ['a\u0000b', 'a\u000bb', 'a\u001bb', 'a\u0085b']) {
      const error = refusal(() => refuseControlCharacters('body', { text: bad }, { multiline }));
      expect(error?.message, JSON.stringify(bad)).toMatch(/^text: .*, line breaks and tabs\.$/);
    }
  });

  it('says where outside the body the field was', () => {
    const error = refusal(() => refuseControlCharacters('query', { contactId: 'c\u0000' }));
    expect(error?.message).toMatch(/^contactId \(in the query\): contains a control character/);
  });

  it('walks a body nested 100 000 deep without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"a\\u0000"${']'.repeat(100_000)}`);
    expect(refusal(() => refuseControlCharacters('body', deep))?.code).toBe('VALIDATION_FAILED');
    const clean = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(refusal(() => refuseControlCharacters('body', clean))).toBeNull();
  });

  it('accepts printable text of any script, emoji included', () => {
    expect(
      refusal(() => refuseControlCharacters('body', { name: 'Zoë 客服 🚀 — “ok”', n: 3, b: null })),
    ).toBeNull();
  });
});
