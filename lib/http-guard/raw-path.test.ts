import { describe, expect, it } from 'vitest';
import { rawTarget, unsafePathReason } from './raw-path';

describe('request paths', () => {
  it('passes a plain path, whatever its query says', () => {
    expect(unsafePathReason('/_sim/accounts/ABC/numbers?x=%2e%2e')).toBeNull();
  });

  it('refuses encoded dots, slashes and backslashes in any case', () => {
    for (const path of [
      '/_sim/%2e%2e/v1/messaging',
      '/_sim/accounts/C/numbers/%2E%2E/delivery',
      '/api/queues/a%2fb',
      '/api/%5c',
      '/api/x%2e',
    ]) {
      expect(unsafePathReason(path)).toBe('an encoded dot, slash or backslash (%2e, %2f, %5c)');
    }
  });

  it('refuses literal dot segments and backslashes', () => {
    expect(unsafePathReason('/api/../_sim/reset')).toBe('a "." or ".." segment');
    expect(unsafePathReason('/api/./queues')).toBe('a "." or ".." segment');
    expect(unsafePathReason('/api\\queues')).toBe('a backslash');
    expect(unsafePathReason('/api/v1.2/x')).toBeNull();
  });

  it("reads the socket's request target from @hono/node-server's env, and nothing else", () => {
    expect(rawTarget({ incoming: { url: '/a/%2e%2e/b' } })).toBe('/a/%2e%2e/b');
    expect(rawTarget(undefined)).toBeUndefined();
    expect(rawTarget({})).toBeUndefined();
  });
});
