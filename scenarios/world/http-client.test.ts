import { describe, expect, it } from 'vitest';
import { inProcessFetch } from './http-client';

const seenBy = () => {
  const seen: Request[] = [];
  const fetchFn = inProcessFetch((request) => {
    seen.push(request);
    return new Response('ok');
  });
  return { seen, fetchFn };
};

describe('inProcessFetch', () => {
  it("sends a text body's length in bytes as Content-Length, as a client on the wire does", async () => {
    const { seen, fetchFn } = seenBy();
    await fetchFn('http://channel.local/api/contacts', { method: 'POST', body: '{"n":"é"}' });
    expect(seen[0]?.headers.get('content-length')).toBe('10');
    expect(await seen[0]?.text()).toBe('{"n":"é"}');
  });

  it('keeps the headers it was given, and a Content-Length the caller set', async () => {
    const { seen, fetchFn } = seenBy();
    await fetchFn('http://channel.local/x', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'content-length': '3' },
      body: 'abc',
    });
    expect(seen[0]?.headers.get('content-type')).toBe('text/plain');
    expect(seen[0]?.headers.get('content-length')).toBe('3');
  });

  it('sends a request without a body as it is', async () => {
    const { seen, fetchFn } = seenBy();
    await fetchFn('http://channel.local/api/queues');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.has('content-length')).toBe(false);
  });
});
