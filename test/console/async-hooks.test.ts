// Opening a console page must not slow both servers for good: see console/render-without-async-hooks.ts.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./render-one-page.ts', import.meta.url));

describe('rendering a console page', () => {
  it('leaves promise hooks off in the process (hono/jsx finds no AsyncLocalStorage)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      timeout: 30_000,
    });
    const result = JSON.parse(stdout) as { status: number; rendered: number; idInThen: number };
    expect(result.status).toBe(200);
    expect(result.rendered).toBeGreaterThan(100);
    // With promise hooks on, a `then` callback runs in the promise's own async id (non-zero).
    expect(result.idInThen).toBe(0);
  });
});
