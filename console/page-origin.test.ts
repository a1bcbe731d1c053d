import { describe, expect, it } from 'vitest';
import { telesignUrlForPage } from './page-origin';

const FAKE = 'http://127.0.0.1:4010';

describe("the fake TeleSign's URL as a page reaches it", () => {
  it('takes the host name the page was loaded from and keeps the fake’s port', () => {
    expect(telesignUrlForPage(FAKE, 'app.localhost:4020', [])).toBe('http://app.localhost:4010');
    expect(telesignUrlForPage(FAKE, '192.0.2.7:4020', ['192.0.2.7'])).toBe('http://192.0.2.7:4010');
    expect(telesignUrlForPage(FAKE, '[::1]:4020', [])).toBe('http://[::1]:4010');
  });

  it('keeps the configured URL for an in-process request, a malformed Host or a name not allowed', () => {
    expect(telesignUrlForPage(FAKE, undefined, [])).toBe(FAKE);
    expect(telesignUrlForPage(FAKE, 'a b', [])).toBe(FAKE);
    expect(telesignUrlForPage(FAKE, 'rebind.attacker.test:4020', ['192.0.2.7'])).toBe(FAKE);
    expect(telesignUrlForPage('not a url', 'localhost:4020', [])).toBe('not a url');
  });
});
