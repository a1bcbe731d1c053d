// What an account's settings cause, in words a developer reads beside them ("balance 0.00 USD —
// sends get 402/10030"). The order of the checks is the fake's: trial, hard cap, balance.
import type { ConsoleAccountSettings } from '../settings-schemas';

export interface SettingsEffect {
  /** Which setting it comes from (a `data-effect` attribute for tests). */
  key: 'trial' | 'hard-cap' | 'wallet' | 'sender-ids' | 'additional-info' | 'opt-out';
  text: string;
  /** True when it refuses or changes sends (shown as a warning). */
  blocks: boolean;
}

/** `0` → `0.00`, `9.9925` → `9.9925`: at least two decimals, at most six. */
export function money(amount: number): string {
  const exact = String(Math.round(amount * 1e6) / 1e6);
  const [whole, fraction = ''] = exact.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

function wallet(s: ConsoleAccountSettings): SettingsEffect {
  const price = `${money(s.price_per_segment)} ${s.currency} a segment`;
  if (s.prepaid_balance === null)
    return {
      key: 'wallet',
      text: `Invoiced account: no prepaid wallet to run out of (${price}).`,
      blocks: false,
    };
  const balance = `balance ${money(s.prepaid_balance)} ${s.currency}`;
  if (s.price_per_segment === 0)
    return { key: 'wallet', text: `Prepaid, ${balance}; sends are free.`, blocks: false };
  if (s.prepaid_balance < s.price_per_segment)
    return {
      key: 'wallet',
      text: `Prepaid, ${balance} — sends get 402/10030 (insufficient funds in prepaid wallet).`,
      blocks: true,
    };
  const left = Math.floor(s.prepaid_balance / s.price_per_segment + 1e-9);
  return {
    key: 'wallet',
    text: `Prepaid, ${balance} at ${price}: about ${left} more segment(s), then 402/10030.`,
    blocks: false,
  };
}

function hardCap(s: ConsoleAccountSettings): SettingsEffect {
  if (s.hard_cap === null)
    return { key: 'hard-cap', text: 'No transaction hard cap.', blocks: false };
  if (s.sent_since_cap >= s.hard_cap)
    return {
      key: 'hard-cap',
      text: `Hard cap reached (${s.sent_since_cap} of ${s.hard_cap} sent since it was set) — sends get 429/10020.`,
      blocks: true,
    };
  return {
    key: 'hard-cap',
    text: `Hard cap ${s.hard_cap}: ${s.sent_since_cap} sent since it was set, ${s.hard_cap - s.sent_since_cap} left, then 429/10020.`,
    blocks: false,
  };
}

function trial(s: ConsoleAccountSettings): SettingsEffect {
  if (!s.trial)
    return { key: 'trial', text: 'Full account: any number may be sent to.', blocks: false };
  const verified = s.verified_numbers.length;
  return {
    key: 'trial',
    text:
      verified === 0
        ? 'Trial account with no verified numbers — every send gets 400/10033.'
        : `Trial account — sends to any number but its ${verified} verified one(s) get 400/10033.`,
    blocks: true,
  };
}

export function settingsEffects(s: ConsoleAccountSettings): SettingsEffect[] {
  return [
    trial(s),
    hardCap(s),
    wallet(s),
    {
      key: 'sender-ids',
      text:
        s.sender_ids.length === 0
          ? 'No allow-listed sender ids: a sender_id other than a purchased number is replaced by a TeleSign pool number (the send still succeeds).'
          : `Sender ids ${s.sender_ids.join(', ')} are used as given; any other sender_id but a purchased number is replaced by a TeleSign pool number.`,
      blocks: false,
    },
    {
      key: 'additional-info',
      text: s.additional_info
        ? 'Delivery reports carry additional_info (parts, MCC/MNC, price).'
        : 'Delivery reports carry no additional_info.',
      blocks: false,
    },
    {
      key: 'opt-out',
      text: s.opt_out.enabled
        ? 'Managed opt-out on: STOP (and ARRET, CANCEL, END, QUIT, UNSUBSCRIBE) blocks later sends from that number (accepted, then 510); START resubscribes; HELP is answered. Each gets the reply below.'
        : 'Managed opt-out off: STOP, START and HELP reach the channel as ordinary texts; nothing is blocked and no reply is sent.',
      blocks: false,
    },
  ];
}
