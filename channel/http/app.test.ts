import { describe, expect, it, vi } from 'vitest';
import { ChannelError } from '../domain/errors';
import type { ChannelEvent, ChannelService } from '../service/contract';
import { createChannelApp, MAX_BODY_BYTES } from './app';
import { ERROR_STATUS } from './error-status';
import { SSE_BACKLOG_LIMIT } from './events';

/** A service whose every use case throws NOT_FOUND, except the few these tests need. */
function stubService(overrides: Partial<ChannelService> = {}): ChannelService {
  return new Proxy(overrides, {
    get(target, name) {
      const own = Reflect.get(target, name);
      if (own) return own;
      return () => {
        throw new ChannelError('NOT_FOUND', { message: `no ${String(name)}` });
      };
    },
  }) as ChannelService;
}

function build(overrides: Partial<ChannelService> = {}) {
  const unexpected: unknown[] = [];
  const built = createChannelApp({
    service: stubService(overrides),
    onUnexpectedError: (e) => unexpected.push(e),
  });
  return { ...built, unexpected };
}

interface ErrorJson {
  error: { code: string; message: string; rule: string; field?: string };
}
interface OpenApiJson {
  openapi: string;
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>
  >;
  components: { schemas: Record<string, SchemaJson> };
}
interface SchemaJson {
  required?: string[];
  properties: Record<string, { enum?: string[] }>;
}
const errorJson = async (response: Response): Promise<ErrorJson> =>
  (await response.json()) as ErrorJson;
const openApi = async (response: Response | Promise<Response>) =>
  (await (await response).json()) as OpenApiJson;

const post = (body: string, type = 'application/json') => ({
  method: 'POST',
  body,
  headers: { 'content-type': type },
});

describe('the channel HTTP layer', () => {
  it('answers an unknown path with 404 ROUTE_NOT_FOUND as JSON', async () => {
    const response = await build().app.request('/api/nowhere');
    expect(response.status).toBe(404);
    expect(await errorJson(response)).toEqual({
      error: {
        code: 'ROUTE_NOT_FOUND',
        message: 'There is no /api/nowhere; see GET /openapi.json.',
        rule: 'HTTP',
      },
    });
  });

  it('answers a wrong method with 405 and the allowed ones', async () => {
    const response = await build().app.request('/api/queues', { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect((await errorJson(response)).error).toMatchObject({
      code: 'METHOD_NOT_ALLOWED',
      message: 'PUT is not accepted on /api/queues; use GET or POST.',
    });
  });

  it('answers malformed JSON with 400 naming the body', async () => {
    const response = await build().app.request('/api/queues', post('{"name":'));
    expect(response.status).toBe(400);
    expect((await errorJson(response)).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'body',
      message: expect.stringMatching(/^body: not valid JSON/),
    });
  });

  it('answers an empty body where one is required with 400', async () => {
    const response = await build().app.request('/api/queues', post(''));
    expect(response.status).toBe(400);
    expect((await errorJson(response)).error).toMatchObject({
      field: 'body',
      message: 'body: is required (object)',
    });
  });

  it('answers a body over 64 KB with 413 before reading it', async () => {
    const { app, unexpected } = build();
    const response = await app.request(
      '/api/queues',
      post(JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) })),
    );
    expect(response.status).toBe(413);
    expect((await errorJson(response)).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(unexpected).toEqual([]);
  });

  it('maps a ChannelError to its one status, with code, rule and field', async () => {
    const { app } = build({
      createQueue: async () => {
        throw new ChannelError('QUEUE_IN_USE', { field: 'name' });
      },
    });
    const response = await app.request('/api/queues', post('{"name":"Gold"}'));
    expect(response.status).toBe(ERROR_STATUS.QUEUE_IN_USE);
    expect(await errorJson(response)).toEqual({
      error: {
        code: 'QUEUE_IN_USE',
        message: 'The queue is used by a routing rule or a conversation.',
        rule: 'R-RT-3',
        field: 'name',
      },
    });
  });

  it('answers an unexpected failure with 500 INTERNAL and reports it (the last resort)', async () => {
    const { app, unexpected } = build({
      listQueues: () => {
        throw new TypeError('boom');
      },
    });
    const response = await app.request('/api/queues');
    expect(response.status).toBe(500);
    expect((await errorJson(response)).error.code).toBe('INTERNAL');
    expect(unexpected).toHaveLength(1);
  });

  it('answers a TeleSign callback with { ok: true } whatever the service made of it', async () => {
    const seen: string[] = [];
    const { app } = build({
      receiveCallback: async (request) => {
        seen.push(`${request.orgId}/${request.token}:${request.authorization}:${request.rawBody}`);
        return { kind: 'unroutable', supportNumber: '1' };
      },
    });
    const response = await app.request('/telesign/inbound/org_1/tok', {
      method: 'POST',
      body: '{"raw": true}',
      headers: { authorization: 'TSA cid:sig', 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await errorJson(response)).toEqual({ ok: true });
    expect(seen).toEqual(['org_1/tok:TSA cid:sig:{"raw": true}']);
  });

  it('streams channel events as server-sent events', async () => {
    const listeners: Array<(event: ChannelEvent) => void> = [];
    const { app, streams } = build({
      subscribe: (listener) => {
        listeners.push(listener);
        return () => {};
      },
    });
    const response = await app.request('/api/events');
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    listeners[0]?.({ type: 'admin.changed', resource: 'queues', at: 1 });
    while (!text.includes('admin.changed')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: admin.changed');
    expect(text).toContain('data: {"type":"admin.changed","resource":"queues","at":1}');
    streams.closeAll();
    await reader.cancel();
  });

  it('drops an event-stream reader that falls 1 000 events behind, instead of buffering without bound', async () => {
    let unsubscribed = false;
    const listeners: Array<(event: ChannelEvent) => void> = [];
    const { app } = build({
      subscribe: (listener) => {
        listeners.push(listener);
        return () => {
          unsubscribed = true;
        };
      },
    });
    const response = await app.request('/api/events');
    const reader = response.body!.getReader();
    await reader.read(); // `ready`, then the reader stops reading
    for (let i = 0; i < SSE_BACKLOG_LIMIT + 10; i++) {
      listeners[0]?.({ type: 'admin.changed', resource: 'queues', at: i });
    }
    await vi.waitFor(() => expect(unsubscribed).toBe(true));
    await reader.cancel().catch(() => undefined);
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every registered route', async () => {
    const { app, routes } = build();
    const doc = await openApi(app.request('/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const registered = app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    expect(new Set(documented)).toEqual(new Set(registered));
    expect(documented).toHaveLength(routes.length);
  });

  it('covers every path of the contract table', async () => {
    const doc = await openApi(build().app.request('/openapi.json'));
    const expected = [
      'get /api/organisation',
      'post /api/work-streams',
      'patch /api/work-streams/{id}',
      'put /api/work-streams/{id}/sms-settings',
      'post /api/work-streams/{id}/validate-api-key',
      'delete /api/work-streams/{id}/numbers/{number}',
      'post /api/numbers/check',
      'put /api/work-streams/{id}/routing-rules',
      'delete /api/queues/{id}',
      'patch /api/contacts/{id}',
      'put /api/agents/{id}/presence',
      'get /api/agents/{id}/work-items',
      'post /api/conversations/{id}/close-session',
      'post /api/conversations/{id}/transfer',
      'post /api/conversations/{id}/messages',
      'post /api/conversations/{id}/contact',
      'get /api/conversations',
      'get /api/inbound-events',
      'post /api/auto-close/sweep',
      'get /api/events',
      'post /telesign/inbound/{orgId}/{token}',
    ];
    for (const entry of expected) {
      const [method = '', path = ''] = entry.split(' ');
      expect(doc.paths[path]?.[method], entry).toBeDefined();
    }
  });

  it('describes request bodies from the zod schemas', async () => {
    const doc = await openApi(build().app.request('/openapi.json'));
    const ref =
      doc.paths['/api/work-streams']?.post?.requestBody?.content['application/json']?.schema.$ref;
    expect(ref).toBe('#/components/schemas/postApiWorkStreamsRequest');
    const schema = doc.components.schemas.postApiWorkStreamsRequest;
    expect(schema?.required).toEqual(['name', 'mode']);
    expect(schema?.properties.mode?.enum).toEqual(['push', 'pick']);
  });
});
