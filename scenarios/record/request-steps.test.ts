import { describe, expect, it } from 'vitest';
import { type Names, type ObservedRequest, stepForRequest } from './request-steps';

function names(known: Record<string, string> = {}): Names {
  const map = new Map(Object.entries(known));
  return {
    name: (id) => map.get(id) ?? id,
    remember: (id, name) => {
      map.set(id, name);
    },
    fresh: (base) => base,
  };
}
const req = (
  method: string,
  path: string,
  body?: unknown,
  response?: unknown,
): ObservedRequest => ({
  at: 0,
  method,
  path,
  body,
  response,
});

describe('turning a session’s requests into scenario steps', () => {
  it('turns each delivery setting of the fake back into the scenario’s policy', () => {
    const n = names();
    const step = (body: unknown) =>
      stepForRequest(req('PUT', '/_sim/handsets/12025550102/delivery', body), n);
    expect(step({ policy: 'default' })).toEqual({
      step: { delivery: { handset: '12025550102', policy: 'deliver' } },
    });
    expect(step({ policy: { fail: 211 } })).toEqual({
      step: { delivery: { handset: '12025550102', policy: 'fail', code: 211 } },
    });
    expect(step({ policy: { after: 5000 }, delayMs: 100 })).toEqual({
      step: { delivery: { handset: '12025550102', policy: 'delay', after: 5000, extra: 100 } },
    });
    expect(step({ policy: 'stuck' })).toEqual({
      step: { delivery: { handset: '12025550102', policy: 'stuck' } },
    });
  });

  it('names the account of a fault and a rate limit by the world’s name, not its customer id', () => {
    const n = names({ CID1: 'main' });
    expect(
      stepForRequest(
        req('PUT', '/_sim/faults', {
          target: 'api',
          kind: 'unavailable',
          count: 2,
          customerId: 'CID1',
        }),
        n,
      ),
    ).toEqual({
      step: { fault: { target: 'api', kind: 'unavailable', count: 2, account: 'main' } },
    });
    expect(
      stepForRequest(req('PUT', '/_sim/accounts/CID1/rate-limit', { perSecond: 3 }), n),
    ).toEqual({
      step: { 'rate-limit': { account: 'main', perSecond: 3 } },
    });
  });

  it('gives a contact created in the session a name that later changes use', () => {
    const n = names();
    expect(
      stepForRequest(
        req(
          'POST',
          '/api/contacts',
          { firstName: 'Eve', lastName: 'Stone', mobilePhone: '+12025550109' },
          { id: 'ct_9' },
        ),
        n,
      ),
    ).toEqual({
      step: {
        'create-contact': {
          name: 'eve-stone',
          firstName: 'Eve',
          lastName: 'Stone',
          mobilePhone: '+12025550109',
        },
      },
    });
    expect(stepForRequest(req('PATCH', '/api/contacts/ct_9', { status: 'inactive' }), n)).toEqual({
      step: { 'update-contact': { contact: 'eve-stone', status: 'inactive' } },
    });
  });

  it('leaves agent actions, texts and reads to the channel’s own records', () => {
    const n = names();
    expect(
      stepForRequest(req('POST', '/api/conversations/c1/accept', { agentId: 'a' }), n),
    ).toBeNull();
    expect(
      stepForRequest(req('POST', '/_sim/handsets/1/messages', { to: '2', text: 'hi' }), n),
    ).toBeNull();
    expect(stepForRequest(req('GET', '/api/queues'), n)).toBeNull();
  });

  it("leaves out a handset created before it texts, but names a cleared thread (a replay's inbox differs)", () => {
    const n = names();
    expect(stepForRequest(req('PUT', '/_sim/handsets/12025550180', {}), n)).toBeNull();
    expect(stepForRequest(req('DELETE', '/_sim/handsets/12025550180/messages'), n)).toEqual({
      unrecorded: 'DELETE /_sim/handsets/12025550180/messages',
    });
  });

  it('names a change no step can make instead of dropping it', () => {
    expect(stepForRequest(req('POST', '/_sim/reset', {}), names())).toEqual({
      unrecorded: 'POST /_sim/reset',
    });
    expect(
      stepForRequest(
        req('PUT', '/api/work-streams/ws1/sms-settings', { customerId: 'X', apiKey: 'k' }),
        names(),
      ),
    ).toEqual({ unrecorded: 'SMS settings of ws1 with an account outside the world' });
  });
});
