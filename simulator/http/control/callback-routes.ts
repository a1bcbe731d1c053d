// Control plane: callbacks TeleSign gave up on after the last retry, and redelivering one (§11.12).
import { Hono } from 'hono';
import type { Backend } from '../../backend/backend';
import { SimulatorError } from '../../errors/control-errors';

export function callbackRoutes(backend: Backend) {
  const r = new Hono();
  r.get('/callbacks/abandoned', (c) => c.json(backend.callbacks.abandoned()));
  r.post('/callbacks/:id/redeliver', async (c) => {
    const raw = c.req.param('id');
    if (!/^[1-9][0-9]{0,15}$/.test(raw)) {
      throw new SimulatorError('invalid_field', 'id must be a positive whole number', 'id');
    }
    const record = await backend.callbacks.redeliver(Number(raw));
    if (!record) {
      throw new SimulatorError(
        'not_found',
        `no abandoned callback ${raw}; see GET /_sim/callbacks/abandoned`,
        'id',
      );
    }
    return c.json(record);
  });
  return r;
}
