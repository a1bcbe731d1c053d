// Generates fixtures/conversations/*.yaml: realistic customer conversations in several languages and
// scripts, acted out against a fresh world with a seeded faker and recorded with the recorder.
// Run: npx tsx scenarios/record/generate-fixtures.ts [count]
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allLocales, Faker } from '@faker-js/faker';
import { startHarness } from '../engine/harness';
import { applyWorld } from '../world/apply-world';
import { loadWorld } from '../world/load-world';
import { COUNTRIES, LANGUAGES, type Language, PHRASES } from './phrases';
import { createRecorder } from './recorder';
import { createSessionDriver, type SessionDriver } from './session-driver';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../fixtures/conversations');

const FLOWS = [
  'resolved',
  'waiting-auto-close',
  'returns-from-waiting',
  'transfer',
  'pick',
  'failed-delivery',
  'unknown-customer',
  'long-reply',
] as const;
type Flow = (typeof FLOWS)[number];

interface Plan {
  index: number;
  language: Language;
  flow: Flow;
  faker: Faker;
  name: string;
  phone: string;
}

function plan(index: number): Plan {
  const language = LANGUAGES[index % LANGUAGES.length] as Language;
  const flow = FLOWS[index % FLOWS.length] as Flow;
  const country = COUNTRIES[language];
  const locale = allLocales[country.locale as keyof typeof allLocales];
  const faker = new Faker({ locale: [locale, allLocales.en, allLocales.base] });
  faker.seed(7000 + index);
  const name = `${faker.person.firstName()} ${faker.person.lastName()}`;
  const phone = `${country.prefix}${faker.string.numeric({ length: country.digits, allowLeadingZeros: true })}`;
  return { index, language, flow, faker, name, phone };
}

const fill = (p: Plan, text: string): string =>
  text.replace('{n}', p.faker.string.numeric(6)).replace('{name}', p.name.split(' ')[0] ?? p.name);
const say = (p: Plan, kind: keyof (typeof PHRASES)['en']): string =>
  fill(p, p.faker.helpers.arrayElement(PHRASES[p.language][kind]));
const pause = (p: Plan, min: number, max: number): number =>
  p.faker.number.int({ min, max }) * 1000;

async function act(p: Plan, d: SessionDriver): Promise<void> {
  const to = p.flow === 'pick' ? '14155550101' : '14155550100';
  await d.text(say(p, 'opening'), to);
  await d.wait(pause(p, 5, 40));
  await d.take(p.flow === 'pick' ? 'ben' : undefined);
  await d.wait(pause(p, 10, 60));
  await d.send(say(p, 'agentGreeting'));
  await d.wait(pause(p, 20, 120));
  await d.text(say(p, 'followUp'), to);
  await d.wait(pause(p, 15, 90));
  if (p.flow === 'transfer') {
    await d.transfer('sales');
    await d.wait(pause(p, 5, 20));
    await d.take();
    await d.wait(pause(p, 10, 40));
  }
  await d.send(
    p.flow === 'long-reply'
      ? [1, 2, 3, 4].map(() => say(p, 'agentAnswer')).join(' ')
      : say(p, 'agentAnswer'),
  );
  await d.wait(pause(p, 30, 180));
  if (p.flow === 'waiting-auto-close') {
    await d.act('close-session');
    // The periodic sweep (every minute) closes it, as it would in a live session.
    await d.wait(8 * 3_600_000 + 90_000);
    return;
  }
  if (p.flow === 'returns-from-waiting') {
    await d.act('close-session');
    await d.wait(pause(p, 3600, 7200));
    await d.text(say(p, 'followUp'), to);
    await d.wait(pause(p, 5, 30));
    await d.take();
    await d.wait(pause(p, 10, 60));
    await d.send(say(p, 'agentAnswer'));
    await d.wait(pause(p, 30, 90));
  }
  if (p.flow === 'failed-delivery') {
    await d.act('close-session');
    return;
  }
  await d.text(say(p, 'thanks'), to);
  await d.wait(pause(p, 10, 60));
  await d.send(say(p, 'agentClosing'));
  await d.wait(pause(p, 10, 30));
  await d.act('end');
  await d.wait(pause(p, 30, 120));
  await d.act('close-session');
}

/** Acts out and records conversation `index`; returns its file name and YAML. */
export async function recordFixture(index: number): Promise<{ file: string; yaml: string }> {
  const p = plan(index);
  const [first, ...rest] = p.name.split(' ');
  // The transfer flow's customer is a key account (R-RT-1): routed to billing, then moved to sales.
  const override: Record<string, unknown> = {
    ...(p.flow === 'transfer' && {
      accounts: [
        {
          name: 'customer',
          add: true,
          displayName: p.name,
          mainPhone: `+${p.phone}`,
          fields: { tier: 'key' },
        },
      ],
    }),
    ...(p.flow !== 'unknown-customer' &&
      p.flow !== 'transfer' && {
        contacts: [
          {
            name: 'customer',
            add: true,
            firstName: first ?? p.name,
            lastName: rest.join(' ') || '-',
            mobilePhone: `+${p.phone}`,
          },
        ],
      }),
    handsets: [
      {
        phone: p.phone,
        add: true,
        name: p.name,
        ...(p.flow === 'failed-delivery' && { delivery: { policy: 'fail', code: 210 } }),
      },
    ],
  };
  const harness = await startHarness({ seed: `fixture-${index}` });
  try {
    const ids = await applyWorld(loadWorld('default', override), harness);
    await harness.settleWorld();
    const startedAt = harness.clock.now();
    const recorder = createRecorder({
      channel: harness.channel,
      world: 'default',
      override,
      ids,
      startedAt,
      name: `${p.name} (${p.language}): ${p.flow.replace(/-/g, ' ')}`,
      by: 'scenarios/record/generate-fixtures.ts',
    });
    await recorder.start();
    const stop = harness.subscribe((event) => recorder.onEvent(event));
    const driver = createSessionDriver({
      ...harness,
      ids,
      phone: p.phone,
      supportNumber: '14155550100',
    });
    await act(p, driver);
    await harness.clock.advance(10_000);
    await harness.settle();
    stop();
    const scenario = await recorder.build(harness.clock.now());
    scenario.tags = ['recording', `lang:${p.language}`, `flow:${p.flow}`];
    const { stringify } = await import('yaml');
    const file = `${String(index + 1).padStart(2, '0')}-${p.language}-${p.flow}.yaml`;
    return {
      file,
      yaml: `# Recorded conversation, generated by scenarios/record/generate-fixtures.ts (seed ${7000 + index}).\n${stringify(scenario, { lineWidth: 0 })}`,
    };
  } finally {
    await harness.close();
  }
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 24);
  mkdirSync(FIXTURES_DIR, { recursive: true });
  for (const old of readdirSync(FIXTURES_DIR))
    if (old.endsWith('.yaml')) rmSync(join(FIXTURES_DIR, old));
  for (let i = 0; i < count; i++) {
    const { file, yaml } = await recordFixture(i);
    writeFileSync(join(FIXTURES_DIR, file), yaml);
    console.log(`recorded ${file}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
