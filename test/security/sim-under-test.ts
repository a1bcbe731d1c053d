// One `npm run sim` in-process (memory, free ports, silent) for the security tests, and a snapshot
// of its world to prove a refused request changed nothing.
import { parseSimFlags } from '../../bin/sim/flags';
import { createSimLogger } from '../../bin/sim/logger';
import { type RunningSim, startSim } from '../../bin/sim/start';

export async function startQuietSim(...extra: string[]): Promise<RunningSim> {
  const outcome = parseSimFlags([
    '--memory',
    '--telesign-port',
    '0',
    '--channel-port',
    '0',
    ...extra,
  ]);
  if (outcome.kind !== 'run') throw new Error(`flags: ${JSON.stringify(outcome)}`);
  return startSim(outcome.flags, createSimLogger({ level: 'silent', json: true }));
}

/** What an attack could change: accounts and their policies, handsets, queues, faults. */
export async function worldSnapshot(sim: RunningSim): Promise<string> {
  const read = async (url: string) => (await fetch(url)).text();
  const parts = await Promise.all([
    read(`${sim.telesignUrl}/_sim/accounts`),
    read(`${sim.telesignUrl}/_sim/handsets`),
    read(`${sim.telesignUrl}/_sim/faults`),
    read(`${sim.channelUrl}/api/queues`),
    read(`${sim.channelUrl}/api/work-streams`),
  ]);
  return parts.join('\n');
}
