// What a callback is: the job (what to post where), its record (attempts, state) and its plan on disk.

export type CallbackKind = 'delivery-report' | 'inbound';

export interface CallbackJob {
  kind: CallbackKind;
  customerId: string;
  apiKey: string;
  url: string;
  referenceId: string;
  /** The handset the callback is about (a report's recipient, an inbound's sender). */
  phone?: string;
  body: string;
  /** The URL is the account's (not a send's `callback_url`): a restart posts to the account's URL then. */
  accountUrl?: boolean;
}

/** A job as kept on disk: no API key (it is looked up again when the callback is sent). */
export type StoredJob = Omit<CallbackJob, 'apiKey'>;

export interface CallbackAttempt {
  attempt: number;
  at: string;
  /** The receiver's HTTP status, null on a connection error. */
  status: number | null;
  error?: string;
  latencyMs: number;
  duplicate?: boolean;
}

export type CallbackState = 'pending' | 'held' | 'delivered' | 'failed';

export interface CallbackRecord {
  id: number;
  kind: CallbackKind;
  url: string;
  referenceId: string;
  customerId: string;
  state: CallbackState;
  attempts: CallbackAttempt[];
}

/** The attempt a callback waits for, at a time of the shared clock (ms since epoch). */
export interface CallbackPlan {
  attempt: number;
  at: number;
}

/** A callback kept across a restart: one whose retry is pending, or one given up (abandoned). */
export interface SavedCallback {
  record: CallbackRecord;
  job: StoredJob;
  next: CallbackPlan | null;
}
