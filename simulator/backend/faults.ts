// Injected faults: the next N faked-API requests or callback attempts misbehave in a named way.
import { z } from 'zod';

export const apiFaultKinds = ['unavailable', 'non-json', 'empty', 'hang'] as const;
export const callbackFaultKinds = ['fail', 'refuse', 'duplicate', 'delay', 'out-of-order'] as const;

export const faultSchema = z.discriminatedUnion('target', [
  z
    .object({
      target: z.literal('api'),
      kind: z.enum(apiFaultKinds),
      count: z.number().int().min(1).max(1_000_000).default(1),
      customerId: z.string().min(1).optional(),
    })
    .strict(),
  z
    .object({
      target: z.literal('callback'),
      kind: z.enum(callbackFaultKinds),
      count: z.number().int().min(1).max(1_000_000).default(1),
      customerId: z.string().min(1).optional(),
      /** For `delay`: how long each affected attempt waits, in ms of the injected clock. */
      ms: z.number().int().min(0).max(86_400_000).optional(),
    })
    .strict(),
]);

export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.infer<typeof faultSchema> & { id: string; remaining: number };
export type ApiFaultKind = (typeof apiFaultKinds)[number];
export type CallbackFault = Extract<Fault, { target: 'callback' }>;

export interface Faults {
  add(fault: z.infer<typeof faultSchema>, id: string): Fault;
  list(): Fault[];
  /** Removes matching faults (all when no filter) and reports how many went. */
  clear(filter?: {
    customerId?: string | undefined;
    target?: 'api' | 'callback' | undefined;
  }): number;
  /** Consumes one use of the first API fault that applies to this customer. */
  takeApi(customerId: string | undefined): ApiFaultKind | null;
  takeCallback(customerId: string): CallbackFault | null;
  /** Calls `listener` whenever faults are cleared; returns the unsubscribe function. */
  onClear(listener: () => void): () => void;
}

export function createFaults(): Faults {
  let faults: Fault[] = [];
  const clearListeners = new Set<() => void>();
  const take = <T extends Fault>(
    target: 'api' | 'callback',
    customerId: string | undefined,
  ): T | null => {
    const fault = faults.find(
      (f) =>
        f.target === target &&
        f.remaining > 0 &&
        (f.customerId === undefined || f.customerId === customerId),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining === 0) faults = faults.filter((f) => f !== fault);
    return fault as T;
  };
  return {
    add(input, id) {
      const fault = { ...input, id, remaining: input.count } as Fault;
      faults.push(fault);
      return fault;
    },
    list: () => faults.map((f) => ({ ...f })),
    clear(filter = {}) {
      const before = faults.length;
      faults = faults.filter(
        (f) =>
          !(
            (filter.customerId === undefined || f.customerId === filter.customerId) &&
            (filter.target === undefined || f.target === filter.target)
          ),
      );
      for (const listener of clearListeners) listener();
      return before - faults.length;
    },
    takeApi: (customerId) => (take<Fault>('api', customerId)?.kind as ApiFaultKind | null) ?? null,
    takeCallback: (customerId) => take<CallbackFault>('callback', customerId),
    onClear(listener) {
      clearListeners.add(listener);
      return () => clearListeners.delete(listener);
    },
  };
}
