// The fake TeleSign's state and use cases, keyed by customer id; knows no HTTP.
import { createRealClock } from '../../lib/clock';
import { createRandomIds } from '../../lib/ids';
import { type Accounts, createAccounts } from './accounts';
import { additionalInfo } from './additional-info';
import { type AuthResult, authenticate, type SignedRequest } from './authenticate';
import type { BackendOptions } from './backend-options';
import { type CallbackUrlVerdict, checkCallbackUrl } from './callback-url-rule';
import { type Callbacks, createCallbacks } from './callbacks';
import type { DeliverySetting } from './delivery-policy';
import { createFaults, type Faults } from './faults';
import { createHandsetBook, type HandsetBook } from './handset-book';
import { createHandsets, type Handsets } from './handsets';
import { createInboundSms, type TextFromHandset } from './inbound-sms';
import { createJournal, type Journal } from './journal';
import { createMemoryJournalStore } from './journal-store';
import { createMessages, type MessageRecord, type Messages } from './messages';
import { createNonceCache, type NonceCache } from './nonce-cache';
import { createNumbers, type Numbers } from './numbers';
import { createOptOutStore, type OptOutStore } from './opt-out';
import { createRateLimiter, type RateLimiter } from './rate-limiter';
import { createSend, type SendOutcome } from './send-message';
import type { SendRequest } from './send-request';
import { createMemoryTraffic } from './traffic-store';
import { type AccountRecord, createMemoryStorage, loadWorld } from './world-store';

export type { BackendOptions } from './backend-options';

export type Backend = ReturnType<typeof createBackend>;

/** One shared setting for the messages that use the default policy (no copy per message). */
const DEFAULT_DELIVERY: DeliverySetting = Object.freeze({ policy: 'default' });

export function createBackend(options: BackendOptions = {}) {
  const clock = options.clock ?? createRealClock();
  const ids = options.ids ?? createRandomIds();
  const db = options.storage ?? createMemoryStorage();
  const traffic = options.traffic ?? createMemoryTraffic();
  const capacity = options.messageCapacity ?? 100_000;
  const toleranceMs = options.toleranceMs ?? 15 * 60_000;
  const acceptWallClock = options.acceptWallClockDates ?? clock.kind === 'manual';
  const now = (): number => clock.now();
  const journal: Journal = createJournal(now, options.journalCapacity);
  const journalStore = options.journalStore ?? createMemoryJournalStore();
  const faults: Faults = createFaults();
  const rateLimiter: RateLimiter = createRateLimiter(now);
  const nonces: NonceCache = createNonceCache(now, 2 * toleranceMs);
  const inProcessHosts = (options.inProcessHosts ?? []).map((h) => h.toLowerCase());
  const callbackUrlRule = (url: string, field = 'callback_url'): CallbackUrlVerdict =>
    checkCallbackUrl(url, { field, inProcessHosts });
  const accounts: Accounts = createAccounts(
    db,
    now,
    () => ids.uuid().toUpperCase(),
    callbackUrlRule,
  );
  const numbers: Numbers = createNumbers(db, now);
  const handsets: Handsets = createHandsets(options.handsetLimits);
  const callbacks: Callbacks = createCallbacks({
    clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    journal,
    faults,
    // Each plan of a callback is a traffic line: pending retries and abandoned ones survive a restart.
    persist: (record, next, job) =>
      traffic.append({ t: 'callback', v: record, ...(job ? { job } : {}), next }),
    apiKeyOf: (cid) => accounts.find(cid)?.apiKey ?? null,
    accountUrlOf: (cid) => accounts.find(cid)?.callbackUrl ?? null,
    ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
  });
  const messages: Messages = createMessages({
    clock,
    journal,
    handsets,
    callbacks,
    accountCallbackUrl: (cid) => accounts.find(cid)?.callbackUrl ?? null,
    // An SMS to a purchased number arrives there as if a phone had texted it.
    onDelivered: async (record) => {
      if (numbers.find(record.phoneNumber))
        await textFromHandset(record.senderId, record.phoneNumber, record.message);
    },
    capacity,
    persist: (record) => traffic.append(record),
    apiKeyOf: (cid) => accounts.find(cid)?.apiKey ?? null,
    additionalInfo: (record) => {
      const settings = accounts.find(record.customerId)?.settings;
      return settings?.additionalInfo ? { ...additionalInfo(record, settings) } : null;
    },
  });
  const optOuts: OptOutStore = createOptOutStore(
    () => db.data.optOuts,
    () => db.write(),
  );
  const textFromHandset: TextFromHandset = createInboundSms({
    ids,
    now,
    accounts,
    numbers,
    handsets,
    journal,
    callbacks,
    traffic,
    optOuts,
  });
  const handsetBook: HandsetBook = createHandsetBook({ db, handsets, messages, traffic, now });
  const ready = (async () => {
    journal.restore(await journalStore.load(options.journalCapacity ?? 10_000), journalStore);
    await loadWorld(db);
    dropRefusedCallbackUrls();
    const kept = await traffic.load(capacity, options.handsetLimits);
    messages.restore(kept.messages);
    handsets.restore(kept.handsets);
    handsetBook.restore();
    callbacks.continueIdsAfter(kept.lastCallbackId);
    callbacks.restore(kept.callbacks);
    if (options.resumeOnLoad ?? true) {
      messages.resume();
      callbacks.resume();
    }
  })();

  /** A world file may hold a callback URL set before the rule, or by hand: it is not used, and the journal keeps it. */
  function dropRefusedCallbackUrls(): void {
    for (const account of Object.values(db.data.accounts)) {
      if (account.callbackUrl === null) continue;
      const verdict = callbackUrlRule(account.callbackUrl);
      if (verdict.ok) continue;
      journal.record({
        kind: 'state',
        customerId: account.customerId,
        url: account.callbackUrl,
        detail: `stored callback URL ${account.callbackUrl} dropped at load: ${verdict.hint}; set one with PUT /_sim/accounts/${account.customerId}/callback-url`,
      });
      account.callbackUrl = null;
    }
  }

  const deliveryFor = (account: AccountRecord, senderId: string, phone: string): DeliverySetting =>
    db.data.handsetDelivery[phone] ??
    numbers.find(senderId)?.delivery ??
    account.delivery ??
    DEFAULT_DELIVERY;

  const submit = (
    account: AccountRecord,
    request: SendRequest,
    senderId: string,
    delivery: DeliverySetting,
  ): MessageRecord =>
    messages.submit({
      referenceId: ids.referenceId(),
      customerId: account.customerId,
      apiKey: account.apiKey,
      phoneNumber: request.phoneNumber,
      senderId,
      message: request.message,
      messageType: request.messageType,
      externalId: request.externalId,
      callbackUrl: request.callbackUrl,
      delivery,
    });
  const sendMessage = createSend({ accounts, numbers, optOuts, deliveryFor, submit });
  /** Answered only once the message's line is written (issue 11): a 200 is never forgotten. */
  const send = async (account: AccountRecord, request: SendRequest): Promise<SendOutcome> => {
    const outcome = await sendMessage(account, request);
    if (outcome.ok) await traffic.committed();
    return outcome;
  };

  return {
    clock,
    ids,
    db,
    ready,
    journal,
    faults,
    rateLimiter,
    accounts,
    numbers,
    handsets,
    handsetBook,
    messages,
    callbacks,
    traffic,
    journalStore,
    /** The callback URL rule (§11.5) for `field`, with this simulator's in-process hosts. */
    callbackUrlRule,

    /**
     * Carries on the deliveries and callback retries kept in flight from an earlier run (see
     * `resumeOnLoad`); returns how many.
     */
    async resumeDeliveries(): Promise<number> {
      await ready;
      return messages.resume() + callbacks.resume();
    },

    /** Stops pending deliveries and callbacks and closes the traffic store; what is kept stays. */
    async stop(): Promise<void> {
      messages.pause();
      callbacks.pause();
      await ready.catch(() => undefined);
      await traffic.close();
      await journalStore.close();
    },

    authenticate(request: SignedRequest): AuthResult {
      return authenticate(request, {
        findAccount: accounts.find,
        now,
        nonces,
        toleranceMs,
        acceptWallClock,
      });
    },

    /** POST /v1/messaging after validation: account states, sender id, opt-out, submit, written. */
    send,

    /** Submits a message as is (tests and tools): no account check, the sender id as given. */
    sendMessage(account: AccountRecord, request: SendRequest): MessageRecord {
      const senderId =
        request.senderId ?? numbers.list(account.customerId)[0]?.number ?? 'TeleSign';
      return submit(
        account,
        request,
        senderId,
        deliveryFor(account, senderId, request.phoneNumber),
      );
    },

    async setHandsetDelivery(phone: string, setting: DeliverySetting | null): Promise<void> {
      if (setting) db.data.handsetDelivery[phone] = setting;
      else delete db.data.handsetDelivery[phone];
      await db.write();
    },

    handsetDelivery(phone: string): DeliverySetting | null {
      return db.data.handsetDelivery[phone] ?? null;
    },

    textFromHandset,
    optOuts,

    /**
     * Forgets everything: world, messages (stored ones too), handsets, journal, faults, limits,
     * nonces. With `keepAccounts`, accounts (and their settings, callback URLs, delivery policies)
     * and purchased numbers stay, and so does the nonce cache (a replay stays refused).
     */
    async reset(options: { keepAccounts?: boolean } = {}): Promise<void> {
      await ready;
      if (!options.keepAccounts) {
        db.data.accounts = {};
        db.data.numbers = {};
      }
      db.data.handsetDelivery = {};
      db.data.optOuts = {};
      db.data.handsets = {};
      await db.write();
      messages.reset();
      callbacks.reset();
      handsets.reset();
      journal.clear();
      faults.clear();
      rateLimiter.reset();
      if (!options.keepAccounts) nonces.clear();
      // Last: nothing left to append lines about a message or handset that is gone.
      await traffic.clear();
    },
  };
}
