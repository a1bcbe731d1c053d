// Turns a state-changing request a session made (through the console, curl or a script) into the
// scenario step that makes the same change, so a recording replays the session it came from.
// Requests the recorder rebuilds another way (texts, agent actions, presence) map to `null`; the
// rest map to a step or are named as not recordable — never dropped without a word.

import { ADMIN_ROUTES } from './admin-request-steps';
import {
  type Json,
  type MappedRequest,
  type Names,
  type ObservedRequest,
  obj,
  type Route,
} from './request-route';

export type { MappedRequest, Names, ObservedRequest } from './request-route';

/** The fake's delivery setting back as a scenario's delivery policy (inverse of deliverySetting). */
function deliveryOf(body: Json): Json | null {
  const policy = body.policy;
  const extra = typeof body.delayMs === 'number' ? { extra: body.delayMs } : {};
  if (policy === 'default') return { policy: 'deliver', ...extra };
  if (typeof policy === 'string') return { policy, ...extra };
  const p = obj(policy);
  if (typeof p.fail === 'number') return { policy: 'fail', code: p.fail, ...extra };
  if (typeof p.after === 'number') return { policy: 'delay', after: p.after, ...extra };
  return null;
}

// Rebuilt from the channel's own records or events: texts, agent actions, presence, callbacks.
const REBUILT: Array<[string, RegExp]> = [
  ['POST', /^\/_sim\/handsets\/[^/]+\/messages$/],
  ['*', /^\/api\/conversations\//],
  ['PUT', /^\/api\/agents\/[^/]+\/presence$/],
];

const ROUTES: Route[] = [
  ...REBUILT.map(([method, pattern]): Route => [method, pattern, () => null]),
  ['POST', /^\/api\/auto-close\/sweep$/, () => ({ step: { sweep: true } })],
  // A handset created before it texts changes nothing a scenario sees (its first text creates it).
  ['PUT', /^\/_sim\/handsets\/[^/]+$/, () => null],
  // The fake TeleSign's control plane.
  [
    'PUT',
    /^\/_sim\/handsets\/([^/]+)\/delivery$/,
    ([, phone], r) => {
      const delivery = deliveryOf(obj(r.body));
      return delivery
        ? { step: { delivery: { handset: phone, ...delivery } } }
        : { unrecorded: `delivery policy ${JSON.stringify(r.body)} for ${phone}` };
    },
  ],
  [
    'PUT',
    /^\/_sim\/faults$/,
    (_, r, n) => {
      const { customerId, ...fault } = obj(r.body);
      return {
        step: {
          fault: {
            ...fault,
            ...(typeof customerId === 'string' && { account: n.name(customerId) }),
          },
        },
      };
    },
  ],
  ['DELETE', /^\/_sim\/faults$/, () => ({ step: { 'clear-faults': true } })],
  [
    'PUT',
    /^\/_sim\/accounts\/([^/]+)\/rate-limit$/,
    ([, cid], r, n) => ({
      step: {
        'rate-limit': { account: n.name(cid ?? ''), perSecond: obj(r.body).perSecond ?? null },
      },
    }),
  ],
  [
    'POST',
    /^\/_sim\/clock\/advance$/,
    (_, r) => (typeof obj(r.body).ms === 'number' ? { step: { advance: obj(r.body).ms } } : null),
  ],
  ...ADMIN_ROUTES,
];

/**
 * Whether a request to `path` could become a step or a note — so a tap reads its body. False for
 * reads, for what the recorder rebuilds from the channel's records (texts, agent actions: the hot
 * paths), and for paths outside both APIs (TeleSign's callbacks, the console's own routes).
 */
export function mayBeRecorded(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (!path.startsWith('/_sim/') && !path.startsWith('/api/')) return false;
  return !REBUILT.some(([m, pattern]) => (m === '*' || m === method) && pattern.test(path));
}

/** The step that repeats `request`, null when the recorder rebuilds it otherwise or it changes nothing. */
export function stepForRequest(request: ObservedRequest, names: Names): MappedRequest {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS')
    return null;
  for (const [method, pattern, map] of ROUTES) {
    if (method !== '*' && method !== request.method) continue;
    const match = pattern.exec(request.path);
    if (match)
      return map(
        [...match].map((p) => (p === undefined ? '' : decodeURIComponent(p))),
        request,
        names,
      );
  }
  if (request.path.startsWith('/_sim/') || request.path.startsWith('/api/'))
    return { unrecorded: `${request.method} ${request.path}` };
  return null;
}
