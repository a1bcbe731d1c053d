// The Admin page in the browser: the masked key, number format errors inline, API key validation.
import { describe, expect, it } from 'vitest';
import { type ConsoleSuite, SALES_LINE } from './launcher';

const LEADING_PLUS = 'Remove the leading +: enter <country code><number>, digits only.';

export function adminPageTests(suite: ConsoleSuite): void {
  describe('Admin', () => {
    it('shows the work streams with the API key masked and validated, and checks a number as you type', async () => {
      const world = suite.world();
      const page = suite.page();
      await page.goto(`${world.url}/admin`);
      await page.getByTestId('work-stream').first().waitFor();
      expect(await page.content()).not.toContain(world.sim.marker.apiKey);
      expect(await page.getByTestId('sms-api-key').first().textContent()).toMatch(/^•+.{4}$/);
      expect(await page.getByTestId('routing-rule').count()).toBeGreaterThan(0);
      // The default world's account, whose main phone identifies the customer (R-RT-1).
      expect(await page.getByTestId('account-row').allTextContents()).toEqual([
        expect.stringContaining('Acme Corporation'),
      ]);
      await page.getByTestId('number-check-input').fill('+14155550123');
      await expect
        .poll(() => page.getByTestId('number-check-result').textContent())
        .toBe(LEADING_PLUS);
      await suite.shot('admin');
      // The seeded validation's test SMS comes back within a second of the start (R-WS-5).
      await expect
        .poll(async () => {
          await page.reload();
          return page.getByTestId('validation-outcome').first().locator('.badge').textContent();
        })
        .toBe('valid');
    }, 30_000);

    it('shows a number format error inline and reports a number the account does not own when validating (R-NUM-1, R-NUM-5)', async () => {
      // A manual clock: the number check waits 60 s for the test SMS to come back (R-WS-5).
      const world = await suite.manualWorld();
      const advance = (ms: number) => world.api('POST', '/_sim/clock/advance', { ms });
      const page = suite.page();
      await page.goto(`${world.url}/admin`);
      const sales = page.getByTestId('work-stream').nth(1);
      // Remove asks first: declining leaves the number where it was.
      const calls: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/console/call')) calls.push(r.postData() ?? '');
      });
      page.once('dialog', (dialog) => void dialog.dismiss());
      await sales.getByTestId('remove-number').click();
      await page.evaluate(() => 0); // the click's handler has run to its end
      expect(calls).toEqual([]);
      expect(await sales.getByTestId('work-stream-number').textContent()).toContain(SALES_LINE);
      page.once('dialog', (dialog) => {
        expect(dialog.message()).toContain('Texts to it will no longer reach this work stream');
        void dialog.accept();
      });
      await sales.getByTestId('remove-number').click();
      const input = sales.getByTestId('number-input');
      await input.waitFor();
      await input.fill(`+${SALES_LINE}`);
      await sales.getByTestId('add-number').click();
      await expect.poll(() => sales.getByTestId('number-error').textContent()).toBe(LEADING_PLUS);
      expect(await sales.getByTestId('work-stream-missing').textContent()).toContain('number');
      await suite.shot('admin-number-error');

      await input.fill('14155550177');
      await sales.getByTestId('add-number').click();
      await expect
        .poll(() => sales.getByTestId('work-stream-number').textContent())
        .toContain('14155550177');
      await sales.getByTestId('validate-api-key').click();
      await expect
        .poll(() => sales.getByTestId('validation-outcome').locator('.badge').textContent())
        .toBe('checking');
      await advance(60_000);
      await page.reload();
      expect(await sales.getByTestId('validation-outcome').textContent()).toContain(
        'number-not-owned',
      );
      expect(await sales.getByTestId('validation-outcome').textContent()).toContain('14155550177');
      await suite.shot('admin-number-not-owned');

      // Put the pick-mode line back the way the world had it, and validate it again.
      page.once('dialog', (dialog) => void dialog.accept());
      await sales.getByTestId('remove-number').click();
      await input.fill(SALES_LINE);
      await sales.getByTestId('add-number').click();
      await expect
        .poll(() => sales.getByTestId('work-stream-number').textContent())
        .toContain(SALES_LINE);
      await sales.getByTestId('validate-api-key').click();
      await expect
        .poll(() => sales.getByTestId('validation-outcome').locator('.badge').textContent())
        .toBe('checking');
      await advance(2_000);
      await expect
        .poll(async () => {
          await page.reload();
          return sales.getByTestId('validation-outcome').locator('.badge').textContent();
        })
        .toBe('valid');
    }, 30_000);
  });
}
