// Message rules (R-MSG-1..4): the 1600 code-point limit, refusing long or empty agent messages, truncating long inbound ones.
import { ChannelError } from './errors';

const MAX_MESSAGE_CHARS = 1600;

/** Length in Unicode code points (an emoji is one character) (R-MSG-1). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Refuses an agent message that is empty (R-MSG-4) or over 1600 characters (R-MSG-2). */
export function checkOutboundText(text: string): void {
  if (text.trim() === '') throw new ChannelError('MESSAGE_EMPTY', { field: 'text' });
  const chars = charCount(text);
  if (chars > MAX_MESSAGE_CHARS)
    throw new ChannelError('MESSAGE_TOO_LONG', {
      field: 'text',
      message: `A message has at most ${MAX_MESSAGE_CHARS} characters; this one has ${chars}.`,
      limit: MAX_MESSAGE_CHARS,
      length: chars,
    });
}

/** What the transcript keeps of an inbound text: the first 1600 characters, marked when cut (R-MSG-3). */
export function inboundTranscriptText(text: string): {
  text: string;
  truncated: boolean;
  originalChars: number;
} {
  const chars = Array.from(text);
  if (chars.length <= MAX_MESSAGE_CHARS)
    return { text, truncated: false, originalChars: chars.length };
  return {
    text: chars.slice(0, MAX_MESSAGE_CHARS).join(''),
    truncated: true,
    originalChars: chars.length,
  };
}
