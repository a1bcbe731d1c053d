import { describe, expect, it } from 'vitest';
import { conversationOf, createHarness } from '../../test/channel/service-harness';
import { HOUR_MS } from '../domain/model';
import { sweepTickFor } from './sweep-schedule';

describe('sweepTickFor', () => {
  it('is the first tick at or after the due time, never the origin itself', () => {
    expect(sweepTickFor(0, 60, 125, 0)).toBe(180);
    expect(sweepTickFor(0, 60, 120, 0)).toBe(120);
    expect(sweepTickFor(0, 60, -500, 0)).toBe(60);
  });

  it('is after now when the conversation is already due (that tick has passed)', () => {
    expect(sweepTickFor(0, 60, 30, 120)).toBe(180);
    expect(sweepTickFor(0, 60, 30, 130)).toBe(180);
  });
});

describe('the auto-close sweep on a manual clock (R-CV-3)', () => {
  const waitingConversation = async () => {
    const h = await createHarness({ sweepIntervalMs: 60_000 });
    await h.workStream();
    const ann = await h.agent('Ann');
    await h.clock.advance(12_345);
    const id = conversationOf(await h.text('hello'));
    await h.service.accept(ann, id);
    await h.service.closeSession(ann, id);
    return { h, id, waitingSince: h.clock.now(), origin: h.clock.now() - 12_345 };
  };

  it('closes a Waiting conversation at the first minute tick at or after it is due, as a sweep a minute would', async () => {
    const { h, id, waitingSince, origin } = await waitingConversation();
    const due = waitingSince + 48 * HOUR_MS;
    const tick = sweepTickFor(origin, 60_000, due, h.clock.now());
    expect(tick - due).toBeGreaterThan(0);
    expect(tick - due).toBeLessThan(60_000);
    await h.clock.advanceTo(tick - 1);
    expect(h.service.getConversation(id).state).toBe('waiting');
    await h.clock.advanceTo(tick);
    const closed = h.service.getConversation(id);
    expect(closed.state).toBe('closed');
    expect(closed.transitions.at(-1)).toMatchObject({ to: 'closed', at: tick });
  });

  it('keeps one sweep pending, at the tick it is needed, instead of one a minute', async () => {
    const { h, waitingSince, origin } = await waitingConversation();
    const tick = sweepTickFor(origin, 60_000, waitingSince + 48 * HOUR_MS, h.clock.now());
    expect(h.clock.pending().filter((t) => t.label === 'auto-close-sweep')).toEqual([
      { at: tick, label: 'auto-close-sweep' },
    ]);
  });

  it('moves the sweep earlier when a work stream shortens its auto-close', async () => {
    const { h, id, waitingSince, origin } = await waitingConversation();
    const ws = h.service.listWorkStreams()[0]?.id ?? '';
    await h.service.updateWorkStream(ws, { autoCloseAfterInactivityMs: 8 * HOUR_MS });
    const tick = sweepTickFor(origin, 60_000, waitingSince + 8 * HOUR_MS, h.clock.now());
    await h.clock.advanceTo(tick);
    expect(h.service.getConversation(id).state).toBe('closed');
  });
});
