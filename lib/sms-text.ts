// What an SMS text costs: its length in code points and its segments and encoding.
import { SegmentedMessage } from 'sms-segments-calculator';

export const MAX_MESSAGE_CHARS = 1600;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsTextInfo {
  /** Unicode code points (an emoji is one, though it is two UTF-16 units). */
  chars: number;
  encoding: SmsEncoding;
  segments: number;
}

/** Length in Unicode code points, the unit of the 1600-character limit (R-MSG-1). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first `max` code points of `text`. */
export function truncateCodePoints(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('');
}

/** Encoding and segment count as a carrier counts them (GSM-7 160/153, UCS-2 70/67, extensions count 2). */
export function describeSms(text: string): SmsTextInfo {
  const message = new SegmentedMessage(text);
  return {
    chars: codePointLength(text),
    encoding: message.encodingName,
    segments: text.length === 0 ? 1 : message.segmentsCount,
  };
}
