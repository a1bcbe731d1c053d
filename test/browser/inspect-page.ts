// Inspect in the browser: the journal's rows open in full, filters live in the URL, Copy as curl.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayFile } from '../../scenarios/engine/replay';
import { ARTIFACTS, type ConsoleSuite, SALES_LINE } from './launcher';

export function inspectPageTests(suite: ConsoleSuite): void {
  describe('Inspect', () => {
    it("opens a refused request's journal row and reads TeleSign's code, description, headers and form fields", async () => {
      const world = suite.world();
      const page = suite.page();
      const { customerId, apiKey } = world.sim.marker;
      const basic = Buffer.from(`${customerId}:${apiKey}`).toString('base64');
      const sent = await fetch(`${world.sim.telesignUrl}/v1/messaging`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'phone_number=12025550130&message=Hello&message_type=BOGUS',
      });
      expect(sent.status).toBe(400);

      await page.goto(`${world.url}/inspect?kind=api&status=400`);
      const row = page.getByTestId('inspect-entry').first();
      expect(await row.getByTestId('inspect-code').textContent()).toMatch(/^11017 /);
      await row.getByTestId('inspect-open').click();
      await page.waitForURL(/\/inspect\/journal\/\d+$/);
      expect(await page.getByTestId('telesign-code').textContent()).toBe('11017');
      expect(await page.getByTestId('telesign-description').textContent()).not.toBe('');
      expect(await page.getByTestId('signature-verdict').textContent()).toContain('Basic');
      const form = page.getByTestId('journal-request-form');
      expect(await form.textContent()).toContain('message_typeBOGUS');
      // The API key never shows: Basic credentials are masked in the journal.
      expect(await page.getByTestId('journal-request').textContent()).not.toContain(apiKey);
      expect(await page.getByTestId('journal-response-body').textContent()).toContain(
        '"code": 11017',
      );
      await suite.shot('inspect-journal-entry');

      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByTestId('copy-curl').click();
      await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Copied');
      const copied = String(await page.evaluate('navigator.clipboard.readText()'));
      expect(copied).toMatch(/^curl -X POST '.*\/v1\/messaging'/);
      expect(copied).toContain(
        "--data-raw 'phone_number=12025550130&message=Hello&message_type=BOGUS'",
      );
    }, 30_000);

    it('filters the journal by phone, with the filter in the URL, and opens a callback with its attempts', async () => {
      const world = suite.world();
      const page = suite.page();
      await world.text('12025550131', 'First phone');
      await world.text('12025550132', 'Second phone');
      await page.goto(`${world.url}/inspect`);
      await page.getByTestId('filter-phone').fill('+1 202 555 0132');
      await page.getByTestId('filter-apply').click();
      await page.waitForURL(/phone=%2B1\+202\+555\+0132/);
      const phones = await page
        .getByTestId('inspect-entry')
        .evaluateAll((rows) => rows.map((r) => r.children[5]?.textContent ?? ''));
      expect(phones.length).toBeGreaterThan(0);
      expect([...new Set(phones)], page.url()).toEqual(['+1 202 555 0132']);
      await suite.shot('inspect-journal');

      // The same view from its URL alone.
      await page.goto(`${world.url}/inspect?kind=callback&phone=12025550132`);
      const callback = page.getByTestId('inspect-entry').first();
      expect(await callback.getAttribute('data-kind')).toBe('callback');
      await callback.getByTestId('inspect-open').click();
      await page.getByTestId('callback-attempts').waitFor();
      expect(await page.getByTestId('callback-attempt').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('signature-verdict').textContent()).toContain('signed');
      expect(await page.getByTestId('journal-request-body').textContent()).toContain('mo_sms');
      expect(await page.getByTestId('journal-response').textContent()).toContain('HTTP 200');
    }, 30_000);

    it("shows a conversation's offers beside its transitions: the rejected one and the accepted one, as the API has them", async () => {
      const world = suite.world();
      const page = suite.page();
      const opened = await world.text('12025550145', 'Offer history, please');
      let offered = '';
      await expect
        .poll(async () => {
          offered = (await world.conversation(opened.id)).offer?.agentId ?? '';
          return offered;
        })
        .not.toBe('');
      await world.api('POST', `/api/conversations/${opened.id}/reject`, { agentId: offered });
      let next = '';
      await expect
        .poll(async () => {
          next = (await world.conversation(opened.id)).offer?.agentId ?? '';
          return next !== '' && next !== offered;
        })
        .toBe(true);
      await world.api('POST', `/api/conversations/${opened.id}/accept`, { agentId: next });
      const { offers } = await world.api<{ offers: Array<{ agentId: string; outcome: string }> }>(
        'GET',
        `/api/conversations/${opened.id}`,
      );
      expect(offers.map((o) => o.outcome)).toEqual(['rejected', 'accepted']);

      await page.goto(`${world.url}/inspect/conversations/${opened.id}`);
      // An accepted offer is final: no live refresh can take the row away again.
      await page.locator('[data-testid="record-offer"][data-outcome="accepted"]').waitFor();
      const rows = await page
        .getByTestId('record-offer')
        .evaluateAll((trs) =>
          trs.map((tr) => `${tr.getAttribute('data-agent-id')} ${tr.getAttribute('data-outcome')}`),
        );
      expect(rows).toEqual(offers.map((o) => `${o.agentId} ${o.outcome}`));
      expect(await page.getByTestId('record-transitions').isVisible()).toBe(true);
    }, 30_000);

    it('finds a Closed conversation by search, shows its history, and downloads it as a recording that replays "same"', async () => {
      const world = suite.world();
      const page = suite.page();
      // A pick-mode line: who takes it is the agent's act, not the routing of the moment, so a
      // fresh world replays it the same whatever else the shared test world is busy with.
      const cv = await world.text('12025550140', 'My zebra-striped parcel is lost', SALES_LINE);
      const agentId = await world.agentId('Ben Agent');
      await world.api('POST', `/api/conversations/${cv.id}/pick`, { agentId });
      await world.api('POST', `/api/conversations/${cv.id}/messages`, {
        agentId,
        text: 'Found it, it arrives tomorrow.',
      });
      await expect
        .poll(async () => {
          const { messages } = await world.api<{
            messages: Array<{ delivery?: { code: number } }>;
          }>('GET', `/api/conversations/${cv.id}`);
          return messages.at(-1)?.delivery?.code;
        })
        .toBe(200);
      await world.api('POST', `/api/conversations/${cv.id}/end`, { agentId });
      await world.api('POST', `/api/conversations/${cv.id}/close-session`, { agentId });

      await page.goto(`${world.url}/inspect/conversations`);
      await page.getByTestId('conversation-search').fill('zebra');
      await page.getByTestId('conversation-state-filter').selectOption('closed');
      await page.getByTestId('conversation-search-apply').click();
      await page.waitForURL(/q=zebra&state=closed/);
      const rows = page.getByTestId('conversation-row');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute('data-conversation-id')).toBe(cv.id);
      await suite.shot('inspect-conversations');

      await rows.first().getByTestId('conversation-open').click();
      await page.getByTestId('conversation-record').waitFor();
      const transitions = await page.getByTestId('record-transition').allTextContents();
      expect(transitions.join('\n')).toMatch(/wrap-up → closed/);
      expect(await page.getByTestId('record-reference').count()).toBeGreaterThan(0);
      await suite.shot('inspect-conversation');

      const [recording] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-recording').click(),
      ]);
      const file = join(ARTIFACTS, `conversation-${cv.id}.yaml`);
      await recording.saveAs(file);
      const outcome = await replayFile(file);
      expect(outcome.diff).toEqual([]);
      expect(outcome.same).toBe(true);
      // The replay can fail: the same recording expecting another final state differs.
      const tampered = join(ARTIFACTS, `conversation-${cv.id}-tampered.yaml`);
      const text = await readFile(file, 'utf8');
      expect(text).toContain('state: closed');
      await writeFile(tampered, text.replace('state: closed', 'state: active'));
      expect((await replayFile(tampered)).same).toBe(false);

      const [transcript] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-transcript').click(),
      ]);
      const json = JSON.parse(await readFile((await transcript.path()) as string, 'utf8'));
      expect(json).toMatchObject({ id: cv.id, state: 'closed' });
    }, 60_000);
  });
}
