import { describe, expect, it } from 'vitest';
import { parseSseBlock, readSse, type SseEvent } from './sse-reader';

describe('server-sent events reader', () => {
  it('reads the event name and JSON data of one block, and skips comments', () => {
    expect(parseSseBlock(': hello\nevent: journal\nid: 3\ndata: {"kind":"api"}')).toEqual({
      event: 'journal',
      data: { kind: 'api' },
    });
    expect(parseSseBlock(': only a comment')).toBeNull();
  });

  it('reads events split across chunks and CRLF line ends, until the stream ends', async () => {
    const chunks = ['event: a\r\ndata: {"n"', ':1}\r\n\r\nevent: b\ndata: plain text\n\n'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const seen: SseEvent[] = [];
    await readSse(new Response(body), (e) => seen.push(e), new AbortController().signal);
    expect(seen).toEqual([
      { event: 'a', data: { n: 1 } },
      { event: 'b', data: 'plain text' },
    ]);
  });

  it('stops reading an endless stream when aborted', async () => {
    const body = new ReadableStream<Uint8Array>({ start() {} });
    const abort = new AbortController();
    const done = readSse(new Response(body), () => undefined, abort.signal);
    abort.abort();
    await expect(done).resolves.toBeUndefined();
  });
});
