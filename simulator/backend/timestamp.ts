// TeleSign's timestamps: RFC 3339 in UTC with microseconds, as in its examples (…T14:05:36.181346Z).

let lastMs = Number.NaN;
let lastText = '';

/** `ms` since the epoch as TeleSign writes `updated_on`; the clock has millisecond resolution. */
export function teleSignTimestamp(ms: number): string {
  // A busy fake stamps many records in the same millisecond: format each millisecond once.
  if (ms !== lastMs) {
    const iso = new Date(ms).toISOString(); // …T14:05:36.181Z
    lastText = `${iso.slice(0, -1)}000Z`;
    lastMs = ms;
  }
  return lastText;
}
