/**
 * Figures for the Statistics page, made on the server so the charts' labels, tooltips and summaries agree with the
 * tables (and server and browser never format differently). Words come from the `stats` messages.
 */

/** 0.8734 → "87%"; null → "–". Whole percents: the charts cannot show more precision than that. */
export function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

/**
 * Hours and minutes for the `stats.duration` message: 754 000 ms → "13 min"; 3 900 000 ms → "1 h 5 min";
 * 0 → "0 min".
 */
export function durationParts(ms: number): { hours: number; minutes: number } {
  const minutes = Math.round(ms / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** Milliseconds as minutes with one decimal, for the time chart's bars. */
export function minutesOf(ms: number): number {
  return Math.round(ms / 6_000) / 10;
}
