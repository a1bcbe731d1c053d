import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bodyLimitWhileReading } from './body-limit';

class TooLarge extends Error {}

function app(): Hono {
  const hono = new Hono();
  hono.onError((error, c) =>
    c.json({ code: error instanceof TooLarge ? 'PAYLOAD_TOO_LARGE' : 'OTHER' }, 413),
  );
  hono.use(
    '*',
    bodyLimitWhileReading({
      maxBytes: 10,
      onTooLarge: () => {
        throw new TooLarge();
      },
    }),
  );
  hono.post('/echo', async (c) => c.text(await c.req.text()));
  return hono;
}

describe('bodyLimitWhileReading', () => {
  it('passes a body whose declared length is within the limit, unread', async () => {
    const response = await app().request('/echo', {
      method: 'POST',
      body: '0123456789',
      headers: { 'content-length': '10' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('0123456789');
  });

  it('refuses a declared length over the limit with PAYLOAD_TOO_LARGE', async () => {
    const response = await app().request('/echo', {
      method: 'POST',
      body: '0123456789A',
      headers: { 'content-length': '11' },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('counts a body that declares no length and refuses it over the limit', async () => {
    const response = await app().request('/echo', { method: 'POST', body: 'x'.repeat(11) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('counts a body that declares no length and passes it within the limit', async () => {
    const response = await app().request('/echo', { method: 'POST', body: 'short' });
    expect(await response.text()).toBe('short');
  });
});
