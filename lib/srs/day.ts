import { TZDate, tzOffset } from "@date-fns/tz";
import { SrsError } from "./errors";
import { isValidTimeZone } from "./settings";
import { assertDate } from "./validate";

/** Options for {@link studyDay} and {@link dayKey}: the learner's settings of the same names. */
export interface StudyDayOptions {
  /** IANA time zone, e.g. `"Europe/Berlin"` (see `isValidTimeZone`). */
  timeZone: string;
  /** Local hour (integer 0..23) at which a new study day begins; 4 means 03:59 still belongs to the day before. */
  dayStartHour: number;
}

/** A learner's study day. */
export interface StudyDay {
  /** First instant of the day (inclusive). */
  start: Date;
  /** First instant of the next day (exclusive). Usually 24 h after `start`; 23 h or 25 h across a DST change. */
  end: Date;
  /** The local calendar date on which the day starts, `YYYY-MM-DD`; e.g. "2026-03-29". */
  key: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkOptions(options: StudyDayOptions): void {
  if (typeof options.timeZone !== "string" || !isValidTimeZone(options.timeZone)) {
    throw new SrsError({ path: "timeZone", message: `"${String(options.timeZone)}" is not a time zone this server knows.` });
  }
  const hour = options.dayStartHour;
  if (typeof hour !== "number" || !Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new SrsError({ path: "dayStartHour", message: "Choose the hour a new day starts, from 0 to 23." });
  }
}

/** Offset of `timeZone` from UTC at `instantMs`, in ms (Europe/Berlin in winter: +3 600 000). */
function offsetMs(timeZone: string, instantMs: number): number {
  return tzOffset(timeZone, new Date(instantMs)) * MINUTE_MS;
}

/**
 * The instant at which the study day of local date (year, monthIndex, day) begins: the **first** instant at which
 * the local wall clock reads `hour:00` on that date.
 * - Wall time occurring twice (clocks going back over it): the earlier occurrence. (TZDate's constructor is
 *   not consistent here: it resolves Europe/Berlin to the later occurrence and America/New_York to the earlier.)
 * - Wall time skipped (clocks jumping over it): the instant of the jump, i.e. the first instant after `hour:00`.
 */
function startInstant(timeZone: string, year: number, monthIndex: number, day: number, hour: number): number {
  // The wall time read as if it were UTC; the real instant is wall − offset for the offset then in force.
  const wall = Date.UTC(year, monthIndex, day, hour);
  // Offsets in force around that wall time (no zone has two transitions within a day of each other).
  const offsets = [...new Set([offsetMs(timeZone, wall - DAY_MS), offsetMs(timeZone, wall), offsetMs(timeZone, wall + DAY_MS)])];
  const candidates = offsets.map((offset) => wall - offset);
  const valid = candidates.filter((instant, index) => offsetMs(timeZone, instant) === offsets[index]);
  if (valid.length > 0) return Math.min(...valid);
  // Skipped wall time: find the transition between the earliest and latest candidate by bisection (to 1 ms).
  let low = Math.min(...candidates); // local time here is before `hour:00`
  let high = Math.max(...candidates); // local time here is after it
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (middle + offsetMs(timeZone, middle) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

function formatKey(year: number, monthIndex: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(monthIndex + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function parseKey(key: string, path: string): { year: number; monthIndex: number; day: number } {
  const match = KEY_PATTERN.exec(key);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || formatKey(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) !== key) {
    throw new SrsError({ path, message: `Expected a date key like "2026-03-29", got "${String(key)}".` });
  }
  return { year: date.getUTCFullYear(), monthIndex: date.getUTCMonth(), day: date.getUTCDate() };
}

function dayFromDate(year: number, monthIndex: number, day: number, options: StudyDayOptions): StudyDay {
  // Date.UTC normalises day + 1 across month and year ends.
  const next = new Date(Date.UTC(year, monthIndex, day + 1));
  return {
    start: new Date(startInstant(options.timeZone, year, monthIndex, day, options.dayStartHour)),
    end: new Date(
      startInstant(options.timeZone, next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate(), options.dayStartHour),
    ),
    key: formatKey(year, monthIndex, day),
  };
}

/**
 * The learner's study day containing `now`: it begins at `dayStartHour`:00 local time in `timeZone` and lasts
 * until the same wall time on the next calendar date, so `start <= now < end`. With `dayStartHour` 4, 03:59 on
 * the 27th belongs to the day keyed "…-26". Correct across daylight-saving changes (23 h and 25 h days): the
 * local calendar date comes from @date-fns/tz's `TZDate`, the start instant from the zone's offsets
 * (`tzOffset`), with the rules of a skipped or repeated hour given at `startInstant` in the source.
 *
 * Throws {@link SrsError} for an invalid date, an unknown time zone, or an hour outside 0..23.
 *
 * @example
 * ```ts
 * // Berlin in winter is UTC+1: 2026-01-27 02:59 UTC is 03:59 local, before 04:00, so it is still the 26th.
 * studyDay(new Date("2026-01-27T02:59:00Z"), { timeZone: "Europe/Berlin", dayStartHour: 4 });
 * // { start: 2026-01-26T03:00:00Z, end: 2026-01-27T03:00:00Z, key: "2026-01-26" }
 * ```
 */
export function studyDay(now: Date, options: StudyDayOptions): StudyDay {
  assertDate(now, "now");
  checkOptions(options);
  const local = new TZDate(now.getTime(), options.timeZone);
  const candidate = dayFromDate(local.getFullYear(), local.getMonth(), local.getDate(), options);
  // Before today's start hour: the previous calendar date's study day. After the next day's start while the
  // local date is still today: only when clocks go back over midnight with dayStartHour 0 (e.g. 00:00 → 23:00).
  const shift = now.getTime() < candidate.start.getTime() ? -1 : now.getTime() >= candidate.end.getTime() ? 1 : 0;
  if (shift === 0) return candidate;
  const other = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate() + shift));
  return dayFromDate(other.getUTCFullYear(), other.getUTCMonth(), other.getUTCDate(), options);
}

/**
 * The study day with the given key (as returned in `StudyDay.key`), e.g. to count reviews per day for a
 * heatmap. Throws {@link SrsError} for a malformed key or invalid options.
 */
export function studyDayOfKey(key: string, options: StudyDayOptions): StudyDay {
  checkOptions(options);
  const { year, monthIndex, day } = parseKey(key, "key");
  return dayFromDate(year, monthIndex, day, options);
}

/** The key (`YYYY-MM-DD`) of the study day containing `instant`; see {@link studyDay}. */
export function dayKey(instant: Date, options: StudyDayOptions): string {
  return studyDay(instant, options).key;
}

/**
 * Whole study days from `fromKey` to `toKey` (negative if `toKey` is earlier), counting calendar dates, so a
 * 23 h or 25 h day still counts as one. For streaks: consecutive days have `daysBetweenKeys(a, b) === 1`.
 * Throws {@link SrsError} for a malformed key.
 *
 * @example
 * ```ts
 * daysBetweenKeys("2026-03-28", "2026-03-30"); // 2
 * daysBetweenKeys("2026-12-31", "2027-01-01"); // 1
 * ```
 */
export function daysBetweenKeys(fromKey: string, toKey: string): number {
  const from = parseKey(fromKey, "fromKey");
  const to = parseKey(toKey, "toKey");
  return Math.round((Date.UTC(to.year, to.monthIndex, to.day) - Date.UTC(from.year, from.monthIndex, from.day)) / DAY_MS);
}
