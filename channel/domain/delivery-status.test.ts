import { describe, expect, it } from 'vitest';
import { applyDeliveryStatus, isFinalCode } from './delivery-status';

const at = (code: number, when = 1) => ({ code, description: `code ${code}`, at: when });

describe('delivery status precedence (R-MSG-5, R-MSG-7)', () => {
  it('treats 203, 290, 291, 292, 295 and 599 as intermediate', () => {
    expect([203, 290, 291, 292, 295, 599].map(isFinalCode)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([200, 210, 230, 250].map(isFinalCode)).toEqual([true, true, true, true]);
  });
  it('moves from in progress to delivered to gateway to delivered to handset', () => {
    const first = applyDeliveryStatus(undefined, at(290)).status;
    const second = applyDeliveryStatus(first, at(203)).status;
    expect(applyDeliveryStatus(second, at(200))).toMatchObject({
      applied: true,
      status: { code: 200, final: true },
    });
  });
  it('never overwrites a final status with an intermediate one arriving late', () => {
    const final = applyDeliveryStatus(undefined, at(200)).status;
    expect(applyDeliveryStatus(final, at(203, 5))).toEqual({ status: final, applied: false });
  });
  it('keeps the first final status when another final one arrives', () => {
    const final = applyDeliveryStatus(undefined, at(210)).status;
    expect(applyDeliveryStatus(final, at(200, 5))).toEqual({ status: final, applied: false });
  });
  it('ignores an earlier intermediate stage arriving after a later one', () => {
    const gateway = applyDeliveryStatus(undefined, at(203)).status;
    expect(applyDeliveryStatus(gateway, at(290, 5)).applied).toBe(false);
  });
  it('treats the same report twice as one', () => {
    const first = applyDeliveryStatus(undefined, at(203)).status;
    expect(applyDeliveryStatus(first, at(203, 2)).applied).toBe(false);
  });
});
