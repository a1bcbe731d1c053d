// `POST /console/handsets` `{ phone }`: the New handset form. The console normalises what was typed
// (`+1 (202) 555-0199` → digits; blank → a random fictional number), then creates the handset at the
// fake TeleSign (`PUT /_sim/handsets/{phone}`) and answers in the relay's shape (always 200 with the
// API's status and body, decision 042). Behind the same front door as the relay: same origin, JSON.
import type { Context } from 'hono';
import { z } from 'zod';
import { normaliseHandsetNumber, randomHandsetNumber } from './handset-number';
import { type RelayOptions, relayCall } from './relay';

const requestSchema = z
  .object({ phone: z.string().max(40, 'must be at most 40 characters') })
  .strict();

const refused = (field: string, message: string) => ({
  status: 400,
  body: { error: { code: 'invalid_field', message: `${field}: ${message}`, field } },
});

export function createHandsetHandler(options: RelayOptions, random?: () => number) {
  return async (c: Context) => {
    let json: unknown;
    try {
      json = JSON.parse(await c.req.text());
    } catch {
      return c.json(refused('(root)', 'the body is not JSON'));
    }
    const parsed = requestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field =
        issue?.code === 'unrecognized_keys'
          ? (issue.keys[0] ?? '(root)')
          : issue?.path.join('.') || '(root)';
      return c.json(refused(field, issue?.message ?? 'invalid'));
    }
    const typed = parsed.data.phone;
    let phone: string;
    if (typed.trim() === '') phone = randomHandsetNumber(random);
    else {
      const outcome = normaliseHandsetNumber(typed);
      if (!outcome.ok) return c.json(refused('phone', outcome.message));
      phone = outcome.phone;
    }
    return c.json(
      await relayCall(options, {
        target: 'telesign',
        method: 'PUT',
        path: `/_sim/handsets/${phone}`,
      }),
    );
  };
}
