// The hono environment of the faked API: what the guard middleware hands to the routes.
import type { AccountRecord } from '../backend/world-store';

export interface ApiEnv {
  Variables: {
    account: AccountRecord;
    body: string;
    /** The TeleSign code of the answer, for the journal. */
    teleSignCode: number;
    referenceId: string;
    /** The fake's explanation of an error answer (journal and `x-sim-hint`). */
    hint: string;
    /** Notes for the journal about what the fake did that TeleSign would do differently. */
    notes: string[];
    /** The message's `phone_number`, for the journal. */
    phone: string;
  };
}
