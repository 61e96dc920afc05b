/**
 * Constants and types the Statistics page's server components and its client charts (charts.tsx) share. They
 * live outside the "use client" module: a server component importing a value from a client module gets a client
 * reference, not the value.
 */

export const ACTIVITY_RANGES = [30, 90, 365] as const;
export type ActivityRange = (typeof ACTIVITY_RANGES)[number];

export const FORECAST_RANGES = [30, 90] as const;
export type ForecastRange = (typeof FORECAST_RANGES)[number];

export interface StateRow {
  label: string;
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
}

/** Legend order and names of the card states; the same order as the stacked segments. */
export const CARD_STATE_SERIES: ReadonlyArray<{ key: Exclude<keyof StateRow, "label">; name: string }> = [
  { key: "new", name: "New" },
  { key: "learning", name: "Learning" },
  { key: "review", name: "Review" },
  { key: "relearning", name: "Relearning" },
  { key: "suspended", name: "Suspended" },
];

