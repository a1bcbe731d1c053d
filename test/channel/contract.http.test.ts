// The API contract: the OpenAPI document is valid OpenAPI 3.1, and the check every HTTP test runs
// (harness.ts: each answer against the document) fails when a handler strays from it.
import { validate } from '@readme/openapi-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelError } from '../../channel/domain/errors';
import { createChannelApp } from '../../channel/http/app';
import type { ChannelService } from '../../channel/service/contract';
import { checkedFetch } from '../support/contract-check';
import {
  createHarness as createServiceHarness,
  type Harness as ServiceHarness,
} from './service-harness';

let s: ServiceHarness;
let agentId = '';

beforeEach(async () => {
  s = await createServiceHarness();
  agentId = await s.agent('Ada');
});
afterEach(async () => {
  await s.service.close();
});

/** The channel app over `service`, every answer checked against its own document. */
function appOver(service: ChannelService) {
  const violations: string[] = [];
  const { app } = createChannelApp({ service, onUnexpectedError: () => {} });
  const fetch = checkedFetch((request) => app.fetch(request), violations);
  const get = (path: string) => fetch(new Request(`http://channel.test${path}`));
  return { violations, get };
}

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1 with a standard validator', async () => {
    const { get } = appOver(s.service);
    const document = (await (await get('/openapi.json')).json()) as object;
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.specification).toBe('OpenAPI');
  });

  it('fails validation when the document is broken (the validator can say no)', async () => {
    const { get } = appOver(s.service);
    const document = (await (await get('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: unknown }>>;
    };
    const operation = document.paths['/api/agents/{id}']?.get;
    if (operation) operation.responses = { 200: { content: {} } }; // no description
    const result = await validate(document as unknown as Parameters<typeof validate>[0]);
    expect(result.valid).toBe(false);
  });

  it('describes every operation with a success schema and its error statuses', async () => {
    const { get } = appOver(s.service);
    const document = (await (await get('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const agent = document.paths['/api/agents/{id}']?.get?.responses ?? {};
    expect(Object.keys(agent).sort()).toEqual(['200', '400', '404', '500']);
    expect(agent['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Agent' } } },
    });
  });
});

describe('the response check', () => {
  it('passes a real answer', async () => {
    const { violations, get } = appOver(s.service);
    expect((await get(`/api/agents/${agentId}`)).status).toBe(200);
    expect(violations).toEqual([]);
  });

  it('fails when a handler returns a field the schema does not describe', async () => {
    const leaky: ChannelService = {
      ...s.service,
      getAgent: (id) => ({ ...s.service.getAgent(id), password: 'hunter2' }),
    };
    const { violations, get } = appOver(leaky);
    expect((await get(`/api/agents/${agentId}`)).status).toBe(200);
    expect(violations).toEqual([
      `GET /api/agents/${agentId} → 200: (body) must NOT have additional properties (password)`,
    ]);
  });

  it('fails when a handler leaves out a field the schema requires', async () => {
    const { usedCapacity: _dropped, ...rest } = s.service.getAgent(agentId);
    const short = { ...s.service, getAgent: () => rest } as unknown as ChannelService;
    const { violations, get } = appOver(short);
    await get(`/api/agents/${agentId}`);
    expect(violations).toEqual([
      `GET /api/agents/${agentId} → 200: (body) must have required property 'usedCapacity'`,
    ]);
  });

  it('fails when an operation answers a status it does not list', async () => {
    const conflicted: ChannelService = {
      ...s.service,
      getAgent: () => {
        throw new ChannelError('QUEUE_IN_USE');
      },
    };
    const { violations, get } = appOver(conflicted);
    expect((await get(`/api/agents/${agentId}`)).status).toBe(409);
    expect(violations).toEqual([
      `GET /api/agents/${agentId} → 409: status not in the document (it lists 200, 400, 404, 500)`,
    ]);
  });

  it('fails when an error code is not one the operation lists for that status', async () => {
    const wrong: ChannelService = {
      ...s.service,
      getAgent: () => {
        throw new ChannelError('MESSAGE_EMPTY'); // 400, like VALIDATION_FAILED, but not listed here
      },
    };
    const { violations, get } = appOver(wrong);
    expect((await get(`/api/agents/${agentId}`)).status).toBe(400);
    expect(violations).toEqual([
      `GET /api/agents/${agentId} → 400: /error/code must be equal to one of the allowed values (["VALIDATION_FAILED"])`,
    ]);
  });

  it('fails when an error carries a detail the envelope does not describe', async () => {
    const chatty: ChannelService = {
      ...s.service,
      getAgent: (id) => {
        throw new ChannelError('NOT_FOUND', { message: `No agent ${id}.`, stack: 'at …' });
      },
    };
    const { violations, get } = appOver(chatty);
    expect((await get('/api/agents/ag_nope')).status).toBe(404);
    expect(violations).toEqual([
      'GET /api/agents/ag_nope → 404: /error must NOT have additional properties (stack)',
    ]);
  });
});
