// The scenarios that show what a scenario can say (issue 10, point 8) each fail when the channel
// behaves otherwise: here every one is run with one expectation changed, and must fail saying where.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/engine/load-scenario';
import { describeFailure } from '../../scenarios/engine/results';
import { runScenario } from '../../scenarios/engine/run-scenario';

const ROOT = resolve(import.meta.dirname, '../../scenarios/conformance');

const cases: Array<[file: string, from: string, to: string, report: RegExp]> = [
  [
    'messages/sent-over-limit-nothing-sent.yaml',
    'path: /v1/messaging }, count: 0',
    'path: /v1/messaging }, count: 1',
    /TeleSign journal entries like .* since the first step: at \(whole\) expected 1, found/,
  ],
  [
    'messages/sent-over-limit-nothing-sent.yaml',
    'times: 1601',
    'times: 1600',
    /last action \(send\): at error expected "any", found "none"/,
  ],
  [
    'messages/reference-id-and-time.yaml',
    'at: { between: [30s, 31s] }',
    'at: { between: [0s, 1s] }',
    /transcript: at \[1\]\.at expected \{"between":\[0,1000\]\}, found 30000/,
  ],
  [
    'agents/offer-history.yaml',
    'outcome: timed-out',
    'outcome: rejected',
    /offer history .*: at \[1\]\.outcome expected "rejected", found "timed-out"/,
  ],
  [
    'messages/every-inbound-event.yaml',
    '- { outcome: duplicate }',
    '- { outcome: accepted }',
    /inbound events: at all\[1\]\.outcome expected "accepted", found "duplicate"/,
  ],
  [
    'conversations/counts-and-several.yaml',
    'supportNumber: "14155550100", count: 2',
    'supportNumber: "14155550100", count: 3',
    /expected 3, found 2/,
  ],
  [
    'conversations/counts-and-several.yaml',
    'state: { not: closed }, messageCount: 1',
    'state: { not: open }, messageCount: 1',
    /conversation c1: at state expected \{"not":"open"\}, found "open"/,
  ],
  [
    'agents/waiting-work-items.yaml',
    'active: [c2], waiting: [c1]',
    'active: [c1], waiting: [c2]',
    /work items of ann: at active\[0\] expected "c1", found "c2"/,
  ],
];

describe('the point-8 scenarios can fail', () => {
  it.each(cases)('%s fails when "%s" becomes "%s"', async (file, from, to, report) => {
    const text = readFileSync(resolve(ROOT, file), 'utf8');
    expect(text).toContain(from);
    const result = await runScenario(parseScenario(text.replace(from, to), file));
    expect(result.passed).toBe(false);
    expect(describeFailure(result)).toMatch(report);
  });
});
