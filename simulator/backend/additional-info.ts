// `additional_info` on delivery reports, for accounts that enable it (reference/telesign.md §11.11).
import { createHash } from 'node:crypto';
import type { AccountSettings } from './account-settings';
import type { MessageRecord } from './messages';

/** A mobile network per calling code (fictional traffic, real-looking codes): [mcc, mnc]. */
const NETWORKS: [string, string, string][] = [
  ['44', '234', '10'],
  ['33', '208', '01'],
  ['49', '262', '01'],
  ['61', '505', '01'],
  ['1', '310', '260'],
];

export interface AdditionalInfo {
  message_parts_count: number;
  message_parts_reference_ids: string[];
  mcc: string | null;
  mnc: string | null;
  price: number;
  currency: string;
}

/** One 32-hex id per part, derived from the message's reference id (stable across reports). */
export function partReferenceIds(referenceId: string, parts: number): string[] {
  return Array.from({ length: parts }, (_, i) =>
    createHash('sha256')
      .update(`${referenceId}:${i + 1}`)
      .digest('hex')
      .slice(0, 32)
      .toUpperCase(),
  );
}

export function additionalInfo(record: MessageRecord, settings: AccountSettings): AdditionalInfo {
  const network = NETWORKS.find(([code]) => record.phoneNumber.startsWith(code));
  return {
    message_parts_count: record.segments,
    message_parts_reference_ids: partReferenceIds(record.referenceId, record.segments),
    mcc: network?.[1] ?? null,
    mnc: network?.[2] ?? null,
    price: Math.round(record.segments * settings.pricePerSegment * 1e6) / 1e6,
    currency: settings.currency,
  };
}
