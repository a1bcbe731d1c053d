// Turns a world's `faker` section into concrete contacts and agents, repeatably (seeded).
// The English-only entry loads in a sixth of the time of the full package (all locales).
import { faker } from '@faker-js/faker/locale/en';
import type { World } from './world-schema';

// Expanded worlds by their JSON: every scenario of a run checks and builds one of the same few
// worlds, and generating its people costs ~1.5 ms each time. Callers get their own copy.
const expanded = new Map<string, World>();
const KEPT = 32;

/** The world with generated people appended; the same seed always gives the same people. */
export function expandWorld(world: World): World {
  const spec = world.faker;
  if (!spec || (spec.contacts === 0 && spec.agents === 0)) return world;
  const key = JSON.stringify(world);
  let result = expanded.get(key);
  if (!result) {
    result = generatePeople(world, spec);
    if (expanded.size >= KEPT) expanded.delete(expanded.keys().next().value as string);
    expanded.set(key, result);
  }
  return structuredClone(result);
}

function generatePeople(world: World, spec: NonNullable<World['faker']>): World {
  // The shared instance is reseeded and used synchronously, so the same seed gives the same people.
  faker.seed(spec.seed);
  const contacts = [...world.contacts];
  const taken = new Set(contacts.map((c) => c.mobilePhone));
  for (let i = 1; i <= spec.contacts; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    let phone = '';
    do {
      // 555-01xx is reserved for fiction and still a valid US/CA number for libphonenumber.
      const area = faker.helpers.arrayElement(['202', '312', '415', '617', '718']);
      phone = `+${spec.countryCode}${area}55501${faker.string.numeric(2)}`;
    } while (taken.has(phone));
    taken.add(phone);
    contacts.push({
      name: `contact-${i}`,
      firstName,
      lastName,
      mobilePhone: phone,
      email: faker.internet.email({ firstName, lastName }).toLowerCase(),
      fields: { city: faker.location.city() },
    });
  }
  const agents = [...world.agents];
  for (let i = 1; i <= spec.agents; i++) {
    agents.push({
      name: `agent-${i}`,
      displayName: faker.person.fullName(),
      queues: world.queues.length > 0 ? [faker.helpers.arrayElement(world.queues)] : [],
      capacity: 100,
      presence: spec.agentPresence,
    });
  }
  return { ...world, contacts, agents };
}
