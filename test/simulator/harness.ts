// A fake TeleSign on a loopback port with a manual clock at wall time, plus an account, for tests.
import { createManualClock, type ManualClock } from '../../lib/clock';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../simulator/index';

export interface Harness {
  sim: Simulator;
  clock: ManualClock;
  url: string;
  customerId: string;
  apiKey: string;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

/** The SDK dates its requests with the wall clock, so the manual clock starts at wall time. */
export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const clock = createManualClock(Date.now());
  const sim = createSimulator({ clock, ...options });
  const { url } = await sim.listen(0);
  const control: Harness['control'] = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }
        : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const created = await control('POST', '/_sim/accounts', {});
  const account = created.body as { customer_id: string; api_key: string };
  return { sim, clock, url, customerId: account.customer_id, apiKey: account.api_key, control };
}

/** Buys the next free number for the harness's account; returns it. */
export async function buyNumber(h: Harness): Promise<string> {
  const bought = await h.control('POST', `/_sim/accounts/${h.customerId}/numbers`, {});
  return (bought.body as { number: string }).number;
}
