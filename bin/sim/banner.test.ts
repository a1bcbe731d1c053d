import { describe, expect, it } from 'vitest';
import { curlCommand, formatBanner, READY_LINE } from './banner';

const info = {
  telesignUrl: 'http://127.0.0.1:4010',
  channelUrl: 'http://127.0.0.1:4020',
  customerId: 'C1',
  apiKey: 'key==',
  supportNumber: '14155550100',
  fromNumber: '12025550101',
  dataDir: '.sim-data',
  clock: 'real' as const,
  seeded: true,
  readyMs: 812,
};

describe('ready banner', () => {
  it('gives a curl command that texts the support number through the handset control plane', () => {
    expect(curlCommand(info)).toBe(
      `curl -s -X POST http://127.0.0.1:4010/_sim/handsets/12025550101/messages -H 'content-type: application/json' -d '{"to":"14155550100","text":"Hello, I need help"}'`,
    );
  });

  it('prints the console URL, both servers, the credentials and the support number, then Ready.', () => {
    const banner = formatBanner(info);
    for (const expected of [
      'Console            http://127.0.0.1:4020/',
      'Fake TeleSign      http://127.0.0.1:4010',
      'TeleSign customer  C1',
      'TeleSign API key   key==',
      'Support number     14155550100',
      'Started in 812 ms.',
    ]) {
      expect(banner).toContain(expected);
    }
    expect(banner.split('\n').at(-1)).toBe(READY_LINE);
  });

  it('warns when --host is not loopback and prints URLs another machine can use', () => {
    const banner = formatBanner({
      ...info,
      exposed: {
        host: '0.0.0.0',
        consoleUrls: ['http://192.168.1.5:4020/'],
        telesignUrls: ['http://192.168.1.5:4010'],
      },
    });
    expect(banner).toContain('WARNING: --host 0.0.0.0 makes both servers reachable');
    expect(banner).toContain("every account's API key");
    expect(banner).toContain('Console from another machine        http://192.168.1.5:4020/');
    expect(banner).toContain('Fake TeleSign from another machine  http://192.168.1.5:4010');
    expect(banner).not.toContain('0.0.0.0:');
  });

  it('prints no warning on loopback', () => {
    expect(formatBanner(info)).not.toContain('WARNING');
  });
});
