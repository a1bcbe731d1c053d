// The hono environment of the faked API: what the guard middleware hands to the routes.
import type { AccountRecord } from '../backend/world-store';

export interface ApiEnv {
  Variables: {
    account: AccountRecord;
    body: string;
    /** The TeleSign code of the answer, for the journal. */
    teleSignCode: number;
    referenceId: string;
  };
}
