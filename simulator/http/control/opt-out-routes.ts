// Control plane: which numbers a handset opted out of (TeleSign's managed opt-out), and changing it.
import { Hono } from 'hono';
import type { Backend } from '../../backend/backend';
import type { OptOutRecord } from '../../backend/opt-out';
import { teleSignTimestamp } from '../../backend/timestamp';
import { SimulatorError } from '../../errors/control-errors';
import { phoneParam } from './handset-routes';

export const presentOptOut = (r: OptOutRecord) => ({
  number: r.number,
  customer_id: r.customerId,
  keyword: r.keyword,
  since: r.since,
});

export function optOutRoutes(backend: Backend) {
  const r = new Hono();
  const purchased = (value: string) => {
    const number = backend.numbers.find(value);
    if (!number) {
      throw new SimulatorError(
        'not_found',
        `${value} is not a purchased TeleSign number`,
        'number',
      );
    }
    return number;
  };

  r.get('/handsets/:phone/opt-outs', (c) => {
    const phone = phoneParam(c.req.param('phone'));
    return c.json({ phone, opt_outs: backend.optOuts.list(phone).map(presentOptOut) });
  });
  r.put('/handsets/:phone/opt-outs/:number', async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    const number = purchased(c.req.param('number'));
    const record: OptOutRecord = backend.optOuts.find(phone, number.number) ?? {
      phone,
      number: number.number,
      customerId: number.customerId,
      keyword: 'control plane',
      since: teleSignTimestamp(backend.clock.now()),
    };
    await backend.optOuts.add(record);
    backend.journal.record({
      kind: 'control',
      customerId: number.customerId,
      phone,
      detail: `${phone} opted out of ${number.number} (control plane)`,
    });
    return c.json(presentOptOut(record));
  });
  r.delete('/handsets/:phone/opt-outs/:number', async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    const number = purchased(c.req.param('number'));
    if (!(await backend.optOuts.remove(phone, number.number))) {
      throw new SimulatorError(
        'not_found',
        `${phone} has not opted out of ${number.number}`,
        'number',
      );
    }
    backend.journal.record({
      kind: 'control',
      customerId: number.customerId,
      phone,
      detail: `${phone} opted back in to ${number.number} (control plane)`,
    });
    return c.json({ phone, number: number.number, opted_out: false });
  });
  return r;
}
