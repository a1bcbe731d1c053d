// Control plane: creating a handset before it texts, reading one, and clearing its thread.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Backend } from '../../backend/backend';
import { SimulatorError } from '../../errors/control-errors';
import { readJson } from './control-http';
import { phoneParam } from './handset-routes';

const createBody = z.object({}).strict();

export function handsetBookRoutes(backend: Backend) {
  const r = new Hono();
  const book = backend.handsetBook;
  const unknown = (phone: string) =>
    new SimulatorError(
      'not_found',
      `no handset ${phone}: it was never created, never texted and was never sent to`,
      'phone',
    );

  r.put('/handsets/:phone', async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    await readJson(c, createBody);
    if (backend.numbers.find(phone)) {
      throw new SimulatorError(
        'conflict',
        `phone: ${phone} is a purchased TeleSign number, not a customer's handset`,
        'phone',
      );
    }
    const { handset, created } = await book.create(phone);
    if (created)
      backend.journal.record({ kind: 'control', phone, detail: `handset ${phone} created` });
    return c.json({ phone, created_at: handset.createdAt }, created ? 201 : 200);
  });
  r.get('/handsets/:phone', (c) => {
    const phone = phoneParam(c.req.param('phone'));
    if (!book.exists(phone)) throw unknown(phone);
    const handset = backend.handsets.get(phone);
    return c.json({
      phone,
      created_at: book.created(phone)?.createdAt ?? null,
      inbox: handset.inbox.length,
      outbox: handset.outbox.length,
      cleared_after: handset.clearedAfter ?? null,
      delivery: backend.handsetDelivery(phone),
      opted_out_of: backend.optOuts.list(phone).map((o) => o.number),
    });
  });
  r.delete('/handsets/:phone/messages', async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    const cleared = await book.clear(phone);
    if (!cleared) throw unknown(phone);
    backend.journal.record({
      kind: 'control',
      phone,
      detail: `thread of ${phone} cleared (${cleared.removed} message(s))`,
    });
    return c.json({ phone, removed: cleared.removed, cleared_after: cleared.clearedAfter });
  });
  return r;
}
