// `npm run import` end to end: the example log of TeleSign callbacks becomes a scrubbed recording
// that replays "same".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replayFile } from '../../scenarios/engine/replay';
import { readCallbackLog } from '../../scenarios/import/callback-log';
import { importCallbackLog } from '../../scenarios/import/import-log';

const LOG = resolve(import.meta.dirname, '../../fixtures/callback-logs/example.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'import-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const logText = readFileSync(LOG, 'utf8');
const imported = importCallbackLog(readCallbackLog(logText), {
  salt: 'test',
  names: ['Lucía'],
  source: 'example.jsonl',
});

describe('importing a log of TeleSign callbacks', () => {
  it('leaves no phone number of the log in the recording', async () => {
    const { yaml } = await imported;
    const phones = new Set(
      [...logText.matchAll(/\\"(?:phone_number|sender_id)\\":\\"(\d+)\\"/g)].map((m) => m[1]),
    );
    expect(phones.size).toBe(3);
    for (const phone of phones) expect(yaml).not.toContain(phone);
    expect(yaml).not.toMatch(/Margaret|Whitfield|Lucía|48213377|margaret\.w/);
  });

  it('acts out every customer text and every reply the reports tell of', async () => {
    const { summary, scenario } = await imported;
    expect(summary).toMatchObject({ customers: 2, inbound: 4, replies: 3 });
    expect(summary.skipped).toHaveLength(2);
    const kinds = scenario.steps.map((s) => Object.keys(s).find((k) => k !== 'at'));
    expect(kinds.filter((k) => k === 'text')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'send')).toHaveLength(3);
    expect(scenario.steps).toContainEqual(
      expect.objectContaining({ delivery: expect.objectContaining({ policy: 'fail', code: 210 }) }),
    );
  });

  it('produces a recording that replays "same"', async () => {
    const file = join(dir, 'imported.yaml');
    writeFileSync(file, (await imported).yaml);
    const outcome = await replayFile(file);
    expect(outcome.diff).toEqual([]);
    expect(outcome.same).toBe(true);
  });

  it('produces a recording whose replay notices a changed delivery outcome', async () => {
    const file = join(dir, 'tampered.yaml');
    writeFileSync(file, (await imported).yaml.replace('delivery: 210', 'delivery: 200'));
    const outcome = await replayFile(file);
    expect(outcome.same).toBe(false);
    expect(outcome.diff.join('\n')).toMatch(/expected 200, found 210/);
  });
});
