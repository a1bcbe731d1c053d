// Turns a state-changing request a session made (through the console, curl or a script) into the
// scenario step that makes the same change, so a recording replays the session it came from.
// Requests the recorder rebuilds another way (texts, agent actions, presence) map to `null`; the
// rest map to a step or are named as not recordable — never dropped without a word.

type Json = Record<string, unknown>;

export interface ObservedRequest {
  /** When the request arrived (the step's `at`). */
  at: number;
  method: string;
  /** The path without query, e.g. /_sim/faults. */
  path: string;
  body: unknown;
  /** The answer's JSON, for ids of what was created. */
  response: unknown;
}

export type MappedRequest = { step: Json } | { unrecorded: string } | null;

export interface Names {
  /** The world's name for an id (agents, queues, contacts, work streams, accounts), or the id. */
  name(id: string): string;
  /** Remembers the name of something the session created. */
  remember(id: string, name: string): void;
  /** A name not yet used for a new contact. */
  fresh(base: string): string;
}

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const defined = (o: Json): Json =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

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

const workStreamFields = (b: Json): Json =>
  defined({
    name: b.name,
    mode: b.mode,
    capacityUnits: b.capacityUnits,
    allowedPresences: b.allowedPresences,
    autoCloseAfterInactivity: b.autoCloseAfterInactivityMs,
    offerTimeout: b.offerTimeoutMs,
  });

type Route = [
  method: string,
  pattern: RegExp,
  map: (m: string[], r: ObservedRequest, n: Names) => MappedRequest,
];

const ROUTES: Route[] = [
  // Rebuilt from the channel's own records or events: texts, agent actions, presence, callbacks.
  ['POST', /^\/_sim\/handsets\/[^/]+\/messages$/, () => null],
  ['*', /^\/api\/conversations\//, () => null],
  ['PUT', /^\/api\/agents\/[^/]+\/presence$/, () => null],
  ['POST', /^\/api\/auto-close\/sweep$/, () => ({ step: { sweep: true } })],
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
  // The channel's admin API.
  [
    'POST',
    /^\/api\/queues$/,
    (_, r, n) => {
      const name = String(obj(r.body).name);
      n.remember(String(obj(r.response).id), name);
      return { step: { 'create-queue': { name } } };
    },
  ],
  [
    'DELETE',
    /^\/api\/queues\/([^/]+)$/,
    ([, id], _, n) => ({ step: { 'delete-queue': { queue: n.name(id ?? '') } } }),
  ],
  [
    'POST',
    /^\/api\/contacts$/,
    (_, r, n) => {
      const b = obj(r.body);
      const name = n.fresh(`${b.firstName ?? 'contact'}-${b.lastName ?? ''}`.toLowerCase());
      n.remember(String(obj(r.response).id), name);
      return {
        step: {
          'create-contact': defined({
            name,
            firstName: b.firstName,
            lastName: b.lastName,
            mobilePhone: b.mobilePhone,
            status: b.status,
            fields: b.fields,
          }),
        },
      };
    },
  ],
  [
    'PATCH',
    /^\/api\/contacts\/([^/]+)$/,
    ([, id], r, n) => {
      const b = obj(r.body);
      return {
        step: {
          'update-contact': defined({
            contact: n.name(id ?? ''),
            mobilePhone: b.mobilePhone,
            status: b.status,
            fields: b.fields,
          }),
        },
      };
    },
  ],
  [
    'DELETE',
    /^\/api\/contacts\/([^/]+)$/,
    ([, id], _, n) => ({ step: { 'delete-contact': { contact: n.name(id ?? '') } } }),
  ],
  [
    'POST',
    /^\/api\/agents$/,
    (_, r, n) => {
      const b = obj(r.body);
      const name = String(b.name);
      n.remember(String(obj(r.response).id), name);
      const queues = Array.isArray(b.queueIds) ? b.queueIds.map((q) => n.name(String(q))) : [];
      return {
        step: {
          'create-agent': defined({ name, queues, capacity: b.capacity, presence: b.presence }),
        },
      };
    },
  ],
  [
    'PATCH',
    /^\/api\/agents\/([^/]+)$/,
    ([, id], r, n) => {
      const b = obj(r.body);
      return {
        step: {
          'update-agent': defined({
            agent: n.name(id ?? ''),
            queues: Array.isArray(b.queueIds)
              ? b.queueIds.map((q) => n.name(String(q)))
              : undefined,
            capacity: b.capacity,
          }),
        },
      };
    },
  ],
  [
    'POST',
    /^\/api\/work-streams$/,
    (_, r, n) => {
      const fields = workStreamFields(obj(r.body));
      n.remember(String(obj(r.response).id), String(fields.name));
      return { step: { 'create-work-stream': fields } };
    },
  ],
  [
    'PATCH',
    /^\/api\/work-streams\/([^/]+)$/,
    ([, id], r, n) => ({
      step: {
        'update-work-stream': { workStream: n.name(id ?? ''), ...workStreamFields(obj(r.body)) },
      },
    }),
  ],
  [
    'DELETE',
    /^\/api\/work-streams\/([^/]+)$/,
    ([, id], _, n) => ({ step: { 'delete-work-stream': { workStream: n.name(id ?? '') } } }),
  ],
  [
    'POST',
    /^\/api\/work-streams\/([^/]+)\/numbers$/,
    ([, id], r, n) => {
      const b = obj(r.body);
      return {
        step: {
          'add-number': defined({
            workStream: n.name(id ?? ''),
            number: b.number,
            type: b.type,
            description: b.description,
          }),
        },
      };
    },
  ],
  [
    'DELETE',
    /^\/api\/work-streams\/([^/]+)\/numbers\/([^/]+)$/,
    ([, id, number], _, n) => ({
      step: { 'remove-number': { workStream: n.name(id ?? ''), number } },
    }),
  ],
  [
    'POST',
    /^\/api\/work-streams\/([^/]+)\/validate-api-key$/,
    ([, id], _, n) => ({ step: { 'validate-key': { workStream: n.name(id ?? '') } } }),
  ],
  [
    'PUT',
    /^\/api\/work-streams\/([^/]+)\/routing-rules$/,
    ([, id], r, n) => {
      const list = Array.isArray(r.body)
        ? r.body
        : Array.isArray(obj(r.body).rules)
          ? (obj(r.body).rules as unknown[])
          : [];
      const rules = list.map((rule) => {
        const x = obj(rule);
        return defined({
          name: x.name,
          condition: x.condition,
          queue: n.name(String(x.queueId)),
        });
      });
      return { step: { 'set-rules': { workStream: n.name(id ?? ''), rules } } };
    },
  ],
  [
    'PUT',
    /^\/api\/work-streams\/([^/]+)\/sms-settings$/,
    ([, id], r, n) => {
      const cid = String(obj(r.body).customerId ?? '');
      const account = n.name(cid);
      // Only a world account can be named: a key typed by hand is a secret the recording must not hold.
      return account !== cid
        ? { step: { 'save-settings': { workStream: n.name(id ?? ''), account } } }
        : { unrecorded: `SMS settings of ${n.name(id ?? '')} with an account outside the world` };
    },
  ],
  ['POST', /^\/api\/numbers\/check$/, () => null],
];

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
