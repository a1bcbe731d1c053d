// Control plane: accounts, their numbers, callback URL, rate limit and default delivery policy.
import { Hono } from 'hono';
import { z } from 'zod';
import { CUSTOMER_ID_PATTERN } from '../../backend/accounts';
import type { Backend } from '../../backend/backend';
import { deliverySettingSchema } from '../../backend/delivery-policy';
import { readJson } from './control-http';
import { presentAccount, presentNumber } from './present';

// The rule itself (HTTPS on 443, loopback let in with a note) is the backend's: one for every path.
const httpUrl = z.string().max(2048);

const newAccount = z
  .object({
    customer_id: z
      .string()
      .regex(CUSTOMER_ID_PATTERN, 'must be a UUID such as FFFFFFFF-EEEE-DDDD-1234-AB1234567890')
      .optional(),
    api_key: z
      .string()
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64 text')
      .min(4)
      .max(512)
      .optional(),
    callback_url: httpUrl.optional(),
  })
  .strict();

const purchase = z
  .object({
    number: z
      .string()
      .regex(/^[1-9][0-9]{4,14}$/, 'must be 5 to 15 digits, no "+"')
      .optional(),
    type: z.enum(['long-code', 'short-code', 'toll-free']).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code')
      .optional(),
  })
  .strict();

export function accountRoutes(backend: Backend) {
  const r = new Hono();
  const { accounts, numbers } = backend;
  /** The journal says when TeleSign would have refused a URL the fake let in (loopback). */
  const noteOn = (url: string | null | undefined, field: string): string => {
    if (!url) return '';
    const verdict = backend.callbackUrlRule(url, field);
    return verdict.ok && verdict.note ? `; ${verdict.note}` : '';
  };

  r.post('/accounts', async (c) => {
    const input = await readJson(c, newAccount);
    const account = await accounts.create({
      customerId: input.customer_id,
      apiKey: input.api_key,
      callbackUrl: input.callback_url,
    });
    const note = noteOn(input.callback_url, 'callback_url');
    backend.journal.record({
      kind: 'control',
      customerId: account.customerId,
      ...(account.callbackUrl ? { url: account.callbackUrl } : {}),
      detail: `account created${note}`,
    });
    return c.json(presentAccount(account), 201);
  });
  r.get('/accounts', (c) => c.json(accounts.list().map(presentAccount)));
  r.get('/accounts/:cid', (c) => c.json(presentAccount(accounts.get(c.req.param('cid')))));

  r.put('/accounts/:cid/callback-url', async (c) => {
    const { url } = await readJson(c, z.object({ url: httpUrl.nullable() }).strict());
    const account = await accounts.setCallbackUrl(c.req.param('cid'), url);
    backend.journal.record({
      kind: 'control',
      customerId: account.customerId,
      url: url ?? undefined,
      detail: `callback URL set to ${url}${noteOn(url, 'url')}`,
    });
    return c.json(presentAccount(account));
  });
  r.put('/accounts/:cid/rate-limit', async (c) => {
    const { perSecond } = await readJson(
      c,
      z.object({ perSecond: z.number().positive().max(1_000_000).nullable() }).strict(),
    );
    const account = await accounts.setRateLimit(c.req.param('cid'), perSecond);
    backend.journal.record({
      kind: 'control',
      customerId: account.customerId,
      detail: `rate limit ${perSecond ?? 'off'}`,
    });
    return c.json(presentAccount(account));
  });
  r.put('/accounts/:cid/delivery', async (c) => {
    const setting = await readJson(c, deliverySettingSchema);
    return c.json(presentAccount(await accounts.setDelivery(c.req.param('cid'), setting)));
  });
  r.delete('/accounts/:cid/delivery', async (c) =>
    c.json(presentAccount(await accounts.setDelivery(c.req.param('cid'), null))),
  );

  r.post('/accounts/:cid/numbers', async (c) => {
    const account = accounts.get(c.req.param('cid'));
    const input = await readJson(c, purchase);
    const record = await numbers.purchase(account.customerId, input);
    backend.journal.record({
      kind: 'control',
      customerId: account.customerId,
      detail: `number ${record.number} purchased`,
    });
    return c.json(presentNumber(record), 201);
  });
  r.get('/accounts/:cid/numbers', (c) => {
    const account = accounts.get(c.req.param('cid'));
    return c.json(numbers.list(account.customerId).map(presentNumber));
  });
  r.delete('/accounts/:cid/numbers/:number', async (c) => {
    const account = accounts.get(c.req.param('cid'));
    const record = await numbers.release(account.customerId, c.req.param('number'));
    backend.journal.record({
      kind: 'control',
      customerId: account.customerId,
      detail: `number ${record.number} released`,
    });
    return c.json(presentNumber(record));
  });
  r.put('/accounts/:cid/numbers/:number/delivery', async (c) => {
    const account = accounts.get(c.req.param('cid'));
    const setting = await readJson(c, deliverySettingSchema);
    return c.json(
      presentNumber(await numbers.setDelivery(account.customerId, c.req.param('number'), setting)),
    );
  });
  return r;
}
