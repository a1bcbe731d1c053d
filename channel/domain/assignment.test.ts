import { describe, expect, it } from 'vitest';
import { type Candidate, holdsCapacity, offerOrder } from './assignment';
import type { Agent } from './model';

const ws = {
  allowedPresences: ['available', 'busy'] as Agent['presenceChoice'][],
  capacityUnits: 30,
};
const agent = (id: string, extra: Partial<Agent> = {}): Agent => ({
  id,
  name: id,
  queueIds: ['q_sales'],
  capacity: 100,
  presenceChoice: 'available',
  ...extra,
});
const cand = (a: Agent, usedCapacity = 0, activeConversations = 0): Candidate => ({
  agent: a,
  load: { usedCapacity, activeConversations },
});
const ids = (agents: Agent[]) => agents.map((a) => a.id);

describe('push eligibility and order (R-AG-3)', () => {
  it('orders by most remaining capacity first', () => {
    expect(
      ids(offerOrder([cand(agent('a'), 30, 1), cand(agent('b'))], ws, 'q_sales', 'q_def')),
    ).toEqual(['b', 'a']);
  });
  it('then by fewest active conversations', () => {
    expect(
      ids(
        offerOrder(
          [cand(agent('a', { capacity: 130 }), 30, 2), cand(agent('b'), 0, 1)],
          ws,
          'q_sales',
          'q_def',
        ),
      ),
    ).toEqual(['b', 'a']);
  });
  it('then by longest since last assignment', () => {
    expect(
      ids(
        offerOrder(
          [
            cand(agent('a', { lastAssignedAt: 200 })),
            cand(agent('b', { lastAssignedAt: 100 })),
            cand(agent('c')),
          ],
          ws,
          'q_sales',
          'q_def',
        ),
      ),
    ).toEqual(['c', 'b', 'a']);
  });
  it('leaves out agents outside the queue', () => {
    expect(ids(offerOrder([cand(agent('a', { queueIds: [] }))], ws, 'q_sales', 'q_def'))).toEqual(
      [],
    );
  });
  it('counts every agent as a member of the default queue (R-RT-4)', () => {
    expect(ids(offerOrder([cand(agent('a', { queueIds: [] }))], ws, 'q_def', 'q_def'))).toEqual([
      'a',
    ]);
  });
  it('leaves out agents whose presence the work stream does not allow', () => {
    expect(
      ids(offerOrder([cand(agent('a', { presenceChoice: 'away' }))], ws, 'q_sales', 'q_def')),
    ).toEqual([]);
  });
  it('leaves out agents with less remaining capacity than the work stream units', () => {
    expect(ids(offerOrder([cand(agent('a'), 80, 2)], ws, 'q_sales', 'q_def'))).toEqual([]);
  });
  it('leaves out agents who already rejected in this round', () => {
    expect(
      ids(offerOrder([cand(agent('a')), cand(agent('b'))], ws, 'q_sales', 'q_def', ['a'])),
    ).toEqual(['b']);
  });
});

describe('capacity holding (R-AG-5)', () => {
  it('holds capacity in Active and Wrap-up only', () => {
    expect(
      (['open', 'active', 'waiting', 'wrap-up', 'closed'] as const).filter(holdsCapacity),
    ).toEqual(['active', 'wrap-up']);
  });
});

describe('offer order at its edges (R-AG-3)', () => {
  it('offers to an agent whose remaining capacity equals the work stream units exactly', () => {
    expect(ids(offerOrder([cand(agent('a'), 70)], ws, 'q_sales', 'q_def'))).toEqual(['a']);
    expect(ids(offerOrder([cand(agent('a'), 71)], ws, 'q_sales', 'q_def'))).toEqual([]);
  });
  it('excludes no one when nobody rejected', () => {
    expect(ids(offerOrder([cand(agent('a'))], ws, 'q_sales', 'q_def'))).toEqual(['a']);
  });
  it('puts the agent with more remaining capacity first, whatever the input order', () => {
    const more = cand(agent('m', { capacity: 200 }), 50);
    const less = cand(agent('l', { capacity: 100 }), 0);
    expect(ids(offerOrder([less, more], ws, 'q_sales', 'q_def'))).toEqual(['m', 'l']);
    expect(ids(offerOrder([more, less], ws, 'q_sales', 'q_def'))).toEqual(['m', 'l']);
  });
  it('breaks a full tie by agent id, whatever the input order', () => {
    const a = cand(agent('ag_a', { lastAssignedAt: 5 }));
    const b = cand(agent('ag_b', { lastAssignedAt: 5 }));
    const c = cand(agent('ag_c', { lastAssignedAt: 5 }));
    expect(ids(offerOrder([c, a, b], ws, 'q_sales', 'q_def'))).toEqual(['ag_a', 'ag_b', 'ag_c']);
    expect(ids(offerOrder([b, c, a], ws, 'q_sales', 'q_def'))).toEqual(['ag_a', 'ag_b', 'ag_c']);
  });
  it('breaks a tie between two never-assigned agents by id', () => {
    const x = cand(agent('ag_x'));
    const y = cand(agent('ag_y'));
    expect(ids(offerOrder([y, x], ws, 'q_sales', 'q_def'))).toEqual(['ag_x', 'ag_y']);
  });
  it('offers first to the agent assigned longest ago, whatever the input order', () => {
    const recent = cand(agent('ag_a', { lastAssignedAt: 100 }));
    const old = cand(agent('ag_b', { lastAssignedAt: 10 }));
    expect(ids(offerOrder([recent, old], ws, 'q_sales', 'q_def'))).toEqual(['ag_b', 'ag_a']);
  });
});
