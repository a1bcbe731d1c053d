import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expandWorld } from './expand-world';
import { loadWorld } from './load-world';

const generated = (seed?: number) => {
  const world = expandWorld(
    loadWorld('default', seed === undefined ? undefined : { faker: { seed } }),
  );
  return {
    contacts: world.contacts.filter((c) => c.name.startsWith('contact-')),
    agents: world.agents.filter((a) => a.name.startsWith('agent-')),
  };
};

describe('generated people', () => {
  // Recorded conversations name these people: a faker upgrade or a different faker entry point
  // that changes them breaks every fixture, so the default world's people are pinned here.
  it("gives the default world's seed exactly the people the fixtures were recorded with", () => {
    const people = generated();
    expect(people.contacts[0]).toEqual({
      name: 'contact-1',
      firstName: 'David',
      lastName: 'Kub-Bayer',
      mobilePhone: '+12025550140',
      email: 'david.kub-bayer@gmail.com',
      fields: { city: 'Clarastad' },
    });
    expect(people.agents[0]?.displayName).toBe('Breanne Ankunding');
    expect(createHash('sha256').update(JSON.stringify(people)).digest('hex')).toBe(
      '441eb4c3088594baac97372c2da62f838c1bf6ebbbbb1bae957d1e7bfdfc9be9',
    );
  });

  it('gives another seed other people', () => {
    expect(generated(7).contacts.map((c) => c.lastName)).not.toEqual(
      generated().contacts.map((c) => c.lastName),
    );
  });

  it('gives each caller its own copy of a world expanded before (changing one changes no other)', () => {
    const first = expandWorld(loadWorld('default'));
    const contact = first.contacts.find((c) => c.name === 'contact-1');
    if (contact) contact.firstName = 'Changed';
    first.agents.length = 0;
    const again = expandWorld(loadWorld('default'));
    expect(again.contacts.find((c) => c.name === 'contact-1')?.firstName).toBe('David');
    expect(again.agents.length).toBeGreaterThan(0);
  });
});
