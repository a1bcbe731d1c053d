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
    '',
    'Text the support number as a customer:',
    `  ${curlCommand(info)}`,
    '',
    `Started in ${info.readyMs} ms. Press Ctrl-C to stop.`,
    READY_LINE,
  ];
  return lines.join('\n');
}
