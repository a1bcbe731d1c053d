// The send use case behind POST /v1/messaging: account state, sender id, managed opt-out, the message.
import { describeSms } from '../../lib/sms-text';
import type { TeleSignProblem } from '../errors/telesign-codes';
import type { Accounts } from './accounts';
import type { DeliverySetting } from './delivery-policy';
import type { MessageRecord } from './messages';
import type { Numbers } from './numbers';
import type { OptOutStore } from './opt-out';
import type { SendRequest } from './send-request';
import type { AccountRecord } from './world-store';

export type SendOutcome =
  | { ok: true; record: MessageRecord; notes: string[] }
  | { ok: false; problem: TeleSignProblem };

/** The number TeleSign sends from when it overrides a sender id (a fictional US toll-free number). */
export const POOL_NUMBER = '18445550199';

export interface SendDeps {
  accounts: Accounts;
  numbers: Numbers;
  optOuts: OptOutStore;
  /** Where the message's delivery setting comes from (handset → number → account → default). */
  deliveryFor(account: AccountRecord, senderId: string, phone: string): DeliverySetting;
  submit(
    account: AccountRecord,
    request: SendRequest,
    senderId: string,
    delivery: DeliverySetting,
  ): MessageRecord;
}

export function createSend(deps: SendDeps) {
  /**
   * The sender id TeleSign actually uses: the requested one when it is one of the account's
   * purchased numbers or on its allow-list; otherwise a pool number of TeleSign's, and the send
   * still succeeds ("TeleSign may override the sender ID value that your end user will receive").
   * Without a sender id, the account's first number (or the pool number when it has none).
   */
  const senderFor = (
    account: AccountRecord,
    requested: string | null,
  ): { senderId: string; note?: string } => {
    if (requested === null) {
      return { senderId: deps.numbers.list(account.customerId)[0]?.number ?? POOL_NUMBER };
    }
    const owned = deps.numbers.find(requested)?.customerId === account.customerId;
    if (owned || account.settings.senderIds.includes(requested)) return { senderId: requested };
    return {
      senderId: POOL_NUMBER,
      note: `sender_id ${requested} overridden by TeleSign pool number ${POOL_NUMBER}: it is neither a number this account purchased nor on its allow-list (settings.sender_ids)`,
    };
  };

  /** Trial (400/10033), hard cap (429/10020), prepaid balance (402/10030), in that order. */
  const accountProblem = (account: AccountRecord, request: SendRequest): TeleSignProblem | null => {
    const s = account.settings;
    if (s.trial && !s.verifiedNumbers.includes(request.phoneNumber)) {
      return {
        code: 10033,
        hint: `trial account: ${request.phoneNumber} is not one of its verified numbers (${s.verifiedNumbers.join(', ') || 'none'})`,
      };
    }
    if (s.hardCap !== null && s.sentSinceCap >= s.hardCap) {
      return {
        code: 10020,
        hint: `transaction hard cap: ${s.sentSinceCap} of ${s.hardCap} messages sent since the cap was set`,
      };
    }
    const price = priceOf(account, request.message);
    if (s.prepaidBalance !== null && s.prepaidBalance < price) {
      return {
        code: 10030,
        hint: `prepaid balance ${s.prepaidBalance} ${s.currency} is below the price of this message, ${price} ${s.currency}`,
      };
    }
    return null;
  };

  /** Counts the send against the cap and takes its price from the wallet (only when set). */
  const charge = async (account: AccountRecord, request: SendRequest): Promise<void> => {
    const s = account.settings;
    if (s.hardCap === null && s.prepaidBalance === null) return;
    const price = priceOf(account, request.message);
    await deps.accounts.touch(account.customerId, (settings) => {
      if (settings.hardCap !== null) settings.sentSinceCap += 1;
      if (settings.prepaidBalance !== null) {
        settings.prepaidBalance = roundMoney(settings.prepaidBalance - price);
      }
    });
  };

  return async function send(account: AccountRecord, request: SendRequest): Promise<SendOutcome> {
    const notes: string[] = [];
    const refused = accountProblem(account, request);
    if (refused) return { ok: false, problem: refused };
    await charge(account, request);
    const sender = senderFor(account, request.senderId);
    if (sender.note) notes.push(sender.note);
    const { senderId } = sender;
    let delivery = deps.deliveryFor(account, senderId, request.phoneNumber);
    const optedOut = account.settings.optOut.enabled
      ? deps.optOuts.find(request.phoneNumber, senderId)
      : undefined;
    if (optedOut) {
      delivery = { policy: 'opted-out' };
      notes.push(
        `${request.phoneNumber} opted out of ${senderId} (${optedOut.keyword} at ${optedOut.since}): accepted, ends in 510`,
      );
    }
    return { ok: true, record: deps.submit(account, request, senderId, delivery), notes };
  };
}

const roundMoney = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Every segment is billed (TeleSign splits long messages into parts). */
export function priceOf(account: AccountRecord, message: string): number {
  return roundMoney(describeSms(message).segments * account.settings.pricePerSegment);
}
