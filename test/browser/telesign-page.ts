// The TeleSign page in the browser: the journal, delivery policies, faults and the manual clock.
import { describe, expect, it } from 'vitest';
import type { ConsoleSuite } from './launcher';

const HOUR = 3_600_000;

export function telesignPageTests(suite: ConsoleSuite): void {
  describe('TeleSign', () => {
    it('shows the inbound callback in the journal with its signature check', async () => {
      const world = suite.world();
      const page = suite.page();
      await world.text('12025550118', 'Journal me');
      await page.goto(`${world.url}/telesign`);
      await page.getByTestId('journal').waitFor();
      const callback = page
        .locator('[data-testid="journal-entry"][data-kind="callback"]')
        .filter({ hasText: '/telesign/inbound/' })
        .first();
      expect(await callback.getByTestId('journal-signature').textContent()).toBe('✓ signed');
      expect(await callback.locator('.badge').nth(1).textContent()).toBe('200');
      expect(await callback.getByTestId('journal-attempt').textContent()).toBe('1');
      expect(await page.getByTestId('clock-now').textContent()).toMatch(/UTC$/);
      await suite.shot('telesign');
    }, 30_000);

    it("fails a handset's deliveries with code 211 and shows TeleSign's code and description on the agent's transcript", async () => {
      const world = suite.world();
      const page = suite.page();
      const phone = '12025550119';
      const cv = await world.activeConversation(phone, 'My phone is broken');
      await page.goto(`${world.url}/telesign`);
      const policy = page.locator(`[data-testid="delivery-policy"][data-phone="${phone}"]`);
      await policy.locator('select').selectOption('{"fail":211}');
      await expect
        .poll(async () => {
          const all = await world.api<Array<{ phone: string; delivery: unknown }>>(
            'GET',
            '/_sim/handsets',
          );
          return all.find((h) => h.phone === phone)?.delivery;
        })
        .toEqual({ policy: { fail: 211 } });

      await world.api('POST', `/api/conversations/${cv.id}/messages`, {
        agentId: cv.agentId,
        text: 'Can you read this?',
      });
      await expect
        .poll(
          async () => {
            const { messages } = await world.api<{
              messages: Array<{
                direction: string;
                delivery?: { code: number } | null;
                failure?: { code: number | string } | null;
              }>;
            }>('GET', `/api/conversations/${cv.id}`);
            const reply = messages.find((m) => m.direction === 'outbound');
            return reply?.delivery?.code ?? reply?.failure?.code;
          },
          { timeout: 15_000 },
        )
        .toBe(211);
      await page.goto(`${world.url}/agent/${cv.agentId}/conversations/${cv.id}`);
      const status = page
        .locator('[data-testid="transcript-message"][data-direction="outbound"]')
        .getByTestId('delivery-status');
      await expect
        .poll(() => status.getAttribute('data-status'), { timeout: 10_000 })
        .toBe('failed');
      expect(await status.textContent()).toMatch(/211 \S+/);
      await suite.shot('agent-delivery-failed');
    }, 30_000);

    it('injects a fault from the page, lists it, and clears it', async () => {
      const world = suite.world();
      const page = suite.page();
      await page.goto(`${world.url}/telesign`);
      await page.getByTestId('fault-kind').selectOption({ label: 'callback: delay' });
      await page.getByTestId('add-fault').click();
      await expect.poll(() => page.getByTestId('fault').count()).toBe(1);
      expect(await page.getByTestId('fault').textContent()).toContain('delay');
      await page.getByTestId('clear-faults').click();
      await expect.poll(() => page.getByTestId('fault').count()).toBe(0);
    }, 30_000);

    it('closes a Waiting conversation when the manual clock is advanced by 8 hours', async () => {
      const manual = await suite.manualWorld();
      const page = suite.page();
      const cv = await manual.activeConversation('12025550120', 'I will be back later');
      await manual.api('POST', `/api/conversations/${cv.id}/close-session`, {
        agentId: cv.agentId,
      });
      expect((await manual.conversation(cv.id)).state).toBe('waiting');

      await page.goto(`${manual.url}/telesign`);
      const before = manual.sim.clock.now();
      await page.getByTestId('advance-8h').click();
      await expect.poll(() => manual.sim.clock.now() - before).toBe(8 * HOUR);
      await expect
        .poll(() => page.getByTestId('clock-now').textContent())
        .toBe(`${new Date(before + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
      await suite.shot('telesign-manual-clock');
      // The sweep runs once a minute since the channel started, and earlier tests moved this clock
      // by whole seconds: it closes at the first sweep at or after the 8 hours (docs/sim.md).
      await manual.api('POST', '/_sim/clock/advance', { ms: 60_000 });
      await expect.poll(async () => (await manual.conversation(cv.id)).state).toBe('closed');

      await page.goto(`${manual.url}/conversations/${cv.id}`);
      await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('closed');
    }, 30_000);
  });
}
