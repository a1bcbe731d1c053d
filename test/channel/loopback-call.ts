// JSON over real loopback HTTP for tests that run both servers on sockets: a failed call throws with
// its body, and so does a channel answer that breaks the channel's OpenAPI document.
import {
  type ContractCheck,
  type ContractDocument,
  contractCheckFor,
} from '../support/contract-check';

const contracts = new Map<string, Promise<ContractCheck>>();

/** The channel serves its API under these; the fake TeleSign's are `/v1` and `/_sim`. */
const isChannelPath = (path: string): boolean =>
  /^\/(api|telesign|openapi\.json)(\/|$|\?)/.test(path);

function contractOf(base: string): Promise<ContractCheck> {
  let contract = contracts.get(base);
  if (!contract) {
    contract = fetch(`${base}/openapi.json`)
      .then((response) => response.json())
      .then((document) => contractCheckFor(document as ContractDocument));
    contracts.set(base, contract);
  }
  return contract;
}

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (isChannelPath(path)) {
    const broken = (await contractOf(base)).check({
      method,
      url: path,
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: text,
    });
    if (broken.length > 0)
      throw new Error(`${method} ${path} breaks the contract: ${broken.join('; ')}`);
  }
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}
