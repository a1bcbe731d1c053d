import { describe, expect, it } from 'vitest';
import { deliverySettingSchema, deliverySteps } from './delivery-policy';

describe('delivery policies', () => {
  it('walks the default policy 203 after 300 ms then 200 after 1 s', () => {
    expect(deliverySteps({ policy: 'default' })).toEqual([
      { afterMs: 300, code: 203 },
      { afterMs: 1000, code: 200 },
    ]);
  });

  it('shifts every step by the extra delay', () => {
    expect(deliverySteps({ policy: { after: 50 }, delayMs: 1000 })).toEqual([
      { afterMs: 1050, code: 200 },
    ]);
  });

  it('gives a stuck message no step after 290', () => {
    expect(deliverySteps({ policy: 'stuck' })).toEqual([]);
  });

  it('refuses a failure code that is not final in TeleSign table', () => {
    const result = deliverySettingSchema.safeParse({ policy: { fail: 203 } });
    expect(result.success).toBe(false);
  });
});
