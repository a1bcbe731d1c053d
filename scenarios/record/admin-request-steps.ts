// The channel's admin API, request by request, as the scenario steps that make the same change.
import { defined, type Json, obj, type Route } from './request-route';

const workStreamFields = (b: Json): Json =>
  defined({
    name: b.name,
    mode: b.mode,
    capacityUnits: b.capacityUnits,
    allowedPresences: b.allowedPresences,
    autoCloseAfterInactivity: b.autoCloseAfterInactivityMs,
    offerTimeout: b.offerTimeoutMs,
  });

/** Each admin route, its step (new things get a name later steps use). */
export const ADMIN_ROUTES: Route[] = [
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
