// How the control plane shows backend records: snake_case JSON, like TeleSign's own bodies.
import { presentSettings } from '../../backend/account-settings';
import type { MessageRecord } from '../../backend/messages';
import type { AccountRecord, NumberRecord } from '../../backend/world-store';

export function presentAccount(a: AccountRecord) {
  return {
    customer_id: a.customerId,
    api_key: a.apiKey,
    callback_url: a.callbackUrl,
    created_at: a.createdAt,
    rate_limit_per_second: a.rateLimitPerSecond,
    delivery: a.delivery,
    settings: presentSettings(a.settings),
  };
}

export function presentNumber(n: NumberRecord) {
  return {
    number: n.number,
    customer_id: n.customerId,
    type: n.type,
    country: n.country,
    purchased_at: n.purchasedAt,
    delivery: n.delivery,
  };
}

export function presentMessage(m: MessageRecord) {
  const status = (s: MessageRecord['status']) => ({
    code: s.code,
    description: s.description,
    updated_on: s.updatedOn,
  });
  return {
    reference_id: m.referenceId,
    customer_id: m.customerId,
    phone_number: m.phoneNumber,
    sender_id: m.senderId,
    message: m.message,
    message_type: m.messageType,
    external_id: m.externalId,
    callback_url: m.callbackUrl,
    submit_timestamp: m.submittedAt,
    chars: m.chars,
    segments: m.segments,
    encoding: m.encoding,
    delivery: m.delivery,
    status: status(m.status),
    history: m.history.map(status),
    callbacks: m.callbacks,
  };
}
