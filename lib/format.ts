/**
 * Number formatting for the interface (counts, MACs, bytes). Pure and locale-pinned to "en" until the
 * internationalisation issue makes it follow the learner's language.
 */
const grouped = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const compactFormat = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 });

/** 138357544 → "138,357,544". */
export function formatCount(value: number): string {
  return grouped.format(value);
}

/** 138357544 → "138.36M". */
export function formatCompact(value: number): string {
  return compactFormat.format(value);
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
