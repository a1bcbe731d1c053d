// Control plane: what happened — the journal, its live stream, and full message records.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { Backend } from '../../backend/backend';
import type { JournalEntry } from '../../backend/journal';
import { SimulatorError } from '../../errors/control-errors';
import { newestLimit, parseWith } from './control-http';
import { presentMessage } from './present';

const journalQuery = z
  .object({
    kind: z.enum(['api', 'callback', 'state', 'control']).optional(),
    customer_id: z.string().min(1).optional(),
    reference_id: z.string().min(1).optional(),
    phone: z
      .string()
      .regex(/^[1-9][0-9]{4,14}$/, 'must be 5 to 15 digits, no "+"')
      .optional(),
    since: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .strict();

/** Entries an event-stream reader may fall behind by before it is dropped. */
export const SSE_BACKLOG_LIMIT = 1_000;

export function observeRoutes(backend: Backend, closing: Promise<void>) {
  const r = new Hono();

  r.get('/journal', (c) => {
    const q = parseWith(journalQuery, c.req.query());
    return c.json(
      backend.journal.list({
        kind: q.kind,
        customerId: q.customer_id?.toUpperCase(),
        referenceId: q.reference_id?.toUpperCase(),
        phone: q.phone,
        since: q.since,
        limit: q.limit,
      }),
    );
  });
  r.get('/journal/:seq', (c) => {
    const seq = Number(c.req.param('seq'));
    const entry = Number.isInteger(seq) && seq > 0 ? backend.journal.get(seq) : undefined;
    if (!entry)
      throw new SimulatorError('not_found', `no journal entry ${c.req.param('seq')}`, 'seq');
    return c.json(entry);
  });
  r.delete('/journal', (c) => {
    backend.journal.clear();
    return c.json({ cleared: true });
  });

  r.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const queue: JournalEntry[] = [];
      let wake: (() => void) | undefined;
      let open = true;
      const unsubscribe = backend.journal.subscribe((entry) => {
        // A reader this far behind is dropped (it reconnects and reads the journal): no unbounded buffer.
        if (queue.length >= SSE_BACKLOG_LIMIT) {
          stream.abort();
          return;
        }
        queue.push(entry);
        wake?.();
      });
      const stop = (): void => {
        open = false;
        wake?.();
      };
      stream.onAbort(stop);
      void closing.then(stop);
      try {
        while (open) {
          const entry = queue.shift();
          if (entry) {
            // The entry without its exchange: a live reader wants what happened, not every byte
            // (GET /_sim/journal/{seq} has those), and a busy stream stays cheap to write and read.
            const { request: _request, response: _response, signed: _signed, ...brief } = entry;
            await stream.writeSSE({
              event: 'journal',
              id: String(entry.seq),
              data: JSON.stringify(brief),
            });
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
      } finally {
        unsubscribe();
      }
    }),
  );

  r.get('/messages', (c) => {
    const q = parseWith(
      z
        .object({
          customer_id: z.string().min(1).optional(),
          phone_number: z
            .string()
            .regex(/^[1-9][0-9]{4,14}$/, 'must be 5 to 15 digits, no "+"')
            .optional(),
          /** The newest this many (a Phones card reads no more than it can show). */
          limit: newestLimit,
        })
        .strict(),
      c.req.query(),
    );
    const customer = q.customer_id?.toUpperCase();
    const kept = q.phone_number
      ? backend.messages
          .listToPhone(q.phone_number)
          .filter((m) => customer === undefined || m.customerId === customer)
      : backend.messages.list(customer);
    return c.json((q.limit ? kept.slice(-q.limit) : kept).map(presentMessage));
  });
  r.get('/messages/:reference_id', (c) => {
    const id = c.req.param('reference_id').toUpperCase();
    const record = backend.messages.findAny(id);
    if (!record) throw new SimulatorError('not_found', `no message ${id}`, 'reference_id');
    return c.json(presentMessage(record));
  });
  return r;
}
