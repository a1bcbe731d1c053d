import { describe, expect, it } from 'vitest';
import { parseSimFlags } from './flags';

const run = (argv: string[], env: Record<string, string> = {}) => {
  const outcome = parseSimFlags(argv, env);
  if (outcome.kind !== 'run') throw new Error(`expected flags, got ${JSON.stringify(outcome)}`);
  return outcome.flags;
};

describe('sim flags', () => {
  it('defaults to ports 4010 and 4020, loopback, .sim-data and a real clock', () => {
    expect(run([])).toEqual({
      telesignPort: 4010,
      channelPort: 4020,
      host: '127.0.0.1',
      dataDir: '.sim-data',
      fsync: false,
      seed: null,
      world: 'default',
      clock: 'real',
      record: null,
      logLevel: 'info',
      logJson: false,
      sweepIntervalMs: 60_000,
      allowedHosts: [],
      allowedOrigins: [],
    });
  });

  it('takes repeated --allowed-host and --allowed-origin flags, lower-cased', () => {
    const flags = run([
      '--allowed-host',
      'Sim.Example.test',
      '--allowed-host',
      '.dev.test',
      '--allowed-origin',
      'http://localhost:5173',
    ]);
    expect([flags.allowedHosts, flags.allowedOrigins]).toEqual([
      ['sim.example.test', '.dev.test'],
      ['http://localhost:5173'],
    ]);
  });

  it('takes allowed hosts and origins from comma-separated environment variables', () => {
    const flags = run([], {
      SIM_ALLOWED_HOSTS: 'a.test, b.test',
      SIM_ALLOWED_ORIGINS: 'http://a.test:8080',
    });
    expect([flags.allowedHosts, flags.allowedOrigins]).toEqual([
      ['a.test', 'b.test'],
      ['http://a.test:8080'],
    ]);
  });

  it('refuses an allowed origin with a path, naming the rule', () => {
    const outcome = parseSimFlags(['--allowed-origin', 'http://localhost:5173/app']);
    expect(outcome).toEqual({
      kind: 'error',
      message:
        '--allowed-origin must be an origin: scheme, host and port only, e.g. http://localhost:5173 (allowedOrigins.0)',
    });
  });

  it('refuses an allowed host with a port', () => {
    const outcome = parseSimFlags(['--allowed-host', 'sim.test:4020']);
    expect(outcome.kind).toBe('error');
  });

  it('R-CV-3: reads the auto-close sweep interval as a duration, or 0 for off', () => {
    expect(run(['--sweep-interval', '5m']).sweepIntervalMs).toBe(300_000);
    expect(run([], { SIM_SWEEP_INTERVAL: '30s' }).sweepIntervalMs).toBe(30_000);
    expect(run(['--sweep-interval', '0']).sweepIntervalMs).toBe(0);
  });

  it('refuses a sweep interval that is not a duration, naming the flag', () => {
    for (const bad of ['soon', '10ms', '2d']) {
      const outcome = parseSimFlags(['--sweep-interval', bad]);
      expect(outcome).toMatchObject({
        kind: 'error',
        message: expect.stringContaining('--sweep-interval is a duration from 1s to 1d'),
      });
    }
  });

  it('takes ports from environment variables when no flag is given', () => {
    const flags = run([], { TELESIGN_PORT: '5010', CHANNEL_PORT: '0' });
    expect([flags.telesignPort, flags.channelPort]).toEqual([5010, 0]);
  });

  it('prefers a flag over its environment variable', () => {
    expect(run(['--telesign-port', '6000'], { TELESIGN_PORT: '5010' }).telesignPort).toBe(6000);
  });

  it('keeps no data folder with --memory', () => {
    expect(run(['--memory', '--data', 'x']).dataDir).toBeNull();
  });

  it('syncs the journals only when asked, by flag or SIM_FSYNC', () => {
    expect(run([]).fsync).toBe(false);
    expect(run(['--fsync']).fsync).toBe(true);
    expect(run([], { SIM_FSYNC: '1' }).fsync).toBe(true);
    expect(run([], { SIM_FSYNC: 'false' }).fsync).toBe(false);
  });

  it('refuses --fsync with --memory, and a SIM_FSYNC that is not a yes or no', () => {
    expect(parseSimFlags(['--fsync', '--memory'])).toEqual({
      kind: 'error',
      message: '--fsync needs a data folder: with --memory nothing is written (fsync)',
    });
    expect(parseSimFlags([], { SIM_FSYNC: 'always' })).toEqual({
      kind: 'error',
      message: 'SIM_FSYNC must be 1, 0, true or false (fsync)',
    });
  });

  it('reads the seed, world, manual clock, record file and JSON logs', () => {
    const flags = run([
      '--seed=7',
      '--world',
      'fixtures/worlds/default.yaml',
      '--clock',
      'manual',
      '--record',
      'out.yaml',
      '--log-json',
      '--log-level',
      'debug',
    ]);
    expect(flags).toMatchObject({
      seed: 7,
      world: 'fixtures/worlds/default.yaml',
      clock: 'manual',
      record: 'out.yaml',
      logJson: true,
      logLevel: 'debug',
    });
  });

  it('returns the help text for --help', () => {
    const outcome = parseSimFlags(['--help']);
    expect(outcome.kind).toBe('help');
    if (outcome.kind === 'help') expect(outcome.text).toContain('--telesign-port');
  });

  it('refuses an unknown flag, naming it', () => {
    expect(parseSimFlags(['--colour'])).toEqual({
      kind: 'error',
      message: expect.stringContaining("Unknown option '--colour'"),
    });
  });

  it('refuses a port that is not a number', () => {
    expect(parseSimFlags(['--channel-port', 'abc'])).toEqual({
      kind: 'error',
      message: '--channel-port must be a number (channelPort)',
    });
  });

  it('refuses a port above 65535', () => {
    expect(parseSimFlags([], { TELESIGN_PORT: '70000' })).toEqual({
      kind: 'error',
      message: '--telesign-port must be between 0 and 65535 (telesignPort)',
    });
  });

  it('refuses a clock other than real or manual', () => {
    expect(parseSimFlags(['--clock', 'fast'])).toEqual({
      kind: 'error',
      message: '--clock must be real or manual (clock)',
    });
  });
});
