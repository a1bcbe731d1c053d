// The TeleSign page's account settings in the browser: each form changes what the fake holds (read
// back through its API), the page says what the settings cause, and refusals name the field inline.
import { describe, expect, it } from 'vitest';
import type { ConsoleSuite, World } from './launcher';

interface Settings {
  opt_out: { enabled: boolean; stop_reply: string; start_reply: string; help_reply: string };
  prepaid_balance: number | null;
  trial: boolean;
  verified_numbers: string[];
  hard_cap: number | null;
  sender_ids: string[];
  additional_info: boolean;
}

const settingsOf = (world: World) =>
  world.api<Settings>('GET', `/_sim/accounts/${world.sim.marker.customerId}/settings`);

/** Puts back what a test changed: the suite's other tests share this account. */
async function restoring(world: World, run: () => Promise<void>): Promise<void> {
  const before = await settingsOf(world);
  try {
    await run();
  } finally {
    await world.api('PUT', `/_sim/accounts/${world.sim.marker.customerId}/settings`, {
      opt_out: before.opt_out,
      prepaid_balance: before.prepaid_balance,
      trial: before.trial,
      verified_numbers: before.verified_numbers,
      sender_ids: before.sender_ids,
      additional_info: before.additional_info,
      ...(before.hard_cap === null ? { hard_cap: null } : {}),
    });
  }
}

export function accountSettingsTests(suite: ConsoleSuite): void {
  describe('Account settings on the TeleSign page', () => {
    const open = async () => {
      const world = suite.world();
      const page = suite.page();
      await page.goto(`${world.url}/telesign`);
      const cid = world.sim.marker.customerId;
      const form = (name: string) =>
        page.locator(`[data-testid="settings-${name}"][data-customer-id="${cid}"]`);
      const effect = (key: string) =>
        page
          .locator(
            `[data-testid="settings-effects"][data-customer-id="${cid}"] [data-effect="${key}"]`,
          )
          .textContent();
      return { world, page, form, effect };
    };

    it('sets a zero prepaid balance and says that sends get 402/10030', async () => {
      const { world, page, form, effect } = await open();
      await restoring(world, async () => {
        await form('wallet').getByTestId('settings-balance').fill('0');
        await form('wallet').getByTestId('settings-wallet-save').click();
        await expect.poll(async () => (await settingsOf(world)).prepaid_balance).toBe(0);
        await expect
          .poll(() => effect('wallet'))
          .toBe(
            'Prepaid, balance 0.00 USD — sends get 402/10030 (insufficient funds in prepaid wallet).',
          );
        // A string: the test project has no DOM types (attacker.test.ts does the same).
        await page.evaluate(
          `document.querySelector('[data-testid="settings"]')?.scrollIntoView({ block: 'start' }); window.scrollBy(0, -110);`,
        );
        await suite.shot('telesign-settings');
      });
    }, 30_000);

    it('shows a refused balance inline, naming the field, and changes nothing', async () => {
      const { world, page, form } = await open();
      await form('wallet').getByTestId('settings-balance').fill('-5');
      await form('wallet').getByTestId('settings-wallet-save').click();
      await expect
        .poll(() => page.getByTestId('settings-wallet-error').first().textContent())
        .toMatch(/^invalid_field: prepaid_balance: /);
      expect((await settingsOf(world)).prepaid_balance).toBeNull();
    }, 30_000);

    it('makes the account a trial with verified numbers, sender ids, additional_info and opt-out off', async () => {
      const { world, form, effect } = await open();
      await restoring(world, async () => {
        const account = form('account');
        await account.getByTestId('settings-trial').check();
        await account.getByTestId('settings-verified').fill('12025550160\n12025550161');
        await account.getByTestId('settings-sender-ids').fill('ACME, Shop 2');
        await account.getByTestId('settings-additional-info').check();
        await account.getByTestId('settings-opt-out').uncheck();
        await account.getByTestId('settings-stop-reply').fill('Bye now. START to come back.');
        await account.getByTestId('settings-account-save').click();
        await expect
          .poll(async () => {
            const s = await settingsOf(world);
            return [s.trial, s.verified_numbers, s.sender_ids, s.additional_info, s.opt_out];
          })
          .toEqual([
            true,
            ['12025550160', '12025550161'],
            ['ACME', 'Shop 2'],
            true,
            expect.objectContaining({
              enabled: false,
              stop_reply: 'Bye now. START to come back.',
            }),
          ]);
        await expect
          .poll(() => effect('trial'))
          .toBe('Trial account — sends to any number but its 2 verified one(s) get 400/10033.');
        expect(await effect('opt-out')).toMatch(/^Managed opt-out off:/);
      });
    }, 30_000);

    it('sets a hard cap of 0 and says that sends get 429/10020', async () => {
      const { world, form, effect } = await open();
      await restoring(world, async () => {
        await form('cap').getByTestId('settings-cap-input').fill('0');
        await form('cap').getByTestId('settings-cap-save').click();
        await expect.poll(async () => (await settingsOf(world)).hard_cap).toBe(0);
        await expect
          .poll(() => effect('hard-cap'))
          .toBe('Hard cap reached (0 of 0 sent since it was set) — sends get 429/10020.');
      });
    }, 30_000);
  });
}
