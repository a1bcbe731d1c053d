// The Agent workspace in the browser: offers, pick mode, the conversation's actions and the composer.
import { describe, expect, it } from 'vitest';
import { type ConsoleSuite, SALES_LINE } from './launcher';

const ALICE = '12025550101'; // VIP contact: routed to the vip queue, offered to Ann
const NOBODY = '12025550104'; // matches no contact

export function agentPageTests(suite: ConsoleSuite): void {
  describe('Agent workspace', () => {
    it('lets a customer text, an agent accept and reply, and shows the reply delivered on the phone', async () => {
      const world = suite.world();
      const page = suite.page();
      await page.goto(`${world.url}/phones/${ALICE}`);
      const phone = page.locator(`[data-testid="handset"][data-phone="${ALICE}"]`);
      await phone.getByTestId('handset-text').fill('Hi, my order has not arrived');
      await phone.getByTestId('handset-send').click();
      await expect
        .poll(() => phone.locator('[data-testid="handset-message"][data-direction="sent"]').count())
        .toBe(1);
      await expect.poll(() => phone.getByTestId('handset-text').inputValue()).toBe('');
      await suite.shot('phones');

      const ann = await world.agentId('Ann Agent');
      // Alice's own offer: earlier tests (the Phones page's STOP) may have left other offers to Ann.
      const { items: live } = await world.api<{
        items: Array<{ id: string; customerNumber: string; state: string }>;
      }>('GET', `/api/conversations?customerNumber=${ALICE}`);
      const alice = live.find((c) => c.state === 'open');
      if (!alice) throw new Error(`no open conversation of ${ALICE}: ${JSON.stringify(live)}`);
      await page.goto(`${world.url}/agent/${ann}`);
      const offer = page.locator(`[data-testid="offer"][data-conversation-id="${alice.id}"]`);
      await offer.waitFor();
      expect(await offer.getByTestId('offer-timer').textContent()).toMatch(/^\d+ s$/);
      await suite.shot('agent-offer');
      await offer.getByTestId('offer-accept').click();
      await page.waitForURL(/\/agent\/[^/]+\/conversations\//);
      await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('active');
      expect(await page.getByTestId('contact-name').textContent()).toBe('Alice Ng');

      await page.getByTestId('composer-text').fill('Sorry about that, it ships today.');
      await expect.poll(() => page.getByTestId('composer-counter').textContent()).toBe('33 / 1600');
      expect(await page.getByTestId('composer-segments').textContent()).toBe('1 segment · GSM-7');
      await page.getByTestId('composer-send').click();
      const reply = page.locator('[data-testid="transcript-message"][data-direction="outbound"]');
      await expect.poll(() => reply.count()).toBe(1);
      await expect
        .poll(() => reply.getByTestId('delivery-status').getAttribute('data-status'), {
          timeout: 10_000,
        })
        .toBe('delivered');
      expect(await reply.getByTestId('segments').textContent()).toBe('1 segment');
      await suite.shot('agent-conversation');

      await page.goto(`${world.url}/phones/${ALICE}`);
      const received = phone.locator('[data-testid="handset-message"][data-direction="received"]');
      await expect.poll(() => received.count()).toBe(1);
      expect(await received.locator('.text').textContent()).toBe(
        'Sorry about that, it ships today.',
      );
      expect(await received.getByTestId('handset-delivery').getAttribute('data-code')).toBe('200');
      await suite.shot('phones-reply-delivered');
    }, 40_000);

    it('refuses a 1601-character reply and shows the counter, segments and encoding', async () => {
      const world = suite.world();
      const page = suite.page();
      const cv = await world.activeConversation('12025550111', 'Is anyone there?');
      await page.goto(`${world.url}/conversations/${cv.id}`);
      await page.waitForURL(/\/agent\/[^/]+\/conversations\//);
      const before = await page.getByTestId('transcript-message').count();

      await page.getByTestId('composer-text').fill('a'.repeat(1601));
      await expect
        .poll(() => page.getByTestId('composer-counter').textContent())
        .toBe('1601 / 1600');
      expect(await page.getByTestId('composer-counter').getAttribute('data-over')).toBe('true');
      expect(await page.getByTestId('composer-segments').textContent()).toBe('11 segments · GSM-7');
      expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
      expect(await page.getByTestId('composer-error').textContent()).toBe(
        'Too long: 1601 characters; the limit is 1600 (R-MSG-2).',
      );
      await page.getByTestId('composer-text').press('Control+Enter');
      await suite.shot('agent-too-long');
      expect(await page.getByTestId('transcript-message').count()).toBe(before);

      // The page shows the server's own figure: the count the transcript records after sending.
      await page.getByTestId('composer-text').fill('😀'.repeat(1600));
      await expect
        .poll(() => page.getByTestId('composer-counter').textContent())
        .toBe('1600 / 1600');
      expect(await page.getByTestId('composer-segments').textContent()).toBe('49 segments · UCS-2');
      expect(await page.getByTestId('composer-send').isDisabled()).toBe(false);
      await page.getByTestId('composer-send').click();
      await expect.poll(() => page.getByTestId('transcript-message').count()).toBe(before + 1);
      expect(
        await page.getByTestId('transcript-message').last().getByTestId('segments').textContent(),
      ).toBe('49 segments');
    }, 30_000);

    it('lets an agent pick an open conversation from the queue of a pick-mode work stream', async () => {
      const world = suite.world();
      const page = suite.page();
      const cv = await world.text('12025550112', 'Do you sell gift cards?', SALES_LINE);
      expect(cv.state).toBe('open');
      const ben = await world.agentId('Ben Agent');
      await page.goto(`${world.url}/agent/${ben}`);
      const item = page.locator(`[data-testid="open-item"][data-conversation-id="${cv.id}"]`);
      await item.waitFor();
      await suite.shot('agent-pick');
      await page.locator('.item-with-action', { has: item }).getByTestId('pick').click();
      await page.waitForURL(new RegExp(`/agent/${ben}/conversations/${cv.id}$`));
      await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('active');
      expect((await world.conversation(cv.id)).agentId).toBe(ben);
    }, 30_000);

    it('offers a rejected conversation to the next agent', async () => {
      const world = suite.world();
      const page = suite.page();
      const [ann, ben] = [await world.agentId('Ann Agent'), await world.agentId('Ben Agent')];
      await page.goto(`${world.url}/agent/${ann}`);
      await expect.poll(() => page.getByTestId('live-status').textContent()).toContain('live');
      // No rule matches Chloe (the text is no routing input): the default queue; Ann has the most room left.
      const cv = await world.text('12025550103', 'Where is my invoice?');
      const offer = page.locator(`[data-testid="offer"][data-conversation-id="${cv.id}"]`);
      await offer.waitFor();
      await offer.getByTestId('offer-reject').click();
      await expect.poll(() => offer.count()).toBe(0);
      await expect.poll(async () => (await world.conversation(cv.id)).offer?.agentId).toBe(ben);

      await page.goto(`${world.url}/agent/${ben}`);
      await page.locator(`[data-testid="offer"][data-conversation-id="${cv.id}"]`).waitFor();
    }, 30_000);

    it('closes the session of an active conversation (Waiting) and re-opens it (Active)', async () => {
      const world = suite.world();
      const page = suite.page();
      const cv = await world.activeConversation('12025550113', 'Quick question');
      await page.goto(`${world.url}/agent/${cv.agentId}/conversations/${cv.id}`);
      await page.getByTestId('action-close-session').click();
      await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('waiting');
      await suite.shot('agent-waiting');
      await page.getByTestId('action-reopen').click();
      await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('active');
    }, 30_000);

    it('ends a conversation (Wrap-up) and then closes its session (Closed)', async () => {
      const world = suite.world();
      const page = suite.page();
      const cv = await world.activeConversation('12025550114', 'Thanks, that is all');
      await page.goto(`${world.url}/conversations/${cv.id}`);
      await page.waitForURL(new RegExp(`/agent/${cv.agentId}/conversations/${cv.id}$`));
      await page.getByTestId('action-end').click();
      await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('wrap-up');
      await page.getByTestId('action-close-session').click();
      await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('closed');
    }, 30_000);

    it('transfers an active conversation to another queue', async () => {
      const world = suite.world();
      const page = suite.page();
      const cv = await world.activeConversation('12025550102', 'Hello there');
      await page.goto(`${world.url}/agent/${cv.agentId}/conversations/${cv.id}`);
      await page.getByTestId('transfer-queue').selectOption({ label: 'sales' });
      await page.getByTestId('action-transfer').click();
      await expect.poll(() => page.getByTestId('conversation-state').textContent()).toBe('open');
      expect(await page.getByTestId('conversation').textContent()).toContain('queue sales');
      expect((await world.conversation(cv.id)).queueId).toBe(await world.queueId('sales'));
    }, 30_000);

    it('links a contact to a conversation whose number matched none', async () => {
      const world = suite.world();
      const page = suite.page();
      const cv = await world.activeConversation(NOBODY, 'It is Bruno, from my other phone');
      expect(cv.contactMatch).toBe('none');
      await page.goto(`${world.url}/agent/${cv.agentId}/conversations/${cv.id}`);
      expect(await page.getByTestId('no-contact').textContent()).toContain('No contact found');
      await page.getByTestId('link-contact-details').locator('summary').click();
      await page
        .getByTestId('link-contact-select')
        .selectOption({ label: 'Bruno Diaz · +1 202 555 0102' });
      await page.getByTestId('link-contact-submit').click();
      await expect.poll(() => page.getByTestId('contact-name').textContent()).toBe('Bruno Diaz');
      expect((await world.conversation(cv.id)).contactMatch).toBe('linked');
    }, 30_000);

    it('shows a refused transfer in the page with its code, not as a console error', async () => {
      const world = suite.world();
      const page = suite.page();
      const cv = await world.activeConversation('12025550115', 'Please move me');
      // Hold the page's live refresh so it still offers Transfer after the conversation ended.
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.goto(`${world.url}/agent/${cv.agentId}/conversations/${cv.id}`);
      await page.route('**/console/fragments**', async (route) => {
        await held;
        // The page may already be closing; an unanswered refresh no longer matters then.
        await route.continue().catch(() => undefined);
      });
      await world.api('POST', `/api/conversations/${cv.id}/end`, { agentId: cv.agentId });
      await page.getByTestId('action-transfer').click();
      const error = page.getByTestId('transfer-form').locator('[data-role="error"]');
      await expect.poll(() => error.textContent()).toMatch(/^[A-Z_]+: .+/);
      await suite.shot('agent-refused-transfer');
      release();
      await page.unroute('**/console/fragments**');
    }, 30_000);

    it('says an offer is waiting instead of "no conversations yet", and drops the offer when it times out', async () => {
      const manual = await suite.manualWorld();
      const page = suite.page();
      const opened = await manual.text('12025550121', 'Anyone there?');
      let agentId = '';
      await expect
        .poll(async () => {
          agentId = (await manual.conversation(opened.id)).offer?.agentId ?? '';
          return agentId;
        })
        .not.toBe('');
      await page.goto(`${manual.url}/agent/${agentId}`);
      const offer = page.locator(`[data-testid="offer"][data-conversation-id="${opened.id}"]`);
      await offer.waitFor();
      expect(await page.getByTestId('no-conversation').textContent()).toContain(
        'An offer is waiting',
      );
      expect(await page.getByTestId('no-conversation-hint').count()).toBe(0);

      // The offer times out (conversation.declined): the page drops it without knowing that event's
      // name. Exactly two minutes, a whole number of the auto-close sweep's, for the next test.
      await manual.api('POST', '/_sim/clock/advance', { ms: 120_000 });
      await expect.poll(() => offer.count()).toBe(0);

      // Leave the manual world quiet for the next test: whoever holds the offer now closes it.
      let next = '';
      await expect
        .poll(async () => {
          next = (await manual.conversation(opened.id)).offer?.agentId ?? '';
          return next;
        })
        .not.toBe('');
      for (const action of ['accept', 'end', 'close-session'])
        await manual.api('POST', `/api/conversations/${opened.id}/${action}`, { agentId: next });
    }, 30_000);

    it('disables the reply box with the reason on an offer not yet accepted and on a Closed conversation', async () => {
      const world = suite.world();
      const page = suite.page();
      const opened = await world.text('12025550122', 'Reply box please');
      let offeredTo = '';
      await expect
        .poll(async () => {
          offeredTo = (await world.conversation(opened.id)).offer?.agentId ?? '';
          return offeredTo;
        })
        .not.toBe('');
      await page.goto(`${world.url}/agent/${offeredTo}/conversations/${opened.id}`);
      expect(await page.getByTestId('composer-text').isDisabled()).toBe(true);
      expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
      expect(await page.getByTestId('composer-reason').textContent()).toBe(
        'Offered to you: accept the offer to reply.',
      );

      await world.api('POST', `/api/conversations/${opened.id}/accept`, { agentId: offeredTo });
      await expect.poll(() => page.getByTestId('composer-text').isDisabled()).toBe(false);
      expect(await page.getByTestId('composer-reason').textContent()).toBe('');

      await world.api('POST', `/api/conversations/${opened.id}/end`, { agentId: offeredTo });
      await world.api('POST', `/api/conversations/${opened.id}/close-session`, {
        agentId: offeredTo,
      });
      await expect.poll(() => page.getByTestId('composer-text').isDisabled()).toBe(true);
      expect(await page.getByTestId('composer-reason').textContent()).toContain('Closed');
      expect(await page.getByTestId('composer-send').getAttribute('title')).toContain('Closed');
    }, 30_000);
  });
}
