/**
 * Labels for study-day keys (`YYYY-MM-DD`) on the dashboard. A key names a calendar date, not an instant, so it
 * is formatted as that date in UTC; locale pinned to English like lib/format.
 */
const longFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
const shortFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
const monthFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short" });

function keyToDate(key: string): Date {
  return new Date(`${key}T00:00:00Z`);
}

/** "2026-01-15" → "Thu, 15 Jan 2026". */
export function formatDayLong(key: string): string {
  return longFormat.format(keyToDate(key));
}

/** "2026-01-15" → "15 Jan". */
export function formatDayShort(key: string): string {
  return shortFormat.format(keyToDate(key));
}

/** "2026-01-15" → "Jan". */
export function formatMonth(key: string): string {
  return monthFormat.format(keyToDate(key));
}

/** Day of the week of a key, Monday = 0 … Sunday = 6. */
export function weekdayIndex(key: string): number {
  return (keyToDate(key).getUTCDay() + 6) % 7;
}

