/**
 * Dates of the customs working day. "Today", date conditions of queries and overdue counting use Beijing time
 * (UTC+8, no daylight saving), whatever the server's time zone.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing calendar date begins. */
export function beijingDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS);
}

/** The date `n` calendar days after `date` (negative: before). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

const isWeekend = (date: string): boolean => {
  const d = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return d === 0 || d === 6;
};

/** The date `n` working days (Monday-Friday) before `date`. Public holidays are not modelled. */
export function subtractWorkingDays(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (!isWeekend(d)) left -= 1;
  }
  return d;
}
