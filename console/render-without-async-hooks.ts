// hono/jsx (4.13) runs each render inside an AsyncLocalStorage when the runtime has one, so that a
// JSX context survives `await` in an async component. On Node 20 the first AsyncLocalStorage.run
// switches promise hooks on for the whole process, for good: every promise of the fake TeleSign and
// the channel then pays an init hook (a million promises: ~300 → ~590 ms). Measured with
// `npm run bench -- console-phones`: opening any console page cost the sim ~500 µs of CPU per inbound
// text, about a third of its throughput, for the rest of the process's life.
// The console uses no JSX context (no createContext, useContext or jsxRenderer), so hono's one-time
// probe for AsyncLocalStorage is answered "none" before the first render, and hono renders with its
// synchronous fallback store. `test/console/async-hooks.test.ts` shows a page render leaves promise
// hooks off.
import { jsx } from 'hono/jsx';

let done = false;

/** Makes hono/jsx's first (and only) AsyncLocalStorage probe find none. Call before any render. */
export function renderWithoutAsyncHooks(): void {
  if (done) return;
  done = true;
  const real = process.getBuiltinModule;
  const withoutAsyncHooks = (id: string): object | undefined =>
    id === 'node:async_hooks' || id === 'async_hooks' ? undefined : real(id);
  process.getBuiltinModule = withoutAsyncHooks as typeof process.getBuiltinModule;
  try {
    String(jsx('i', {}));
  } finally {
    process.getBuiltinModule = real;
  }
}
