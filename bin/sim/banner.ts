// What `npm run sim` prints when it is ready: where everything is, the credentials, and a first SMS to try.

export interface ReadyInfo {
  telesignUrl: string;
  channelUrl: string;
  customerId: string;
  apiKey: string;
  supportNumber: string | null;
  /** A handset of the world to text from. */
  fromNumber: string;
  dataDir: string | null;
  clock: 'real' | 'manual';
  seeded: boolean;
  readyMs: number;
  /** Set when --host is not loopback: the address given and the URLs other machines use. */
  exposed?: { host: string; consoleUrls: string[]; telesignUrls: string[] } | null;
}

export const READY_LINE = 'Ready.';

/** A copy-paste command that texts the support number from a simulated handset. */
export function curlCommand(
  info: Pick<ReadyInfo, 'telesignUrl' | 'supportNumber' | 'fromNumber'>,
): string {
  const body = JSON.stringify({
    to: info.supportNumber ?? '<support number>',
    text: 'Hello, I need help',
  });
  return `curl -s -X POST ${info.telesignUrl}/_sim/handsets/${info.fromNumber}/messages -H 'content-type: application/json' -d '${body}'`;
}

/** The warning a --host other than loopback earns, with the URLs another machine can use. */
export function exposureLines(exposed: NonNullable<ReadyInfo['exposed']>): string[] {
  return [
    '',
    `WARNING: --host ${exposed.host} makes both servers reachable from other machines, with no`,
    "  authentication: the fake TeleSign's control plane (every account's API key, the callback",
    '  URLs, reset), its faked API, the channel API (the inbound URL with its secret token) and the',
    '  web console. Use it only on a network you trust.',
    `  Console from another machine        ${exposed.consoleUrls.join('  ') || '(no interface address found)'}`,
    `  Fake TeleSign from another machine  ${exposed.telesignUrls.join('  ') || '(no interface address found)'}`,
  ];
}

export function formatBanner(info: ReadyInfo): string {
  const lines = [
    '',
    'SMS channel simulator',
    `  Console            ${info.channelUrl}/`,
    `  Channel API        ${info.channelUrl}/api   (OpenAPI: ${info.channelUrl}/openapi.json)`,
    `  Fake TeleSign      ${info.telesignUrl}   (control plane: ${info.telesignUrl}/_sim/)`,
    `  TeleSign customer  ${info.customerId}`,
    `  TeleSign API key   ${info.apiKey}`,
    `  Support number     ${info.supportNumber ?? '(none: the world has no work stream number)'}`,
    `  Data               ${info.dataDir ? `${info.dataDir} (${info.seeded ? 'seeded now' : 'kept from last run'})` : 'in memory'}`,
    `  Clock              ${info.clock}`,
    ...(info.exposed ? exposureLines(info.exposed) : []),
    '',
    'Text the support number as a customer:',
    `  ${curlCommand(info)}`,
    '',
    `Started in ${info.readyMs} ms. Press Ctrl-C to stop.`,
    READY_LINE,
  ];
  return lines.join('\n');
}
