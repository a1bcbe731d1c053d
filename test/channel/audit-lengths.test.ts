// Audit (R-WS-1, R-NUM-6): name and description limits count characters as the rulebook does (code points, R-MSG-1).
import { describe, expect, it } from 'vitest';
import { ChannelError } from '../../channel/domain/errors';
import { createHarness } from './service-harness';

describe('length limits count characters, not UTF-16 units', () => {
  it('accepts a work stream name of 100 emoji (R-WS-1)', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: '😀'.repeat(100), mode: 'push' });
    expect(Array.from(ws.name)).toHaveLength(100);
  });

  it('refuses a work stream name of 101 emoji, counting 101 characters (R-WS-1)', async () => {
    const h = await createHarness();
    const error = await h.service
      .createWorkStream({ name: '😀'.repeat(101), mode: 'push' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).code).toBe('WORK_STREAM_NAME_INVALID');
    expect((error as ChannelError).message).toContain('this one has 101');
  });

  it('accepts a number description of 200 emoji (R-NUM-6)', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'Support', mode: 'push' });
    const saved = await h.service.addNumber(ws.id, {
      number: '14255550100',
      description: '📞'.repeat(200),
    });
    expect(saved.number?.description).toBe('📞'.repeat(200));
  });

  it('refuses a number description of 201 emoji, counting 201 characters (R-NUM-6)', async () => {
    const h = await createHarness();
    const ws = await h.service.createWorkStream({ name: 'Support', mode: 'push' });
    const error = await h.service
      .addNumber(ws.id, { number: '14255550100', description: '📞'.repeat(201) })
      .catch((e: unknown) => e);
    expect((error as ChannelError).code).toBe('NUMBER_DESCRIPTION_TOO_LONG');
    expect((error as ChannelError).message).toContain('this one has 201');
  });
});
