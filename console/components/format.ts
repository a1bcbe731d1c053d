// Small text formats shared by the console pages (times, durations, phone numbers).

export function clockTime(ms: number | string): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString().slice(11, 19);
}

export function dateTime(ms: number | string): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime())
    ? String(ms)
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function duration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}

/** `12025550101` → `+1 202 555 0101` when it looks North American; otherwise `+<digits>`. */
export function prettyPhone(digits: string): string {
  const d = digits.replace(/^\+/, '');
  const m = /^1(\d{3})(\d{3})(\d{4})$/.exec(d);
  return m ? `+1 ${m[1]} ${m[2]} ${m[3]}` : `+${d}`;
}

/** A moment to the second (`2026-11-30 21:04:05 UTC`), for histories where seconds matter. */
export function preciseTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime())
    ? String(ms)
    : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
