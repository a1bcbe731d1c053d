import { describe, expect, it } from 'vitest';
import { matches } from '../pages/inspect-journal';
import { curlFor, teleSignStatus } from './exchange';

describe('an exchange from the journal', () => {
  it('becomes a curl command with the same method, headers and body bytes, quoted for a shell', () => {
    const curl = curlFor({
      method: 'POST',
      url: 'http://127.0.0.1:4020/telesign/inbound/abc',
      headers: { 'content-type': 'application/json', host: 'x', authorization: "TSA c:s'q" },
      body: '{"a":"it\'s"}',
    });
    expect(curl).toBe(
      [
        "curl -X POST 'http://127.0.0.1:4020/telesign/inbound/abc'",
        "  -H 'content-type: application/json'",
        "  -H 'authorization: TSA c:s'\\''q'",
        "  --data-raw '{\"a\":\"it'\\''s\"}'",
      ].join(' \\\n'),
    );
  });

  it("reads TeleSign's status code, description and errors from an answer, and nothing from other text", () => {
    expect(
      teleSignStatus(
        '{"status":{"code":11017,"description":"Invalid value"},"errors":[{"code":11017,"description":"x"}]}',
      ),
    ).toEqual({
      code: 11017,
      description: 'Invalid value',
      errors: [{ code: 11017, description: 'x' }],
    });
    expect(teleSignStatus('Internal Server Error')).toBeNull();
  });

  it('matches a journal filter by HTTP status or TeleSign code, and by time to the minute', () => {
    const entry = {
      seq: 1,
      at: '2026-11-30T16:25:30.000Z',
      kind: 'api',
      status: 400,
      detail: '',
      response: { headers: {}, body: '{"status":{"code":11017,"description":"d"}}' },
    };
    expect(matches(entry, { status: '400' })).toBe(true);
    expect(matches(entry, { status: '11017' })).toBe(true);
    expect(matches(entry, { status: '401' })).toBe(false);
    expect(matches(entry, { to: '2026-11-30T16:25' })).toBe(true);
    expect(matches(entry, { to: '2026-11-30T16:24' })).toBe(false);
    expect(matches(entry, { from: '2026-11-30T16:26' })).toBe(false);
  });
});
