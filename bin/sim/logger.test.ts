import { describe, expect, it } from 'vitest';
import { collectLines, createSimLogger } from './logger';

describe('sim logger', () => {
  it('writes one readable line per event with its level and source', () => {
    const { stream, lines } = collectLines();
    const log = createSimLogger({ level: 'info', json: false, destination: stream });
    log.info({ source: 'channel' }, 'conversation cv_1 routed to queue billing');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/INFO.*\[channel\] conversation cv_1 routed to queue billing$/);
  });

  it('keeps structured payloads out of readable lines', () => {
    const { stream, lines } = collectLines();
    const log = createSimLogger({ level: 'info', json: false, destination: stream });
    log.info({ source: 'channel', event: { type: 'conversation.opened' } }, 'cv_1 opened');
    expect(lines[0]).not.toContain('conversation.opened');
  });

  it('writes JSON lines with --log-json', () => {
    const { stream, lines } = collectLines();
    const log = createSimLogger({ level: 'info', json: true, destination: stream });
    log.info({ source: 'telesign', status: 200 }, 'POST /v1/messaging');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 30,
      source: 'telesign',
      status: 200,
      msg: 'POST /v1/messaging',
    });
  });

  it('drops lines below the chosen level', () => {
    const { stream, lines } = collectLines();
    const log = createSimLogger({ level: 'warn', json: true, destination: stream });
    log.info('hidden');
    log.warn('shown');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['shown']);
  });
});
