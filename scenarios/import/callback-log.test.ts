import { describe, expect, it } from 'vitest';
import { CallbackLogError, readCallbackLog } from './callback-log';

const line = (body: unknown, receivedAt = '2026-03-02T09:14:05.118Z') =>
  JSON.stringify({ receivedAt, headers: {}, body: JSON.stringify(body) });
const mo = {
  reference_id: 'A1',
  sub_resource: 'mo_sms',
  user_response: { phone_number: '447700900461', sender_id: '13105550144', mo_message: 'Hi' },
};
const report = { reference_id: 'B2', status: { code: 203, description: 'Delivered to gateway' } };

describe('reading a log of TeleSign callbacks', () => {
  it('reads inbound SMS and delivery reports in the order received', () => {
    const events = readCallbackLog(
      [line(report, '2026-03-02T09:15:00Z'), line(mo, '2026-03-02T09:14:00Z')].join('\n'),
    );
    expect(events.map((e) => e.kind)).toEqual(['inbound', 'report']);
    expect(events[0]).toMatchObject({ from: '447700900461', to: '13105550144', text: 'Hi' });
    expect(events[1]).toMatchObject({ referenceId: 'B2', code: 203, parts: null });
  });

  it('names every bad line, its field and what is allowed', () => {
    const text = [
      line(mo),
      'not json',
      JSON.stringify({ receivedAt: 'yesterday', headers: {}, body: '{}' }),
      line({ ...mo, user_response: { phone_number: 'x', sender_id: '1', mo_message: 'Hi' } }),
      line({ reference_id: 'C3' }),
    ].join('\n');
    const error = (() => {
      try {
        readCallbackLog(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CallbackLogError);
    const problems = (error as CallbackLogError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^line 2: not JSON/);
    expect(problems[1]).toMatch(/^line 3: receivedAt: receivedAt is an ISO 8601 time/);
    expect(problems[2]).toMatch(/^line 4: body \(inbound SMS\): user_response.phone_number/);
    expect(problems[3]).toMatch(/^line 5: body: neither an inbound SMS .* status/);
  });

  it('refuses an empty log', () => {
    expect(() => readCallbackLog('\n\n')).toThrow('the log holds no callbacks');
  });
});
