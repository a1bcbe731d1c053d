// Operating the simulator from the console: a handset opened by its URL is not created until asked,
// a thread is cleared after a confirmation, and the traffic is reset after one (the server words
// both questions; dismissing makes no call). The truth is read back through the fake's API.
import { describe, expect, it } from 'vitest';
import type { ConsoleSuite } from './launcher';

interface Thread {
  inbox: unknown[];
  outbox: unknown[];
  cleared_after: string | null;
}

export function operateTests(suite: ConsoleSuite): void {
  describe('Operate', () => {
    it('creates nothing when a handset is opened by its URL, and creates it on request', async () => {
      const world = suite.world();
      const page = suite.page();
      const phone = '12025550170';
      await page.goto(`${world.url}/phones/${phone}`);
      const card = page.locator(`[data-testid="handset"][data-phone="${phone}"]`);
      await card.getByTestId('handset-not-created').waitFor();
      await suite.shot('phones-not-created');
      await expect(world.api('GET', `/_sim/handsets/${phone}`)).rejects.toThrow(/→ 404/);

      await card.getByTestId('handset-create').click();
      await expect
        .poll(() =>
          world.api<{ created_at: string | null }>('GET', `/_sim/handsets/${phone}`).then(
            (h) => h.created_at !== null,
            () => false,
          ),
        )
        .toBe(true);
    }, 30_000);

    it("clears a handset's thread only once the developer agrees", async () => {
      const world = suite.world();
      const page = suite.page();
      const phone = '12025550171';
      await world.text(phone, 'Please forget this');
      await page.goto(`${world.url}/phones/${phone}`);
      const card = page.locator(`[data-testid="handset"][data-phone="${phone}"]`);
      const calls: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/console/call')) calls.push(r.postData() ?? '');
      });
      await card.getByTestId('handset-clear').waitFor();
      await suite.shot('phones-clear-thread');

      page.once('dialog', (dialog) => void dialog.dismiss());
      await card.getByTestId('handset-clear').click();
      await page.evaluate(() => 0); // the click's handler has run to its end
      expect(calls).toEqual([]);
      const kept = await world.api<Thread>('GET', `/_sim/handsets/${phone}/messages`);
      expect(kept.outbox).toHaveLength(1);

      let question = '';
      page.once('dialog', (dialog) => {
        question = dialog.message();
        void dialog.accept();
      });
      await card.getByTestId('handset-clear').click();
      await expect
        .poll(() =>
          world.api<Thread>('GET', `/_sim/handsets/${phone}/messages`).then((t) => t.outbox.length),
        )
        .toBe(0);
      expect(question).toMatch(/^Clear the thread of \+1 202 555 0171\? /);
      // The card re-renders empty: a state no later refresh can undo (nothing texts this phone).
      await card.getByTestId('handset-empty').waitFor();
      expect(await card.getByTestId('handset-message').count()).toBe(0);
    }, 30_000);

    it('shows a text to a number no work stream has as unroutable, as the channel recorded it', async () => {
      const world = suite.world();
      const page = suite.page();
      const cid = world.sim.marker.customerId;
      const { number } = await world.api<{ number: string }>(
        'POST',
        `/_sim/accounts/${cid}/numbers`,
        {},
      );
      const phone = '12025550173';
      await page.goto(`${world.url}/phones/${phone}`);
      const card = page.locator(`[data-testid="handset"][data-phone="${phone}"]`);
      await card.getByTestId('handset-to').selectOption(number);
      await card.getByTestId('handset-text').fill('Is anyone there?');
      await card.getByTestId('handset-send').click();
      await expect
        .poll(async () => {
          const thread = await world.api<{ outbox: Array<{ referenceId: string }> }>(
            'GET',
            `/_sim/handsets/${phone}/messages`,
          );
          const ref = thread.outbox[0]?.referenceId;
          if (!ref) return null;
          const events = await world.api<{ items: Array<{ outcome: string }> }>(
            'GET',
            `/api/inbound-events?kind=sms&referenceId=${ref}`,
          );
          return events.items[0]?.outcome ?? null;
        })
        .toBe('unroutable');
      await expect
        .poll(() => card.getByTestId('handset-message').first().textContent())
        .toContain('unroutable: no work stream has this number, the channel dropped it');
    }, 30_000);

    it('resets the traffic after a confirmation, keeping the account', async () => {
      // The manual-clock simulator: the shared one keeps its traffic for the other tests.
      const world = await suite.manualWorld();
      const page = suite.page();
      await world.api('PUT', '/_sim/handsets/12025550172');
      await page.goto(`${world.url}/telesign`);
      const calls: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/console/call')) calls.push(r.postData() ?? '');
      });
      page.once('dialog', (dialog) => void dialog.dismiss());
      await page.getByTestId('reset-traffic').click();
      await page.evaluate(() => 0);
      expect(calls).toEqual([]);
      expect(await world.api('GET', '/_sim/handsets/12025550172')).toMatchObject({
        phone: '12025550172',
      });

      let question = '';
      page.once('dialog', (dialog) => {
        question = dialog.message();
        void dialog.accept();
      });
      await page.getByTestId('reset-traffic').click();
      await expect
        .poll(() => world.api<unknown[]>('GET', '/_sim/handsets').then((all) => all.length))
        .toBe(0);
      expect(question).toMatch(/^Reset the fake TeleSign's traffic\? /);
      expect(question).toContain('Accounts, their settings and numbers stay.');
      const cid = world.sim.marker.customerId;
      expect(await world.api('GET', `/_sim/accounts/${cid}`)).toMatchObject({ customer_id: cid });
    }, 30_000);
  });
}
