import { describe, expect, it } from 'vitest';
import type { ConsoleAccountSettings } from '../settings-schemas';
import { money, settingsEffects } from './settings-effects';

const base: ConsoleAccountSettings = {
  opt_out: { enabled: true, stop_reply: 's', start_reply: 's', help_reply: 'h' },
  prepaid_balance: null,
  price_per_segment: 0.0075,
  currency: 'USD',
  trial: false,
  verified_numbers: [],
  hard_cap: null,
  sent_since_cap: 0,
  sender_ids: [],
  additional_info: false,
};
const effect = (s: Partial<ConsoleAccountSettings>, key: string) =>
  settingsEffects({ ...base, ...s }).find((e) => e.key === key);

describe('what account settings cause', () => {
  it('writes money with two to six decimals', () => {
    expect([money(0), money(12.5), money(9.9925), money(1 / 3)]).toEqual([
      '0.00',
      '12.50',
      '9.9925',
      '0.333333',
    ]);
  });

  it('says a balance below one segment gets 402/10030, and how far a larger one goes', () => {
    expect(effect({ prepaid_balance: 0.005 }, 'wallet')).toEqual({
      key: 'wallet',
      text: 'Prepaid, balance 0.005 USD — sends get 402/10030 (insufficient funds in prepaid wallet).',
      blocks: true,
    });
    expect(effect({ prepaid_balance: 0.0075 }, 'wallet')?.text).toBe(
      'Prepaid, balance 0.0075 USD at 0.0075 USD a segment: about 1 more segment(s), then 402/10030.',
    );
  });

  it('says a reached hard cap gets 429/10020 and counts down one not reached', () => {
    expect(effect({ hard_cap: 2, sent_since_cap: 2 }, 'hard-cap')?.blocks).toBe(true);
    expect(effect({ hard_cap: 3, sent_since_cap: 2 }, 'hard-cap')?.text).toBe(
      'Hard cap 3: 2 sent since it was set, 1 left, then 429/10020.',
    );
  });

  it('says a trial account without verified numbers refuses every send with 400/10033', () => {
    expect(effect({ trial: true }, 'trial')).toEqual({
      key: 'trial',
      text: 'Trial account with no verified numbers — every send gets 400/10033.',
      blocks: true,
    });
  });
});
