import { describe, expect, it } from 'vitest';
import { applyDeliveryStatus, explainDeliveryCode, isFinalCode } from './delivery-status';

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

describe('which report wins', () => {
  it('takes the first report of a message as its status', () => {
    expect(applyDeliveryStatus(undefined, at(290, 5))).toEqual({
      applied: true,
      status: { code: 290, description: 'code 290', final: false, updatedAt: 5 },
    });
  });
  it('takes a later stage over an earlier one, with its time', () => {
    const first = applyDeliveryStatus(undefined, at(290, 1)).status;
    expect(applyDeliveryStatus(first, at(203, 2))).toEqual({
      applied: true,
      status: { code: 203, description: 'code 203', final: false, updatedAt: 2 },
    });
  });
  it('takes a different code of the same stage (queued by gateway, then status delayed)', () => {
    const queued = applyDeliveryStatus(undefined, at(292, 1)).status;
    expect(applyDeliveryStatus(queued, at(295, 2))).toMatchObject({
      applied: true,
      status: { code: 295 },
    });
  });
  it('keeps a later stage when an earlier one arrives late', () => {
    const gateway = applyDeliveryStatus(undefined, at(203, 2)).status;
    expect(applyDeliveryStatus(gateway, at(291, 3))).toEqual({ applied: false, status: gateway });
  });
  it('keeps the same intermediate code reported twice at its first time', () => {
    const first = applyDeliveryStatus(undefined, at(203, 1)).status;
    expect(applyDeliveryStatus(first, at(203, 9))).toEqual({ applied: false, status: first });
  });
});

describe('R-MSG-8: what a status means for the agent', () => {
  it('R-MSG-8: explains TeleSign 510 as an opt-out and keeps the code and description', () => {
    const { status } = applyDeliveryStatus(undefined, {
      code: 510,
      description: 'Message blocked by subscriber action or request',
      at: 5,
    });
    expect(status).toEqual({
      code: 510,
      description: 'Message blocked by subscriber action or request',
      final: true,
      updatedAt: 5,
      explanation: 'the customer opted out of messages from this number',
    });
  });
  it('R-MSG-8: explains no other code', () => {
    expect(explainDeliveryCode(210)).toBeUndefined();
    expect(explainDeliveryCode(200)).toBeUndefined();
  });
});
