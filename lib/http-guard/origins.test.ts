import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origins';

const CONSOLE = ['http://127.0.0.1:4020', 'http://*.localhost:4020'];

describe('allowed origins', () => {
  it('admits an origin named exactly, whatever its case', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4020', CONSOLE)).toBe(true);
    expect(isAllowedOrigin('HTTP://127.0.0.1:4020', CONSOLE)).toBe(true);
  });

  it("admits the console's aliases under *.localhost on the console's port", () => {
    expect(isAllowedOrigin('http://app.localhost:4020', CONSOLE)).toBe(true);
    expect(isAllowedOrigin('http://a.b-c.localhost:4020', CONSOLE)).toBe(true);
  });

  it('refuses another port, another scheme, a look-alike name and the bare suffix', () => {
    for (const origin of [
      'http://app.localhost:4021',
      'https://app.localhost:4020',
      'http://app.localhost',
      'http://applocalhost:4020',
      'http://app.localhost.evil.test:4020',
      'http://localhost.evil.test:4020',
      'http://.localhost:4020',
      'http://-x.localhost:4020',
      'http://localhost:4020',
      'null',
    ]) {
      expect(isAllowedOrigin(origin, CONSOLE), origin).toBe(false);
    }
  });

  it('treats no entry but `scheme://*.suffix` as a pattern', () => {
    expect(isAllowedOrigin('http://evil.test:4020', ['*'])).toBe(false);
    expect(isAllowedOrigin('http://evil.test:4020', ['http://*:4020'])).toBe(false);
    expect(isAllowedOrigin('http://x.evil.test:4020', ['http://*evil.test:4020'])).toBe(false);
  });
});
