import { describe, expect, it } from 'vitest';
import { createScrubber } from './scrub';

describe('scrubbing an imported log', () => {
  it('maps a phone number to the same fictitious 555-01xx number every time', () => {
    const scrub = createScrubber({ salt: 's' });
    const stand = scrub.phone('447700900461');
    expect(stand).toMatch(/^1\d{3}55501\d{2}$/);
    expect(scrub.phone('447700900461')).toBe(stand);
    expect(createScrubber({ salt: 's' }).phone('447700900461')).toBe(stand);
  });

  it('maps the same number differently under another salt', () => {
    const numbers = ['447700900461', '61491570156', '12125550199', '4915112345678'];
    const a = numbers.map((n) => createScrubber({ salt: 'a' }).phone(n));
    const b = numbers.map((n) => createScrubber({ salt: 'b' }).phone(n));
    expect(a).not.toEqual(b);
  });

  it('never gives two customers the same number, nor a number of the default world', () => {
    const scrub = createScrubber({ salt: 's' });
    const stands = Array.from({ length: 500 }, (_, i) =>
      scrub.phone(`4477009${String(i).padStart(5, '0')}`),
    );
    expect(new Set(stands).size).toBe(500);
    expect(stands.some((n) => n.startsWith('1202') || n.startsWith('1415'))).toBe(false);
  });

  it('masks e-mail addresses, long digit runs and introduced names', () => {
    const scrub = createScrubber({ salt: 's' });
    const text = scrub.text(
      'Hi, my name is Margaret Whitfield. Order 4821 3377, card 4111-1111-1111-1111, mail m.w+x@example.org',
    );
    expect(text).not.toMatch(/Margaret|Whitfield|4821|4111|m\.w\+x/);
    expect(text).toContain('Order XXXX XXXX');
    expect(text).toContain('person1@example.com');
  });

  it('keeps short numbers and words that only look like an introduction', () => {
    const scrub = createScrubber({ salt: 's' });
    expect(scrub.text('I am not happy with order 42, it is 3 days late')).toBe(
      'I am not happy with order 42, it is 3 days late',
    );
  });

  it('masks a given name wherever it appears, and a name signed at the end', () => {
    const scrub = createScrubber({ salt: 's', names: ['Lucía'] });
    const text = scrub.text('Hola, Lucía aquí');
    expect(text).not.toContain('Lucía');
    expect(scrub.text('Great, thanks! Margaret')).not.toContain('Margaret');
    expect(scrub.originals()).toEqual(expect.arrayContaining(['Lucía', 'Margaret']));
  });
});
