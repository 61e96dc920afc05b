/**
 * Labels for study-day keys (`YYYY-MM-DD`) on the dashboard and the Statistics page. A key names a calendar date,
 * not an instant, so it is formatted as that date in UTC, in the interface locale (lib/i18n/locales.ts). English
 * keeps its day-month order ("15 Jan 2026"); months alone use US English, which abbreviates September as "Sep".
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
    formats.set(id, format);
  }
  return format;
}

/** The Intl locale for day labels: British English for "en" (day before month), the interface locale otherwise. */
function dayLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

/** The Intl locale for month and weekday names alone. */
function nameLocale(locale: string): string {
  return locale === "en" ? "en-US" : locale;
}

function keyToDate(key: string): Date {
  return new Date(`${key}T00:00:00Z`);
}

/** "2026-01-15" → "Thu, 15 Jan 2026" (zh-Hans: "2026年1月15日周四"). */
export function formatDayLong(key: string, locale: string): string {
  return dateFormat(dayLocale(locale), { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(keyToDate(key));
}

/** "2026-01-15" → "15 Jan" (zh-Hans: "1月15日"). */
export function formatDayShort(key: string, locale: string): string {
  return dateFormat(dayLocale(locale), { day: "numeric", month: "short" }).format(keyToDate(key));
}

/** "2026-01-15" → "Jan" (zh-Hans: "1月"). */
export function formatMonth(key: string, locale: string): string {
  return dateFormat(nameLocale(locale), { month: "short" }).format(keyToDate(key));
}

/** Short name of a weekday, Monday = 0 … Sunday = 6: 0 → "Mon" (zh-Hans: "周一"). */
export function formatWeekday(index: number, locale: string): string {
  // 1 January 2024 was a Monday.
  return dateFormat(nameLocale(locale), { weekday: "short" }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/** Day of the week of a key, Monday = 0 … Sunday = 6. */
export function weekdayIndex(key: string): number {
  return (keyToDate(key).getUTCDay() + 6) % 7;
}
