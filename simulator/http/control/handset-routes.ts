// Control plane: the customers' phones — texting a number, reading the inbox, delivery policies.
import { Hono } from 'hono';
import { z } from 'zod';
import { exceedsSegments } from '../../../lib/sms-text';
import type { Backend } from '../../backend/backend';
import { deliverySettingSchema } from '../../backend/delivery-policy';
import { SimulatorError } from '../../errors/control-errors';
import { newestLimit, parseWith, readJson } from './control-http';

const threadQuery = z.object({ limit: newestLimit }).strict();

const PHONE = /^[1-9][0-9]{4,14}$/;

/** A concatenated SMS has at most 255 parts (its part counter is one byte). */
export const MAX_INBOUND_SEGMENTS = 255;

const textMessage = z
  .object({
    to: z.string().regex(PHONE, 'must be the digits of a purchased TeleSign number'),
    // Phones concatenate long texts; TeleSign posts one mo_sms with the whole text (§11.10).
    text: z
      .string()
      .min(1, 'must not be empty')
      .max(MAX_INBOUND_SEGMENTS * 153, `must fit in ${MAX_INBOUND_SEGMENTS} SMS segments`)
      .refine(
        (text) => !exceedsSegments(text, MAX_INBOUND_SEGMENTS),
        `must fit in ${MAX_INBOUND_SEGMENTS} SMS segments`,
      ),
  })
  .strict();

export function phoneParam(value: string): string {
  if (!PHONE.test(value)) {
    throw new SimulatorError(
      'invalid_field',
      'phone must be 5 to 15 digits with the country code, no "+"',
      'phone',
    );
  }
  return value;
}

export function handsetRoutes(backend: Backend) {
  const r = new Hono();

  r.get('/handsets', (c) =>
    c.json(
      backend.handsets.list().map((h) => ({
        phone: h.phone,
        inbox: h.inbox.length,
        outbox: h.outbox.length,
        delivery: backend.handsetDelivery(h.phone),
        opted_out_of: backend.optOuts.list(h.phone).map((o) => o.number),
      })),
    ),
  );
  r.post('/handsets/:phone/messages', async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    const { to, text } = await readJson(c, textMessage);
    const sent = await backend.textFromHandset(phone, to, text);
    return c.json(
      {
        reference_id: sent.referenceId,
        from: phone,
        to: sent.to,
        text: sent.text,
        sent_at: sent.sentAt,
        customer_id: sent.customerId,
        callback: sent.callback,
        ...(sent.note !== undefined ? { note: sent.note } : {}),
      },
      201,
    );
  });
  r.get('/handsets/:phone/messages', (c) => {
    const handset = backend.handsets.get(phoneParam(c.req.param('phone')));
    // `?limit=N`: the newest N of each list (a Phones card reads no more than it can show).
    const { limit } = parseWith(threadQuery, c.req.query());
    const newest = <T>(list: T[]): T[] => (limit ? list.slice(-limit) : list);
    return c.json({
      phone: handset.phone,
      inbox: newest(handset.inbox),
      outbox: newest(handset.outbox),
      cleared_after: handset.clearedAfter ?? null,
    });
  });
  r.get('/handsets/:phone/delivery', (c) =>
    c.json({ delivery: backend.handsetDelivery(phoneParam(c.req.param('phone'))) }),
  );
  r.put('/handsets/:phone/delivery', async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    const setting = await readJson(c, deliverySettingSchema);
    await backend.setHandsetDelivery(phone, setting);
    backend.journal.record({
      kind: 'control',
      detail: `delivery for ${phone}: ${JSON.stringify(setting)}`,
    });
    return c.json({ phone, delivery: setting });
  });
  r.delete('/handsets/:phone/delivery', async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    await backend.setHandsetDelivery(phone, null);
    return c.json({ phone, delivery: null });
  });
  return r;
}
