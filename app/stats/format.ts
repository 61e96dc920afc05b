/**
 * Text for the Statistics page's figures, made on the server so the charts' labels, tooltips and summaries agree
 * with the tables (and server and browser never format differently). English only, like lib/format.
 */

export { plural } from "@/lib/format";

/** 0.8734 → "87%"; null → "–". Whole percents: the charts cannot show more precision than that. */
export function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

/** 754 000 ms → "13 min"; 3 900 000 ms → "1 h 5 min"; 0 → "0 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

/** Milliseconds as minutes with one decimal, for the time chart's bars. */
export function minutesOf(ms: number): number {
  return Math.round(ms / 6_000) / 10;
}
