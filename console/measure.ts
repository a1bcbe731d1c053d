// What a draft costs, counted by the servers' own function (lib/sms-text): the composers show this
// figure, so the page and the transcript never disagree (one source of truth, no count in the browser).
import type { Context } from 'hono';
import { z } from 'zod';
import { describeSms, MAX_MESSAGE_CHARS } from '../lib/sms-text';

export interface Measure {
  chars: number;
  max: number;
  segments: number;
  encoding: string;
  over: boolean;
  /** What the composer shows, worded here so the browser words nothing. */
  counter: string;
  cost: string;
  error: string;
}

export function measureDraft(text: string, max = MAX_MESSAGE_CHARS): Measure {
  const info = describeSms(text);
  const over = info.chars > max;
  return {
    chars: info.chars,
    max,
    segments: info.segments,
    encoding: info.encoding,
    over,
    counter: `${info.chars} / ${max}`,
    cost: `${info.segments} segment${info.segments === 1 ? '' : 's'} · ${info.encoding}`,
    error: over ? `Too long: ${info.chars} characters; the limit is ${max} (R-MSG-2).` : '',
  };
}

// A draft may be far over the limit (pasted text); the count still answers, up to a sane bound.
const measureRequest = z.object({ text: z.string().max(100_000) }).strict();

/** `POST /console/measure` `{ text }` → `Measure`. Reads only; a bad body is a 400 naming the field. */
export async function measureHandler(c: Context) {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return c.json({ error: { code: 'invalid_json', message: 'The body is not JSON.' } }, 400);
  }
  const parsed = measureRequest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    return c.json(
      { error: { code: 'invalid_field', message: `${field}: ${issue?.message}`, field } },
      400,
    );
  }
  return c.json(measureDraft(parsed.data.text));
}
