import { describe, expect, it } from 'vitest';
import { expandWorld } from './expand-world';
import { loadWorld, mergeWorld } from './load-world';

describe('worlds', () => {
  it('loads the default world with its work streams, queues and people', () => {
    const world = loadWorld('default');
    expect(world.workStreams.map((w) => w.name)).toEqual(['support', 'sales-line']);
    expect(world.workStreams[0]?.autoCloseAfterInactivity).toBe(8 * 3_600_000);
    expect(world.queues).toContain('billing');
  });

  it('generates the same extra people from the same seed', () => {
    const world = loadWorld('default');
    const first = expandWorld(world);
    const second = expandWorld(world);
    expect(first.contacts.length).toBe(world.contacts.length + 10);
    expect(first.contacts).toEqual(second.contacts);
    expect(first.agents.at(-1)?.presence).toBe('offline');
  });

  it('patches a named work stream and keeps the others', () => {
    const world = loadWorld('default', {
      workStreams: [{ name: 'support', autoCloseAfterInactivity: '10h' }],
    });
    expect(world.workStreams[0]?.autoCloseAfterInactivity).toBe(10 * 3_600_000);
    expect(world.workStreams[0]?.mode).toBe('push');
    expect(world.workStreams).toHaveLength(2);
  });

  it('removes a named item when the override says remove', () => {
    const merged = mergeWorld(
      { agents: [{ name: 'a' }, { name: 'b' }] },
      { agents: [{ name: 'a', remove: true }] },
    );
    expect(merged).toEqual({ agents: [{ name: 'b' }] });
  });

  it('names the field when an override breaks the world', () => {
    expect(() =>
      loadWorld('default', { workStreams: [{ name: 'support', mode: 'round-robin' }] }),
    ).toThrow(/workStreams\.0\.mode/);
  });
});
