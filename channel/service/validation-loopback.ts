// Validate API key's number check (R-WS-5 clarified): ownership is proved by the test SMS coming back.
import type { ValidationOutcome, WorkStream } from '../domain/model';
import { now, type ServiceContext } from './context';

/** How long (on the injected clock) the looped-back test SMS may take before "number not owned". */
export const LOOPBACK_TIMEOUT_MS = 60_000;

export interface StoredValidation {
  outcome: ValidationOutcome;
  checkedAt: number;
  detail: string;
  /** While `checking`: when the test SMS is given up on. */
  deadline?: number;
}

/** What was recorded while the test SMS travels: TeleSign accepted it, ownership still unproved. */
export function checkingValidation(
  ctx: ServiceContext,
  number: string,
  detail: string,
): StoredValidation {
  const at = now(ctx);
  return {
    outcome: 'checking',
    checkedAt: at,
    detail: `${detail} Waiting up to ${LOOPBACK_TIMEOUT_MS / 1000} s for it to come back to ${number} (R-WS-5).`,
    deadline: at + LOOPBACK_TIMEOUT_MS,
  };
}

/**
 * The validation as the API shows it: a check whose test SMS did not come back by its deadline
 * is "number not owned" — TeleSign overrides a sender id the account does not own, so the SMS
 * went out from another number, or to a number whose owner is someone else.
 */
export function validationView(
  validation: StoredValidation | undefined,
  number: string | undefined,
  at: number,
): { outcome: ValidationOutcome; checkedAt: number; detail: string } | null {
  if (!validation) return null;
  const { outcome, checkedAt, detail, deadline } = validation;
  if (outcome === 'checking' && deadline !== undefined && at >= deadline) {
    return {
      outcome: 'number-not-owned',
      checkedAt: deadline,
      detail: `The test SMS to ${number ?? 'the number'} did not come back within ${LOOPBACK_TIMEOUT_MS / 1000} s: the account does not own ${number ?? 'this number'} (TeleSign sends from a number it owns instead); purchase it on TeleSign (R-NUM-5).`,
    };
  }
  return { outcome, checkedAt, detail };
}

/** The test SMS came back from and to the work stream's number in time: the account owns it. */
export function loopbackArrived(ctx: ServiceContext, workStream: WorkStream): boolean {
  const validation = workStream.sms.validation as StoredValidation | undefined;
  const at = now(ctx);
  if (validation?.outcome !== 'checking') return false;
  if (validation.deadline !== undefined && at >= validation.deadline) return false;
  const number = workStream.number?.number ?? '';
  workStream.sms.validation = {
    outcome: 'valid',
    checkedAt: at,
    detail: `TeleSign accepted the customer ID and API key, and the test SMS came back from and to ${number}: the account owns it.`,
  };
  return true;
}
