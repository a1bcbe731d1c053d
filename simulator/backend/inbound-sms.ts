// A handset texts a TeleSign number: managed opt-out keywords, then the signed mo_sms to the owner.
import type { Ids } from '../../lib/ids';
import { describeSms } from '../../lib/sms-text';
import { SimulatorError } from '../errors/control-errors';
import type { Accounts } from './accounts';
import type { Callbacks } from './callbacks';
import type { Handsets, OutboxMessage } from './handsets';
import type { Journal } from './journal';
import type { Numbers } from './numbers';
import { type Keyword, keywordOf, type OptOutStore } from './opt-out';
import { teleSignTimestamp } from './timestamp';
import type { TrafficStore } from './traffic-store';
import type { AccountRecord } from './world-store';

export interface InboundSmsDeps {
  ids: Ids;
  now(): number;
  accounts: Accounts;
  numbers: Numbers;
  handsets: Handsets;
  journal: Journal;
  callbacks: Callbacks;
  traffic: TrafficStore;
  optOuts: OptOutStore;
}

export type TextFromHandset = (phone: string, to: string, text: string) => Promise<OutboxMessage>;

export function createInboundSms(deps: InboundSmsDeps): TextFromHandset {
  const { ids, now, journal, handsets, traffic, optOuts } = deps;

  /** TeleSign answers the keyword from the number itself; the reply lands in the phone's inbox. */
  const reply = (phone: string, from: string, text: string): void => {
    const info = describeSms(text);
    const received = {
      referenceId: ids.referenceId(),
      from,
      text,
      receivedAt: teleSignTimestamp(now()),
      segments: info.segments,
      encoding: info.encoding,
    };
    handsets.receive(phone, received);
    traffic.append({ t: 'inbox', phone, v: received });
  };

  const manageOptOut = async (
    account: AccountRecord,
    phone: string,
    to: string,
    keyword: Keyword,
    text: string,
  ): Promise<void> => {
    const settings = account.settings.optOut;
    if (keyword === 'stop') {
      await optOuts.add({
        phone,
        number: to,
        customerId: account.customerId,
        keyword: text.trim(),
        since: teleSignTimestamp(now()),
      });
      reply(phone, to, settings.stopReply);
    } else if (keyword === 'start') {
      await optOuts.remove(phone, to);
      reply(phone, to, settings.startReply);
    } else {
      reply(phone, to, settings.helpReply);
    }
    const state =
      keyword === 'stop'
        ? `opted out of ${to}; later messages from ${to} to ${phone} end in 510`
        : keyword === 'start'
          ? `opted back in to ${to}`
          : 'help requested';
    journal.record({
      kind: 'state',
      customerId: account.customerId,
      phone,
      detail: `managed opt-out: ${phone} texted ${text.trim()} to ${to}: ${state}; TeleSign's reply sent to the handset`,
    });
  };

  return async function textFromHandset(phone, to, text) {
    const number = deps.numbers.find(to);
    if (!number) {
      throw new SimulatorError('not_found', `${to} is not a purchased TeleSign number`, 'to');
    }
    const account = deps.accounts.get(number.customerId);
    const referenceId = ids.referenceId();
    const sentAt = teleSignTimestamp(now());
    const entry: OutboxMessage = {
      referenceId,
      to,
      text,
      sentAt,
      customerId: account.customerId,
      callback: null,
    };
    handsets.send(phone, entry);
    if (!account.callbackUrl) {
      entry.note = `account ${account.customerId} has no callback URL; nothing was posted`;
    }
    traffic.append({ t: 'outbox', phone, v: entry });
    journal.record({
      kind: 'state',
      customerId: account.customerId,
      referenceId,
      phone,
      detail: `inbound SMS from ${phone} to ${to} (${text.length} UTF-16 units)`,
    });
    const keyword = account.settings.optOut.enabled ? keywordOf(text) : null;
    if (keyword) await manageOptOut(account, phone, to, keyword, text);
    // Written before the owner hears of it or the handset's sender gets an answer: never forgotten.
    await traffic.committed();
    if (!account.callbackUrl) return entry;
    // The mo_sms is posted for keywords too: the customer's text is theirs to see.
    const body = JSON.stringify({
      reference_id: referenceId,
      submit_timestamp: sentAt,
      sub_resource: 'mo_sms',
      errors: [],
      status: { code: 1500, description: 'Delivered to customer', updated_on: sentAt },
      user_response: { phone_number: phone, sender_id: to, mo_message: text },
    });
    entry.callback = await deps.callbacks.dispatch({
      kind: 'inbound',
      customerId: account.customerId,
      apiKey: account.apiKey,
      url: account.callbackUrl,
      accountUrl: true,
      referenceId,
      phone,
      body,
    });
    return entry;
  };
}
