// TeleSign's timestamps: RFC 3339 in UTC with microseconds, as in its examples (…T14:05:36.181346Z).

/** `ms` since the epoch as TeleSign writes `updated_on`; the clock has millisecond resolution. */
export function teleSignTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
