// The Phones page in the browser: handsets, deep links, inline refusals, and every page error-free.
import { describe, expect, it } from 'vitest';
import { type ConsoleSuite, SUPPORT } from './launcher';

export function phonesPageTests(suite: ConsoleSuite): void {
  describe('Phones and navigation', () => {
    it('lets a developer create a handset from a typed number and opens its deep link', async () => {
      const world = suite.world();
      const page = suite.page();
      await page.goto(world.url);
      await page.getByTestId('new-handset-phone').fill('+44 7911 123456');
      await page.getByTestId('new-handset').click();
      await page.waitForURL(/\/phones\/447911123456$/);
      const first = page.getByTestId('handset').first();
      expect(await first.getAttribute('data-phone')).toBe('447911123456');
      expect(await first.getAttribute('class')).toContain('focused');
      expect(await first.getByTestId('handset-empty').textContent()).toContain(
        'type below to text the support line',
      );
      // Created at the fake TeleSign before it ever texted (so it survives a restart).
      expect(await world.api('GET', '/_sim/handsets/447911123456')).toMatchObject({
        phone: '447911123456',
        created_at: expect.any(String),
      });
    }, 30_000);

    it('shows a typed handset number with a format error inline, without a console error', async () => {
      const page = suite.page();
      await page.goto(suite.world().url);
      await page.getByTestId('new-handset-phone').fill('call me');
      await page.getByTestId('new-handset').click();
      await expect
        .poll(() => page.getByTestId('new-handset-error').textContent())
        .toBe('invalid_field: phone: A phone number has digits, spaces, + ( ) . - only.');
    }, 30_000);

    it('shows TeleSign refusing an empty text inline, with its code, and no console error', async () => {
      const world = suite.world();
      const page = suite.page();
      await page.goto(`${world.url}/phones/12025550105`);
      const phone = page.locator('[data-testid="handset"][data-phone="12025550105"]');
      await phone.getByTestId('handset-send').click();
      await expect
        .poll(() => phone.locator('[data-role="error"]').textContent())
        .toMatch(/^\w+: .*text/);
    }, 30_000);

    it("shows a handset's opt-out with TeleSign's reply, and opts it back in", async () => {
      const world = suite.world();
      const page = suite.page();
      await world.text('12025550117', 'STOP');
      await page.goto(`${world.url}/phones/12025550117`);
      const phone = page.locator('[data-testid="handset"][data-phone="12025550117"]');
      const optOut = phone.getByTestId('handset-opt-out');
      expect(await optOut.getAttribute('data-number')).toBe(SUPPORT);
      expect(await phone.getByTestId('handset-thread').textContent()).toContain(
        'You are unsubscribed from messages from this number.',
      );
      await phone.getByTestId('handset-opt-in').click();
      await expect
        .poll(() =>
          world.api<{ opt_outs: unknown[] }>('GET', '/_sim/handsets/12025550117/opt-outs'),
        )
        .toEqual({ phone: '12025550117', opt_outs: [] });
    }, 30_000);

    it('opens a conversation deep link in the workspace of the agent who holds it', async () => {
      const world = suite.world();
      const page = suite.page();
      const cv = await world.activeConversation('12025550116', 'Deep link me');
      await page.goto(`${world.url}/conversations/${cv.id}`);
      await page.waitForURL(new RegExp(`/agent/${cv.agentId}/conversations/${cv.id}$`));
      expect(await page.getByTestId('conversation').getAttribute('data-conversation-id')).toBe(
        cv.id,
      );
      expect(await page.getByTestId('composer-text').count()).toBe(1);
    }, 30_000);

    it('lets an agent change presence from the workspace', async () => {
      const world = suite.world();
      const page = suite.page();
      const cat = await world.agentId('Cat Agent');
      await page.goto(`${world.url}/agent/${cat}`);
      await page.getByTestId('presence-select').selectOption('away');
      await expect.poll(() => page.getByTestId('agent-presence').textContent()).toBe('away');
    }, 30_000);

    it('shows every page, with the same header and navigation, without a console error', async () => {
      const world = suite.world();
      const page = suite.page();
      const pages = [
        ['/', 'nav-phones'],
        ['/agent', 'nav-agent'],
        [`/agent/${await world.agentId('Ann Agent')}`, 'nav-agent'],
        ['/admin', 'nav-admin'],
        ['/telesign', 'nav-telesign'],
        ['/inspect', 'nav-inspect'],
      ] as const;
      for (const [path, nav] of pages) {
        await page.goto(`${world.url}${path}`);
        await expect.poll(() => page.getByTestId('live-status').textContent()).toContain('live');
        expect(await page.getByTestId(nav).getAttribute('class')).toBe('active');
        expect(await page.locator('[data-testid^="nav-"]').count()).toBe(5);
        expect(await page.getByTestId('data-error').count()).toBe(0);
        // <!DOCTYPE html>: standards mode, never quirks.
        expect(await page.evaluate('document.compatMode')).toBe('CSS1Compat');
      }
    }, 30_000);

    it('answers the printed API and control-plane URLs with an index linking the OpenAPI documents', async () => {
      const world = suite.world();
      const page = suite.page();
      await page.goto(`${world.url}/api`);
      expect(await page.evaluate('document.compatMode')).toBe('CSS1Compat');
      // Following the link is a fetch here: a JSON page makes Chromium log its missing favicon.
      const openapi = page.getByTestId('api-openapi');
      const channelDoc = await page.request.get(
        new URL((await openapi.getAttribute('href')) ?? '', page.url()).href,
      );
      expect((await channelDoc.json()).openapi).toMatch(/^3\./);
      await page.goto(`${world.sim.telesignUrl}/_sim/`);
      expect(await page.evaluate('document.compatMode')).toBe('CSS1Compat');
      const link = page.getByRole('link', { name: 'OpenAPI document' });
      const controlDoc = await page.request.get(
        new URL((await link.getAttribute('href')) ?? '', page.url()).href,
      );
      expect((await controlDoc.json()).openapi).toMatch(/^3\./);
    }, 30_000);

    it("does not list the support numbers' own test SMS as customers' phones, and finds a handset by search", async () => {
      const world = suite.world();
      const page = suite.page();
      // Validating the API key texts the support number from itself (R-WS-5).
      const [support] = await world.api<Array<{ id: string }>>('GET', '/api/work-streams');
      await world.api('POST', `/api/work-streams/${support?.id}/validate-api-key`);
      await page.goto(world.url);
      const phones = await page
        .getByTestId('handset')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-phone')));
      expect(phones).not.toContain(SUPPORT);
      expect(phones.length).toBeGreaterThan(0);

      await page.getByTestId('handset-search').fill('0103');
      await page.getByTestId('handset-search').press('Enter');
      await page.waitForURL(/\?q=0103$/);
      const found = await page
        .getByTestId('handset')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-phone')));
      expect(found).toEqual(['12025550103']);
    }, 30_000);

    it('leaves a card out of view stale while its phone texts, and brings it up to date once scrolled into view', async () => {
      const world = suite.world();
      const page = suite.page();
      const phones = Array.from({ length: 8 }, (_, i) => `1202555016${i}`);
      // Known to the fake before the page opens: each is its own card, not a new handset.
      for (const phone of phones) await world.api('PUT', `/_sim/handsets/${phone}`);
      await page.goto(`${world.url}/?q=1202555016`);
      await expect.poll(() => page.getByTestId('live-status').textContent()).toContain('live');
      const card = (phone: string) =>
        page.locator(`[data-testid="handset-region"]:has([data-phone="${phone}"])`);
      const first = card(phones[0] ?? '');
      const last = card(phones[7] ?? '');
      // Eight cards side by side: the last is far right of the 1366-pixel viewport. A refresh of
      // the whole list as the page opened (the hub catching up on a phone it heard while learning
      // the handsets) can bring every card up to date at once: text again until the card is left
      // behind, each time after the card in view has shown the text sent after it.
      let sent = '';
      for (let attempt = 1; attempt <= 3; attempt++) {
        sent = `Texted while out of view ${attempt}`;
        await world.api('POST', `/_sim/handsets/${phones[7]}/messages`, {
          to: SUPPORT,
          text: sent,
        });
        const seen = `Texted in view ${attempt}`;
        await world.api('POST', `/_sim/handsets/${phones[0]}/messages`, {
          to: SUPPORT,
          text: seen,
        });
        await expect.poll(() => first.textContent()).toContain(seen);
        if ((await last.getAttribute('data-stale')) === '1') break;
      }
      expect(await last.getAttribute('data-stale')).toBe('1');
      expect(await last.textContent()).not.toContain(sent);

      await last.scrollIntoViewIfNeeded();
      await expect.poll(() => last.textContent()).toContain(sent);
      expect(await last.getAttribute('data-stale')).toBeNull();
    }, 30_000);

    it('fetches nothing while the tab is in the background, and catches up when it is back', async () => {
      // The manual-clock world (nothing else is delivered on the wall clock mid-test), texting a
      // number no work stream has (no conversation is left behind for the tests after it).
      const world = await suite.manualWorld();
      const cid = world.sim.marker.customerId;
      const { number } = await world.api<{ number: string }>(
        'POST',
        `/_sim/accounts/${cid}/numbers`,
        {},
      );
      const page = suite.page();
      const [texted, after] = ['12025550181', '12025550182'];
      for (const phone of [texted, after]) await world.api('PUT', `/_sim/handsets/${phone}`);
      await page.goto(`${world.url}/?q=1202555018`);
      await expect.poll(() => page.getByTestId('live-status').textContent()).toContain('live');
      const card = (phone: string) =>
        page.locator(`[data-testid="handset"][data-phone="${phone}"]`);
      /** The card's region, or the list around it, is marked stale. */
      const stale = (phone: string) =>
        card(phone).locator('xpath=ancestor-or-self::*[@data-stale]').count();
      const setVisibility = (state: 'hidden' | 'visible') =>
        page.evaluate(
          `Object.defineProperty(document, 'visibilityState', { value: '${state}', configurable: true }); document.dispatchEvent(new Event('visibilitychange'))`,
        );
      await setVisibility('hidden');
      const text = 'Texted while in the background';
      await world.api('POST', `/_sim/handsets/${texted}/messages`, { to: number, text });
      // A text after it: once its card is stale, every event of the first text has reached the page.
      await world.api('POST', `/_sim/handsets/${after}/messages`, { to: number, text: 'Next' });
      await expect.poll(() => stale(after)).toBeGreaterThan(0);
      expect(await stale(texted)).toBeGreaterThan(0);
      expect(await card(texted).textContent()).not.toContain(text);

      // Back in the foreground with no event to come: the page catches up by itself.
      await setVisibility('visible');
      await expect.poll(() => card(texted).textContent()).toContain(text);
      expect(await page.locator('[data-fragment][data-stale]').count()).toBe(0);
    }, 30_000);
  });
}
