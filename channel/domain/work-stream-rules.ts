// Work stream rules (R-WS-1, R-WS-2, R-WS-6): names, capacity, presences, the auto-close minimum, what routing needs.
import { ChannelError } from './errors';
import { charCount } from './message-rules';
import type { Presence, WorkStream } from './model';
import { DEFAULTS, HOUR_MS, PRESENCES } from './model';

export interface WorkStreamFields {
  name?: string | undefined;
  capacityUnits?: number | undefined;
  allowedPresences?: Presence[] | undefined;
  autoCloseAfterInactivityMs?: number | undefined;
  offerTimeoutMs?: number | undefined;
}

/** Beyond this, a conversation needs more than a typical agent holds and would never be assigned. */
export const MAX_CAPACITY_UNITS = 1000;
export const CAPACITY_UNITS_RULE = `Capacity units per conversation must be a whole number from 1 to ${MAX_CAPACITY_UNITS}: a conversation needing more capacity than an agent has could never be assigned.`;

/** Throws the ChannelError for the first field that breaks a rule. */
export function checkWorkStreamFields(fields: WorkStreamFields): void {
  if (fields.name !== undefined) {
    // Characters are code points, as for messages (R-MSG-1): an emoji is one character.
    const length = charCount(fields.name);
    if (fields.name.trim() === '' || length > 100)
      throw new ChannelError('WORK_STREAM_NAME_INVALID', {
        field: 'name',
        message: `A work stream name has 1 to 100 characters; this one has ${fields.name.trim() === '' ? 0 : length}.`,
      });
  }
  if (
    fields.capacityUnits !== undefined &&
    (!Number.isInteger(fields.capacityUnits) ||
      fields.capacityUnits < 1 ||
      fields.capacityUnits > MAX_CAPACITY_UNITS)
  )
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'capacityUnits',
      message: CAPACITY_UNITS_RULE,
    });
  if (fields.allowedPresences !== undefined) {
    const unknown = fields.allowedPresences.find((p) => !PRESENCES.includes(p));
    if (unknown !== undefined || fields.allowedPresences.length === 0)
      throw new ChannelError('VALIDATION_FAILED', {
        field: 'allowedPresences',
        message: `Allowed presences must be a non-empty list of ${PRESENCES.join(', ')}.`,
      });
  }
  const autoClose = fields.autoCloseAfterInactivityMs;
  if (
    autoClose !== undefined &&
    (!Number.isFinite(autoClose) || autoClose < DEFAULTS.minimumAutoCloseMs)
  )
    throw new ChannelError('AUTO_CLOSE_TOO_SHORT', {
      field: 'autoCloseAfterInactivityMs',
      message: `Auto-close after inactivity for SMS must be at least 8 hours (${DEFAULTS.minimumAutoCloseMs} ms); got ${Math.round((autoClose / HOUR_MS) * 100) / 100} hours.`,
      minimumMs: DEFAULTS.minimumAutoCloseMs,
    });
  if (
    fields.offerTimeoutMs !== undefined &&
    (!Number.isFinite(fields.offerTimeoutMs) || fields.offerTimeoutMs < 1000)
  )
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'offerTimeoutMs',
      message: 'The offer timeout must be at least 1000 ms.',
    });
}

export type RoutingRequirement = 'customerId' | 'apiKey' | 'number';

/** What the work stream still lacks before it can route SMS (R-WS-6), in a stable order. */
export function missingForRouting(
  workStream: Pick<WorkStream, 'sms' | 'number'>,
): RoutingRequirement[] {
  const missing: RoutingRequirement[] = [];
  if (!workStream.sms.customerId) missing.push('customerId');
  if (!workStream.sms.apiKey) missing.push('apiKey');
  if (!workStream.number) missing.push('number');
  return missing;
}

/** The refusal for a work stream that cannot route yet, naming what is missing, or null. */
export function routingReadinessError(
  workStream: Pick<WorkStream, 'sms' | 'number'>,
): ChannelError | null {
  const missing = missingForRouting(workStream);
  if (missing.length === 0) return null;
  return new ChannelError('SMS_SETTINGS_INCOMPLETE', {
    field: missing[0],
    message: `The work stream cannot route SMS yet: add ${missing.join(', ')}.`,
    missing,
  });
}

/** The API key as APIs show it: only its last 4 characters (R-WS-3). */
export function maskApiKey(apiKey: string | undefined): string | null {
  if (!apiKey) return null;
  // At most a quarter of the key shows, so a short key is never shown in full (R-WS-3).
  const shown = Math.min(4, Math.floor(apiKey.length / 4));
  return `••••••••${shown > 0 ? apiKey.slice(-shown) : ''}`;
}
