// Audit (R-WS-2): every auto-close under 8 hours, zero and negative included, names the 8-hour minimum.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

describe('auto-close minimum over HTTP (R-WS-2)', () => {
  for (const value of [0, -1, 28_799_999]) {
    it(`refuses autoCloseAfterInactivityMs ${value} naming the 8-hour minimum`, async () => {
      const response = await h.api
        .post('/api/work-streams')
        .send({ name: 'Support', mode: 'push', autoCloseAfterInactivityMs: value });
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('autoCloseAfterInactivityMs');
      expect(response.body.error.message).toContain('at least 8 hours');
    });
  }
});
