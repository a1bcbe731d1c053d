// Per-account settings of revision 2 (reference/telesign.md §11): managed opt-out, prepaid balance,
// trial account, transaction hard cap, sender id allow-list, additional_info on reports.
import { z } from 'zod';

export interface OptOutSettings {
  /** TeleSign's managed opt-out: on by default. */
  enabled: boolean;
  stopReply: string;
  startReply: string;
  helpReply: string;
}

export interface AccountSettings {
  optOut: OptOutSettings;
  /** Prepaid wallet in `currency`; null = invoiced account (no balance to run out of). */
  prepaidBalance: number | null;
  /** What one SMS segment costs, charged to the wallet and shown in additional_info. */
  pricePerSegment: number;
  currency: string;
  /** A trial account sends only to its verified numbers (10033). */
  trial: boolean;
  verifiedNumbers: string[];
  /** Sends allowed since the cap was set; null = no cap (10020 beyond it). */
  hardCap: number | null;
  /** Sends counted against `hardCap` (reset when the cap is set). */
  sentSinceCap: number;
  /** Sender ids TeleSign allow-listed for this account, besides its purchased numbers. */
  senderIds: string[];
  /** Delivery reports carry `additional_info` (parts, mcc/mnc, price). */
  additionalInfo: boolean;
}

export const DEFAULT_REPLIES = {
  stop: 'You are unsubscribed from messages from this number. No more messages will be sent. Reply START to resubscribe.',
  start: 'You are resubscribed to messages from this number. Reply STOP to unsubscribe.',
  help: 'Reply STOP to unsubscribe or START to resubscribe. Msg & data rates may apply.',
} as const;

export function defaultSettings(): AccountSettings {
  return {
    optOut: {
      enabled: true,
      stopReply: DEFAULT_REPLIES.stop,
      startReply: DEFAULT_REPLIES.start,
      helpReply: DEFAULT_REPLIES.help,
    },
    prepaidBalance: null,
    pricePerSegment: 0.0075,
    currency: 'USD',
    trial: false,
    verifiedNumbers: [],
    hardCap: null,
    sentSinceCap: 0,
    senderIds: [],
    additionalInfo: false,
  };
}

/** Stored settings of any earlier version, completed with today's defaults. */
export function completeSettings(stored: unknown): AccountSettings {
  const base = defaultSettings();
  if (typeof stored !== 'object' || stored === null) return base;
  const s = stored as Partial<AccountSettings>;
  return { ...base, ...s, optOut: { ...base.optOut, ...(s.optOut ?? {}) } };
}

const reply = z.string().min(1, 'must not be empty').max(1600, 'must be at most 1600 characters');
const phone = z
  .string()
  .regex(/^[1-9][0-9]{6,14}$/, 'must be 7 to 15 digits with the country code, no "+"');

/** `PUT /_sim/accounts/{cid}/settings`: some or all fields, snake_case like the rest of the control plane. */
export const settingsInputSchema = z
  .object({
    opt_out: z
      .object({
        enabled: z.boolean().optional(),
        stop_reply: reply.optional(),
        start_reply: reply.optional(),
        help_reply: reply.optional(),
      })
      .strict()
      .optional(),
    prepaid_balance: z.number().min(0).max(1_000_000_000).nullable().optional(),
    price_per_segment: z.number().min(0).max(100).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .optional(),
    trial: z.boolean().optional(),
    verified_numbers: z.array(phone).max(1000).optional(),
    hard_cap: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
    sender_ids: z
      .array(z.string().regex(/^[A-Za-z0-9 ]{1,20}$/, 'must be 1 to 20 letters, digits or spaces'))
      .max(1000)
      .optional(),
    additional_info: z.boolean().optional(),
  })
  .strict();

export type SettingsInput = z.infer<typeof settingsInputSchema>;

/** Applies a validated change; setting `hard_cap` starts its count again. */
export function applySettings(current: AccountSettings, input: SettingsInput): AccountSettings {
  const next: AccountSettings = { ...current, optOut: { ...current.optOut } };
  const o = input.opt_out;
  if (o?.enabled !== undefined) next.optOut.enabled = o.enabled;
  if (o?.stop_reply !== undefined) next.optOut.stopReply = o.stop_reply;
  if (o?.start_reply !== undefined) next.optOut.startReply = o.start_reply;
  if (o?.help_reply !== undefined) next.optOut.helpReply = o.help_reply;
  if (input.prepaid_balance !== undefined) next.prepaidBalance = input.prepaid_balance;
  if (input.price_per_segment !== undefined) next.pricePerSegment = input.price_per_segment;
  if (input.currency !== undefined) next.currency = input.currency;
  if (input.trial !== undefined) next.trial = input.trial;
  if (input.verified_numbers !== undefined)
    next.verifiedNumbers = [...new Set(input.verified_numbers)];
  if (input.hard_cap !== undefined) {
    next.hardCap = input.hard_cap;
    next.sentSinceCap = 0;
  }
  if (input.sender_ids !== undefined) next.senderIds = [...new Set(input.sender_ids)];
  if (input.additional_info !== undefined) next.additionalInfo = input.additional_info;
  return next;
}

/** How the control plane shows the settings. */
export function presentSettings(s: AccountSettings) {
  return {
    opt_out: {
      enabled: s.optOut.enabled,
      stop_reply: s.optOut.stopReply,
      start_reply: s.optOut.startReply,
      help_reply: s.optOut.helpReply,
    },
    prepaid_balance: s.prepaidBalance,
    price_per_segment: s.pricePerSegment,
    currency: s.currency,
    trial: s.trial,
    verified_numbers: s.verifiedNumbers,
    hard_cap: s.hardCap,
    sent_since_cap: s.sentSinceCap,
    sender_ids: s.senderIds,
    additional_info: s.additionalInfo,
  };
}
