// `npm run sim`: the fake TeleSign and the SMS channel side by side, seeded, with the web console.
// The only module that knows both servers (through bin/sim/start.ts).
import { performance } from 'node:perf_hooks';
import { formatBanner } from './sim/banner';
import { parseSimFlags } from './sim/flags';
import { createSimLogger, flushLog } from './sim/logger';
import { privateUmask } from './sim/private-folder';
import type { RunningSim } from './sim/start';

async function main(): Promise<number> {
  const outcome = parseSimFlags(process.argv.slice(2), process.env);
  if (outcome.kind === 'help') {
    process.stdout.write(`${outcome.text}\n`);
    return 0;
  }
  if (outcome.kind === 'error') {
    process.stderr.write(`npm run sim: ${outcome.message}\nRun with --help to see the options.\n`);
    return 2;
  }
  const flags = outcome.flags;
  // Everything this process writes (the data folder holds API keys) is its owner's only.
  privateUmask();
  const log = createSimLogger({
    level: flags.logLevel,
    json: flags.logJson,
    colorize: Boolean(process.stdout.isTTY),
  });
  let sim: RunningSim;
  try {
    // Imported after the flags are read, so --help and bad flags answer at once.
    const { startSim } = await import('./sim/start');
    sim = await startSim(flags, log);
  } catch (error) {
    process.stderr.write(
      `npm run sim: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  // From the process's own start (node's time origin), so module loading counts too.
  const readyMs = Math.round(performance.now());
  const banner = formatBanner({
    telesignUrl: sim.telesignUrl,
    channelUrl: sim.channelUrl,
    customerId: sim.marker.customerId,
    apiKey: sim.marker.apiKey,
    supportNumber: sim.marker.supportNumber,
    fromNumber: sim.marker.handsets[0]?.phone ?? '12025550199',
    dataDir: flags.dataDir,
    clock: sim.clock.kind,
    seeded: sim.seeded,
    readyMs,
    exposed: sim.exposed ? { host: flags.host, ...sim.exposed } : null,
  });
  if (flags.logJson) {
    log.info(
      {
        source: 'sim',
        ready: true,
        telesignUrl: sim.telesignUrl,
        channelUrl: sim.channelUrl,
        consoleUrl: `${sim.channelUrl}/`,
        customerId: sim.marker.customerId,
        apiKey: sim.marker.apiKey,
        supportNumber: sim.marker.supportNumber,
        readyMs,
        ...(sim.exposed ? { exposed: sim.exposed } : {}),
      },
      'Ready.',
    );
  } else {
    // Log lines go out asynchronously: let those of the start land before the banner.
    await flushLog(log);
    process.stdout.write(`${banner}\n`);
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ source: 'sim' }, `${signal}: stopping, flushing data…`);
      sim
        .stop()
        .then(() => {
          log.info({ source: 'sim' }, 'Stopped.');
          resolve(0);
        })
        .catch((error: unknown) => {
          process.stderr.write(`npm run sim: error while stopping: ${String(error)}\n`);
          resolve(1);
        });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `npm run sim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
