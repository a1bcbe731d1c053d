import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../lib/clock';
import { SSE_BACKLOG_LIMIT } from '../../simulator/http/control/observe-routes';
import { createSimulator } from '../../simulator/index';

describe('the journal event stream', () => {
  it('drops a reader that falls 1 000 entries behind, instead of buffering without bound', async () => {
    const sim = createSimulator({ clock: createManualClock(0) });
    try {
      const response = await sim.app.request('/_sim/events');
      const reader = response.body!.getReader();
      // The reader reads nothing while the journal grows past the limit.
      for (let i = 0; i < SSE_BACKLOG_LIMIT + 50; i++) {
        sim.backend.journal.record({ kind: 'control', detail: `entry ${i}` });
      }
      let ended = false;
      for (let i = 0; i < SSE_BACKLOG_LIMIT + 100 && !ended; i++) {
        const next = await reader.read().catch(() => ({ done: true }));
        ended = next.done === true;
      }
      expect(ended).toBe(true);
    } finally {
      await sim.close();
    }
  });
});
