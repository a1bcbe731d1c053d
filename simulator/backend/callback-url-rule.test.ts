import { describe, expect, it } from 'vitest';
import { checkCallbackUrl, isLoopbackHost } from './callback-url-rule';

describe('the callback_url rule', () => {
  it('accepts https on the default port and on 443', () => {
    expect(checkCallbackUrl('https://example.com/telesign')).toEqual({ ok: true });
    expect(checkCallbackUrl('https://example.com:443/telesign')).toEqual({ ok: true });
  });

  it('refuses http and other ports for a public host', () => {
    expect(checkCallbackUrl('http://example.com/telesign')).toMatchObject({ ok: false });
    expect(checkCallbackUrl('https://example.com:8443/telesign')).toMatchObject({
      ok: false,
      hint: 'callback_url must use port 443, not 8443',
    });
    expect(checkCallbackUrl('ftp://example.com/x')).toMatchObject({ ok: false });
    expect(checkCallbackUrl('not a url')).toMatchObject({ ok: false });
  });

  it('accepts loopback receivers on any port, with a note saying TeleSign would not', () => {
    for (const url of ['http://127.0.0.1:4020/x', 'http://localhost:80/', 'http://[::1]:9/']) {
      const verdict = checkCallbackUrl(url);
      expect(verdict.ok).toBe(true);
      expect(verdict.ok && verdict.note).toMatch(/TeleSign would refuse it/);
    }
  });

  it('knows loopback hosts from look-alikes', () => {
    expect(isLoopbackHost('127.9.9.9')).toBe(true);
    expect(isLoopbackHost('127.example.com')).toBe(false);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });

  it('names the field it checks in its hint', () => {
    expect(checkCallbackUrl('http://example.com/', { field: 'url' })).toEqual({
      ok: false,
      hint: 'url must be https:// (TeleSign posts callbacks over HTTPS only)',
    });
  });

  it('gives an in-process host the loopback treatment and nothing more', () => {
    const options = { inProcessHosts: ['channel.local'] };
    const verdict = checkCallbackUrl('http://channel.local/telesign', options);
    expect(verdict).toMatchObject({ ok: true, note: expect.stringMatching(/in-process host/) });
    expect(checkCallbackUrl('http://channel.local/telesign')).toMatchObject({ ok: false });
    expect(checkCallbackUrl('http://other.local/telesign', options)).toMatchObject({ ok: false });
  });
});
