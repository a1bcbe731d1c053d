// Delivery policies: named, JSON-able descriptions of how a message walks TeleSign's status codes.
import { z } from 'zod';

/**
 * TeleSign's SMS delivery statuses with their descriptions word for word (the 2019 SMS API
 * specs' status tables; reference/telesign.md §11.3).
 */
export const DELIVERY_STATUSES = {
  200: { description: 'Delivered to handset', final: true },
  203: { description: 'Delivered to gateway', final: false },
  207: { description: 'Error delivering SMS to handset (reason unknown)', final: true },
  210: { description: 'Temporary phone error', final: true },
  211: { description: 'Permanent phone error', final: true },
  220: { description: 'Gateway/network cannot route message', final: true },
  221: { description: 'Message expired before delivery', final: true },
  222: { description: 'SMS not supported', final: true },
  229: { description: 'Message blocked by your request', final: true },
  230: { description: 'Message blocked by TeleSign', final: true },
  231: { description: 'Invalid/unsupported', final: true },
  237: { description: 'Message blocked in requested country', final: true },
  238: { description: 'Destination blocked by prefix', final: true },
  250: { description: 'Final status unknown', final: true },
  251: {
    description:
      'Message successfully sent out for delivery, however final confirmation of delivery to handset was not received',
    final: true,
  },
  286: { description: 'Transaction not attempted', final: true },
  290: { description: 'Message in progress', final: false },
  291: { description: 'Queued by TeleSign', final: false },
  292: { description: 'Queued by gateway', final: false },
  295: { description: 'Status delayed', final: false },
  500: { description: 'Transaction not attempted', final: true },
  502: { description: 'Campaign error', final: true },
  503: { description: 'Carrier rejected - temporary problem', final: true },
  504: { description: 'Carrier rejected - permanent error', final: true },
  505: { description: 'Error on gateway - temporary error', final: true },
  506: { description: 'Error on gateway - permanent error', final: true },
  507: { description: 'Invalid destination address', final: true },
  508: { description: 'Invalid source address', final: true },
  509: { description: 'Parameters problem', final: true },
  510: { description: 'Message blocked by subscriber action or request', final: true },
  511: { description: 'Subscriber low on credit', final: true },
  512: { description: 'Roaming error', final: true },
  513: { description: 'Mobile number portability error', final: true },
  514: { description: 'Subscriber absent', final: true },
  515: { description: 'Suspected spam', final: true },
  599: { description: 'Status not available', final: false },
} as const;

export type DeliveryCode = keyof typeof DELIVERY_STATUSES;

export const FINAL_FAILURE_CODES = Object.entries(DELIVERY_STATUSES)
  .filter(([code, s]) => s.final && code !== '200')
  .map(([code]) => Number(code));

export function statusDescription(code: number): string {
  return (DELIVERY_STATUSES as Record<number, { description: string }>)[code]?.description ?? '';
}

export const policySchema = z.union([
  z.enum(['default', 'immediate', 'stuck', 'unknown-number', 'opted-out']),
  z.object({ after: z.number().int().min(0).max(86_400_000) }).strict(),
  z
    .object({
      fail: z
        .number()
        .int()
        .refine((code) => FINAL_FAILURE_CODES.includes(code), {
          message: `must be a final failure code of TeleSign's table (${FINAL_FAILURE_CODES.join(', ')})`,
        }),
    })
    .strict(),
]);

export type DeliveryPolicy = z.infer<typeof policySchema>;

/** A policy plus an optional extra delay before every step after the initial 290. */
export const deliverySettingSchema = z
  .object({ policy: policySchema, delayMs: z.number().int().min(0).max(86_400_000).optional() })
  .strict();

export type DeliverySetting = z.infer<typeof deliverySettingSchema>;

export interface DeliveryStep {
  /** Milliseconds after submission. */
  afterMs: number;
  code: number;
}

/** The status changes a message makes after its initial 290, in time order. */
export function deliverySteps(setting: DeliverySetting): DeliveryStep[] {
  const extra = setting.delayMs ?? 0;
  const steps = ((): DeliveryStep[] => {
    const policy = setting.policy;
    if (policy === 'default') {
      return [
        { afterMs: 300, code: 203 },
        { afterMs: 1000, code: 200 },
      ];
    }
    if (policy === 'immediate') return [{ afterMs: 0, code: 200 }];
    if (policy === 'stuck') return [];
    // TeleSign's managed opt-out blocks the message itself: no gateway, final 510.
    if (policy === 'opted-out') return [{ afterMs: 300, code: 510 }];
    if (policy === 'unknown-number') return [{ afterMs: 300, code: 507 }];
    if ('after' in policy) return [{ afterMs: policy.after, code: 200 }];
    return [
      { afterMs: 300, code: 203 },
      { afterMs: 1000, code: policy.fail },
    ];
  })();
  return steps.map((step) => ({ ...step, afterMs: step.afterMs + extra }));
}
