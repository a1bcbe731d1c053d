// Control plane: faults, the clock, and reset of the whole world.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Clock, ManualClock } from '../../../lib/clock';
import type { Backend } from '../../backend/backend';
import { faultSchema } from '../../backend/faults';
import { SimulatorError } from '../../errors/control-errors';
import { parseWith, readJson } from './control-http';

const isManual = (clock: Clock): clock is ManualClock =>
  clock.kind === 'manual' && 'advance' in clock;

export function worldRoutes(backend: Backend) {
  const r = new Hono();
  const { clock } = backend;
  let faultSeq = 0;

  r.get('/faults', (c) => c.json(backend.faults.list()));
  r.put('/faults', async (c) => {
    const input = await readJson(c, faultSchema);
    const fault = backend.faults.add(
      { ...input, ...(input.customerId ? { customerId: input.customerId.toUpperCase() } : {}) },
      `fault_${++faultSeq}`,
    );
    backend.journal.record({
      kind: 'control',
      ...(fault.customerId ? { customerId: fault.customerId } : {}),
      detail: `fault set: ${fault.target} ${fault.kind} ×${fault.count}`,
    });
    return c.json(fault, 201);
  });
  r.delete('/faults', (c) => {
    const q = parseWith(
      z
        .object({
          customer_id: z.string().min(1).optional(),
          target: z.enum(['api', 'callback']).optional(),
        })
        .strict(),
      c.req.query(),
    );
    const removed = backend.faults.clear({
      customerId: q.customer_id?.toUpperCase(),
      target: q.target,
    });
    backend.journal.record({ kind: 'control', detail: `faults cleared (${removed})` });
    return c.json({ removed });
  });

  r.post('/reset', async (c) => {
    const { keep_accounts: keepAccounts = false } = await readJson(
      c,
      z.object({ keep_accounts: z.boolean().optional() }).strict(),
    );
    await backend.reset({ keepAccounts });
    backend.journal.record({
      kind: 'control',
      detail: keepAccounts ? 'traffic reset (accounts and numbers kept)' : 'world reset',
    });
    return c.json({ reset: true, kept_accounts: keepAccounts });
  });

  const clockView = () => ({
    kind: clock.kind,
    now: clock.now(),
    iso: new Date(clock.now()).toISOString(),
    ...(isManual(clock) ? { pending: clock.pending() } : {}),
  });
  r.get('/clock', (c) => c.json(clockView()));
  r.post('/clock/advance', async (c) => {
    const { ms } = await readJson(
      c,
      z
        .object({
          ms: z
            .number()
            .int()
            .min(0)
            .max(365 * 86_400_000),
        })
        .strict(),
    );
    if (!isManual(clock)) {
      throw new SimulatorError('not_manual_clock', 'the clock is real time; it cannot be advanced');
    }
    await clock.advance(ms);
    return c.json(clockView());
  });
  return r;
}
