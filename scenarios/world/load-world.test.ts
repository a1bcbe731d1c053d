import { describe, expect, it } from 'vitest';
import { expandWorld } from './expand-world';
import { loadWorld, mergeWorld, type OverrideError } from './load-world';

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

describe('world overrides', () => {
  it('refuses a misspelled name instead of adding an item, and lists the names it knows', () => {
    expect(() => mergeWorld({ agents: [{ name: 'cat' }] }, { agents: [{ name: 'cta' }] })).toThrow(
      'no agent "cta" in the world to change (known: cat); to add a new one, write add: true',
    );
  });

  it('adds an item that says add: true, and refuses to remove one that is not there', () => {
    expect(
      mergeWorld({ agents: [{ name: 'cat' }] }, { agents: [{ name: 'dan', add: true }] }),
    ).toEqual({ agents: [{ name: 'cat' }, { name: 'dan' }] });
    expect(() =>
      mergeWorld({ agents: [{ name: 'cat' }] }, { agents: [{ name: 'dan', remove: true }] }),
    ).toThrow('no agent "dan" to remove in the world (known: cat)');
  });

  it('knows handsets by phone and routing rules by name, with the path of the mistake', () => {
    try {
      loadWorld('default', {
        workStreams: [{ name: 'support', rules: [{ name: 'vip-customer', queue: 'vip' }] }],
      });
      expect.unreachable();
    } catch (error) {
      expect((error as OverrideError).path).toEqual(['workStreams', 0, 'rules', 0]);
      expect((error as Error).message).toContain('no routing rule "vip-customer"');
    }
    const world = loadWorld('default', { handsets: [{ phone: '12025550101', name: 'Alice' }] });
    expect(world.handsets.find((h) => h.phone === '12025550101')?.name).toBe('Alice');
  });
});
