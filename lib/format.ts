/**
 * Number formatting for the interface (counts, MACs, bytes). Pure; each function takes the interface locale
 * (lib/i18n/locales.ts), English by default for scripts and logs.
 */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(id, format);
  }
  return format;
}

/** 138357544 → "138,357,544" (the same grouping in Chinese). */
export function formatCount(value: number, locale = "en"): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** 138357544 → "138.36M" in English, "1.38亿" in Chinese (grouped by 万 and 亿). */
export function formatCompact(value: number, locale = "en"): string {
  return numberFormat(locale, { notation: "compact", maximumFractionDigits: 2 }).format(value);
}

/** Bytes in binary units, the unit memory is usually reported in: 3670016 → "3.5 MiB". */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ${units[unit]}`;
}

/**
 * "1 deck", "3 decks", "1,200 reviews": the count (with thousands separators) and the word that fits it (English;
 * `many` defaults to `one` + "s").
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** 31_457_280 → "30 MB": upload sizes and limits in messages (MiB, one decimal, shown as "MB" as browsers do). */
export function formatMegabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}
