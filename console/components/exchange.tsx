// One side of an HTTP exchange as the journal kept it: headers, and the body pretty-printed
// (JSON indented, form fields as a table); and the same request as a `curl` command to copy.
import type { ConsoleExchange } from '../telesign-schemas';

/** Headers curl sets itself or that describe one connection; left out of a copied command. */
const HOP_BY_HOP = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request as a `curl` command that sends the same method, headers and body bytes. */
export function curlFor(request: ConsoleExchange): string {
  const lines = [`curl -X ${request.method ?? 'GET'} ${shellQuote(request.url ?? '')}`];
  for (const [name, value] of Object.entries(request.headers)) {
    if (!HOP_BY_HOP.has(name)) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (request.body) lines.push(`  --data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n');
}

/** A JSON body's TeleSign `status` (code + description) and `errors`, when it has them. */
export function teleSignStatus(body: string): {
  code: number;
  description: string;
  errors: Array<{ code: number; description: string }>;
} | null {
  try {
    const json = JSON.parse(body) as {
      status?: { code?: unknown; description?: unknown };
      errors?: Array<{ code?: unknown; description?: unknown }>;
    };
    if (typeof json.status?.code !== 'number') return null;
    return {
      code: json.status.code,
      description: String(json.status.description ?? ''),
      errors: (json.errors ?? []).map((e) => ({
        code: Number(e.code),
        description: String(e.description ?? ''),
      })),
    };
  } catch {
    return null;
  }
}

function Body(props: { exchange: ConsoleExchange; testid: string }) {
  const { body, headers } = props.exchange;
  if (!body) return <p class="muted">(empty body)</p>;
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    return (
      <table class="kv" data-testid={`${props.testid}-form`}>
        <tbody>
          {[...new URLSearchParams(body)].map(([key, value]) => (
            <tr>
              <th>{key}</th>
              <td class="mono">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  try {
    return (
      <pre class="code" data-testid={`${props.testid}-body`}>
        {JSON.stringify(JSON.parse(body), null, 2)}
      </pre>
    );
  } catch {
    return (
      <pre class="code" data-testid={`${props.testid}-body`}>
        {body}
      </pre>
    );
  }
}

export function Exchange(props: { title: string; exchange: ConsoleExchange; testid: string }) {
  const { exchange } = props;
  return (
    <section class="exchange" data-testid={props.testid}>
      <h3>
        {props.title}{' '}
        <span class="mono muted">
          {exchange.status !== undefined
            ? `HTTP ${exchange.status}`
            : `${exchange.method ?? ''} ${exchange.url ?? ''}`}
        </span>
      </h3>
      <table class="kv">
        <tbody>
          {Object.entries(exchange.headers).map(([name, value]) => (
            <tr>
              <th>{name}</th>
              <td class="mono">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Body exchange={exchange} testid={props.testid} />
    </section>
  );
}
