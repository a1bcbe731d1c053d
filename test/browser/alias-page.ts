// The console opened under an alias (http://app.localhost:<port>): live, and its page reaches the
// fake TeleSign under the same name — the policy allows it and the fake takes it as the console.
import { describe, expect, it } from 'vitest';
import type { ConsoleSuite } from './launcher';

export function aliasPageTests(suite: ConsoleSuite): void {
  describe('The console under a *.localhost alias', () => {
    it('goes live and reads the fake TeleSign under the name it was opened with', async () => {
      const world = suite.world();
      const page = suite.page();
      const url = new URL(world.url);
      url.hostname = 'app.localhost';
      await page.goto(`${url.origin}/telesign`);
      const fake = await page.locator('meta[name="telesign-url"]').getAttribute('content');
      expect(fake).toBe(`http://app.localhost:${new URL(world.sim.telesignUrl).port}`);
      // A refused fetch (policy or CORS) rejects here and logs a console error, failing the test.
      const status = await page.evaluate(
        async (base) => (await fetch(`${base}/_sim/clock`)).status,
        String(fake),
      );
      expect(status).toBe(200);
      await expect
        .poll(() => page.getByTestId('live-status').getAttribute('class'))
        .toContain('ok');
    }, 30_000);
  });
}
