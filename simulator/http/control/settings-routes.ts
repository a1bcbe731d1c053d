// Control plane: an account's revision-2 settings (opt-out, balance, trial, cap, sender ids, reports).
import { Hono } from 'hono';
import { presentSettings, settingsInputSchema } from '../../backend/account-settings';
import type { Backend } from '../../backend/backend';
import { readJson } from './control-http';

export function settingsRoutes(backend: Backend) {
  const r = new Hono();
  r.get('/accounts/:cid/settings', (c) =>
    c.json(presentSettings(backend.accounts.get(c.req.param('cid')).settings)),
  );
  r.put('/accounts/:cid/settings', async (c) => {
    const cid = backend.accounts.get(c.req.param('cid')).customerId;
    const input = await readJson(c, settingsInputSchema);
    const account = await backend.accounts.updateSettings(cid, input);
    backend.journal.record({
      kind: 'control',
      customerId: cid,
      detail: `settings changed: ${Object.keys(input).join(', ') || 'nothing'}`,
    });
    return c.json(presentSettings(account.settings));
  });
  return r;
}
