import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { type Receiver, startReceiver, teleSignSampleVerify } from './receiver';
import { call, sdkClient } from './telesign-sdk';

describe('delivery reports and inbound SMS posted to a real receiver', () => {
  let h: Harness;
  let rx: Receiver;
  beforeEach(async () => {
    h = await startHarness();
    rx = await startReceiver();
    await h.control('PUT', `/_sim/accounts/${h.customerId}/callback-url`, { url: rx.url });
  });
  afterEach(async () => {
    await h.sim.close();
    await rx.stop();
  });

  const send = async (phone = '15555550100', extra: Record<string, string> = {}) => {
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const body = await call((cb) =>
      client.rest.execute(cb, 'POST', '/v1/messaging', {
        phone_number: phone,
        message: 'Hi',
        message_type: 'ARN',
        ...extra,
      }),
    );
    return String(body.reference_id);
  };

  it('posts 203 then 200 as the default policy walks, signed as TeleSign signs', async () => {
    const ref = await send();
    expect(rx.received).toHaveLength(0);
    await h.clock.advance(300);
    await h.clock.advance(700);
    expect(rx.received.map((r) => (r.json.status as { code: number }).code)).toEqual([203, 200]);
    for (const r of rx.received) {
      expect(teleSignSampleVerify(h.apiKey, r.authorization, r.body)).toBe(true);
      expect(r.authorization.startsWith(`TSA ${h.customerId}:`)).toBe(true);
      expect(r.xTsAuthorization).toBe(r.authorization.split(':')[1]);
    }
    expect(rx.received[1]?.json).toMatchObject({
      reference_id: ref,
      external_id: null,
      sub_resource: 'sms',
      errors: [],
      status: { code: 200, description: 'Delivered to handset' },
    });
  });

  it('shows each status change through GET /v1/messaging/{reference_id}', async () => {
    const ref = await send();
    const client = sdkClient(h.customerId, h.apiKey, h.url);
    const codes: number[] = [];
    for (const step of [0, 300, 700]) {
      await h.clock.advance(step);
      const body = await call((cb) => client.sms.status(cb, ref));
      codes.push((body.status as { code: number }).code);
    }
    expect(codes).toEqual([290, 203, 200]);
  });

  it('posts to the per-request callback_url rather than the account one', async () => {
    const other = await startReceiver();
    try {
      await send('15555550100', { callback_url: other.url });
      await h.clock.advance(1000);
      expect(other.received).toHaveLength(2);
      expect(rx.received).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });

  it('puts a delivered message in the handset inbox, from the sender id', async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
    await send('15555550111');
    await h.clock.advance(1000);
    const inbox = await h.control('GET', '/_sim/handsets/15555550111/messages');
    expect((inbox.body as { inbox: unknown[] }).inbox).toMatchObject([
      { from: '12025550142', text: 'Hi' },
    ]);
  });

  it('posts a signed mo_sms before POST /_sim/handsets/{phone}/messages answers', async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
    const answer = await h.control('POST', '/_sim/handsets/15555550123/messages', {
      to: '12025550142',
      text: 'Hello & bye 👋',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      callback: { state: 'delivered', attempts: [{ attempt: 1, status: 200 }] },
    });
    expect(rx.received).toHaveLength(1);
    const [mo] = rx.received;
    expect(teleSignSampleVerify(h.apiKey, mo?.authorization ?? '', mo?.body ?? '')).toBe(true);
    expect(mo?.json).toMatchObject({
      reference_id: (answer.body as { reference_id: string }).reference_id,
      sub_resource: 'mo_sms',
      errors: [],
      status: { code: 1500, description: 'Delivered to customer' },
      user_response: {
        phone_number: '15555550123',
        sender_id: '12025550142',
        mo_message: 'Hello & bye 👋',
      },
    });
  });

  it('retries a callback answered 500 at +10 s and +30 s, then gives up', async () => {
    rx.answer = 500;
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
    const answer = await h.control('POST', '/_sim/handsets/15555550123/messages', {
      to: '12025550142',
      text: 'Hi',
    });
    const ref = (answer.body as { reference_id: string }).reference_id;
    const attempts = async () =>
      (await h.control('GET', `/_sim/journal?kind=callback&reference_id=${ref}`)).body as {
        attempt: number;
        status: number;
      }[];
    expect(await attempts()).toHaveLength(1);
    await h.clock.advance(9_999);
    expect(await attempts()).toHaveLength(1);
    await h.clock.advance(1);
    expect(await attempts()).toHaveLength(2);
    await h.clock.advance(29_999);
    expect(await attempts()).toHaveLength(2);
    await h.clock.advance(1);
    await h.clock.advance(600_000);
    expect((await attempts()).map((a) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
    ]);
  });

  it('counts a redirect as a failed attempt and retries it, never following it to the receiver it names', async () => {
    // TeleSign expects 200 and retries any other answer; it documents no redirects.
    const redirector = createServer((_req, res) => res.writeHead(307, { location: rx.url }).end());
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const port = (redirector.address() as AddressInfo).port;
    try {
      await h.control('PUT', `/_sim/accounts/${h.customerId}/callback-url`, {
        url: `http://127.0.0.1:${port}/moved`,
      });
      await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550143' });
      const answer = await h.control('POST', '/_sim/handsets/15555550124/messages', {
        to: '12025550143',
        text: 'Hi',
      });
      const ref = (answer.body as { reference_id: string }).reference_id;
      await h.clock.advance(10_000);
      const attempts = (await h.control('GET', `/_sim/journal?kind=callback&reference_id=${ref}`))
        .body as { attempt: number; status: number }[];
      expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
        [1, 307],
        [2, 307],
      ]);
      expect(rx.received).toEqual([]);
    } finally {
      redirector.closeAllConnections();
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
    }
  });

  it('a receiver that is down then up gets every callback exactly once, the first time it answers 200', async () => {
    await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, { number: '12025550142' });
    await rx.stop();
    const refs = [await send('15555550100'), await send('15555550101')];
    await h.control('POST', '/_sim/handsets/15555550123/messages', {
      to: '12025550142',
      text: 'one',
    });
    await h.clock.advance(1000); // every delivery report's first attempt is refused
    await rx.start();
    await h.clock.advance(60_000);
    const byKey = rx.received.map(
      (r) => `${r.json.reference_id}:${(r.json.status as { code: number }).code}`,
    );
    expect(byKey.filter((k) => k.startsWith(refs[0] ?? '-'))).toEqual([
      `${refs[0]}:203`,
      `${refs[0]}:200`,
    ]);
    expect(byKey.filter((k) => k.startsWith(refs[1] ?? '-'))).toEqual([
      `${refs[1]}:203`,
      `${refs[1]}:200`,
    ]);
    expect(rx.received.filter((r) => r.json.sub_resource === 'mo_sms')).toHaveLength(1);
    expect(new Set(byKey).size).toBe(byKey.length);
  });
});
