// Delivery-status precedence (R-MSG-5, R-MSG-7): reports may come late, twice or out of order; a final status stays.
// A status whose code means more than its description carries an explanation for the agent (R-MSG-8).
import type { DeliveryStatus } from './model';

/** TeleSign's intermediate codes; every other code is final. */
export const INTERMEDIATE_CODES: ReadonlySet<number> = new Set([203, 290, 291, 292, 295, 599]);

/** Rank of intermediate codes, so a later stage is not replaced by an earlier one arriving late. */
const STAGE: Record<number, number> = { 290: 1, 291: 2, 292: 3, 295: 3, 599: 3, 203: 4 };

export function isFinalCode(code: number): boolean {
  return !INTERMEDIATE_CODES.has(code);
}

/** TeleSign's "Message blocked by subscriber action or request": the customer opted out (R-MSG-8). */
export const OPTED_OUT_CODE = 510;
export const OPTED_OUT_EXPLANATION = 'the customer opted out of messages from this number';

/** What a status code means for the agent beyond TeleSign's description, or undefined (R-MSG-8). */
export function explainDeliveryCode(code: number): string | undefined {
  return code === OPTED_OUT_CODE ? OPTED_OUT_EXPLANATION : undefined;
}

export interface IncomingStatus {
  code: number;
  description: string;
  at: number;
}

/** The status after applying `incoming`, and whether it changed anything. */
export function applyDeliveryStatus(
  current: DeliveryStatus | undefined,
  incoming: IncomingStatus,
): { status: DeliveryStatus; applied: boolean } {
  const explanation = explainDeliveryCode(incoming.code);
  const next: DeliveryStatus = {
    code: incoming.code,
    description: incoming.description,
    final: isFinalCode(incoming.code),
    updatedAt: incoming.at,
    ...(explanation ? { explanation } : {}),
  };
  if (!current) return { status: next, applied: true };
  if (current.final) return { status: current, applied: false };
  if (next.final) return { status: next, applied: true };
  if (current.code === next.code) return { status: current, applied: false };
  if ((STAGE[next.code] ?? 0) < (STAGE[current.code] ?? 0))
    return { status: current, applied: false };
  return { status: next, applied: true };
}
