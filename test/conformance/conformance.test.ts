// The conformance suite's own checks and catch-all: every rule of the rulebook is named by a scenario,
// both servers bind to loopback by default (R-SEC-3, which no HTTP scenario can observe), and the
// scenario files of areas without their own `<area>.test.ts` run here.

import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openChannel } from '../../channel/index';
import { findScenarioFiles, loadScenario, rulesOf } from '../../scenarios/engine/load-scenario';
import { rulebookIds } from '../../scenarios/rulebook';
import { createSimulator } from '../../simulator/index';
import { areasWithOwnFile, CONFORMANCE_ROOT, defineScenarioTests } from './define-suite';

const claimed = new Set(areasWithOwnFile());
defineScenarioTests(
  'conformance',
  findScenarioFiles([CONFORMANCE_ROOT]).filter(
    (file) => !claimed.has(relative(CONFORMANCE_ROOT, file).split('/')[0] ?? ''),
  ),
);

// Read from docs/reference/channel-rules.md now, so a rule added there is a rule to cover here.
const ALL_RULES = rulebookIds();

describe('conformance coverage', () => {
  it('names every rule of channel-rules.md, read from the file, in some scenario (R-SEC-3 is checked below)', () => {
    const named = new Set(
      findScenarioFiles([CONFORMANCE_ROOT]).flatMap((f) => rulesOf(loadScenario(f).value)),
    );
    expect(ALL_RULES.filter((rule) => !named.has(rule) && rule !== 'R-SEC-3')).toEqual([]);
  });

  it('has at least 60 scenarios', () => {
    expect(findScenarioFiles([CONFORMANCE_ROOT]).length).toBeGreaterThanOrEqual(60);
  });

  // The URLs are built from each socket's address (lib/listen), so a wider bind shows here.
  it('binds the channel and the fake TeleSign to 127.0.0.1 by default (R-SEC-3)', async () => {
    const simulator = createSimulator();
    const channel = await openChannel({ telesignUrl: 'http://127.0.0.1:9' });
    try {
      const sim = await simulator.listen();
      const ch = await channel.listen();
      expect(new URL(sim.url).hostname).toBe('127.0.0.1');
      expect(new URL(ch.url).hostname).toBe('127.0.0.1');
    } finally {
      await channel.close();
      await simulator.close();
    }
  });
});
