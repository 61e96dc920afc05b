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

/** A card state: a column of `StateRow`, named by the `stats.states.<key>` message. */
export type CardStateKey = Exclude<keyof StateRow, "label">;

/** Legend order of the card states; the same order as the stacked segments. */
export const CARD_STATE_SERIES: ReadonlyArray<{ key: CardStateKey }> = [
  { key: "new" },
  { key: "learning" },
  { key: "review" },
  { key: "relearning" },
  { key: "suspended" },
];

