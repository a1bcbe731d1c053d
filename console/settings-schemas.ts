// What the console reads of an account's settings at the fake TeleSign (`GET /_sim/accounts/{cid}/settings`).
import { z } from 'zod';

export const accountSettingsSchema = z.looseObject({
  opt_out: z.looseObject({
    enabled: z.boolean(),
    stop_reply: z.string(),
    start_reply: z.string(),
    help_reply: z.string(),
  }),
  prepaid_balance: z.number().nullable(),
  price_per_segment: z.number(),
  currency: z.string(),
  trial: z.boolean(),
  verified_numbers: z.array(z.string()),
  hard_cap: z.number().nullable(),
  sent_since_cap: z.number(),
  sender_ids: z.array(z.string()),
  additional_info: z.boolean(),
});
export type ConsoleAccountSettings = z.infer<typeof accountSettingsSchema>;
