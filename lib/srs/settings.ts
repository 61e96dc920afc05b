import { z } from "zod";
import { SrsError } from "./errors";

const STEP_PATTERN = /^([1-9][0-9]{0,8})(s|m|h|d)$/;
const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;
/** The longest step: 36 500 days (100 years), ts-fsrs's own cap on an interval (`S_MAX`, `default_maximum_interval`). */
const MAX_STEP_MINUTES = 36_500 * 1_440;
/** At most 10 steps per list (an arbitrary, generous bound: Anki's defaults use 1 or 2). */
export const MAX_STEPS = 10;

/**
 * Length of a step in whole minutes, or `null` when the text is not a step.
 *
 * Why minutes: ts-fsrs counts steps in minutes (its `StepUnit` is `m | h | d` and it reads the number with
 * `parseInt`, so `"0.5m"` would become 0 minutes and graduate the card at once). A step given in seconds is
 * accepted only when it is a whole number of minutes (`"120s"` → 2).
 *
 * @example
 * ```ts
 * stepMinutes("10m"); // 10
 * stepMinutes("1h");  // 60
 * stepMinutes("1d");  // 1440
 * stepMinutes("90s"); // null (1.5 minutes)
 * ```
 */
export function stepMinutes(step: string): number | null {
  const match = STEP_PATTERN.exec(step);
  if (!match) return null;
  const seconds = Number(match[1]) * SECONDS_PER_UNIT[match[2] as keyof typeof SECONDS_PER_UNIT];
  return seconds % 60 === 0 ? seconds / 60 : null;
}

const stepSchema = z.string({ error: "Write each step as text, like \"10m\"." }).superRefine((step, context) => {
  const match = STEP_PATTERN.exec(step);
  if (!match) {
    context.addIssue({
      code: "custom",
      message: `"${step}" is not a step: write a whole number above 0 and a unit, like 30s, 1m, 10m, 1h or 1d.`,
    });
    return;
  }
  const minutes = stepMinutes(step);
  if (minutes === null) {
    context.addIssue({
      code: "custom",
      message: `"${step}" is not a whole number of minutes: the scheduler counts steps in minutes, so use 1m or more (120s is 2m).`,
    });
  } else if (minutes > MAX_STEP_MINUTES) {
    context.addIssue({ code: "custom", message: `"${step}" is too long: a step can be at most 36500d.` });
  }
});

const stepsSchema = (what: string) =>
  z
    .array(stepSchema, { error: `Give the ${what} steps as a list, like ["1m", "10m"].` })
    .max(MAX_STEPS, `Use at most ${MAX_STEPS} ${what} steps.`);

/** Names already found valid, so `studyDay` does not build an `Intl.DateTimeFormat` on every call. */
const knownTimeZones = new Set<string>();

/**
 * True when `timeZone` is an IANA time zone name this runtime knows (`"Europe/Berlin"`, `"UTC"`,
 * `"Etc/GMT+1"`). Checked by constructing an `Intl.DateTimeFormat`, which throws a `RangeError` for unknown
 * names; fixed offsets such as `"+01:00"` are rejected (newer runtimes accept them in `Intl`, but they have no
 * daylight saving rules, so they are not what a learner means by their time zone).
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (knownTimeZones.has(timeZone)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    return false;
  }
  // Remember valid names only, and at most 1000 of them (other spellings such as "europe/berlin" are valid too).
  if (knownTimeZones.size < 1_000) knownTimeZones.add(timeZone);
  return true;
}

/** The canonical spelling of a valid zone (`"utc"` → `"UTC"`, `"europe/berlin"` → `"Europe/Berlin"`). */
function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
}

/** Default scheduler settings, as stored for a new user. */
export const DEFAULT_SCHEDULER_SETTINGS = Object.freeze({
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  reviewsPerDay: 200,
  timeZone: "UTC",
  dayStartHour: 4,
  learningSteps: Object.freeze(["1m", "10m"]) as readonly string[],
  relearningSteps: Object.freeze(["10m"]) as readonly string[],
  maximumIntervalDays: 36_500,
  enableFuzz: true,
});

/**
 * zod schema of a learner's scheduler settings. Every field is optional on input and takes its default
 * (see {@link DEFAULT_SCHEDULER_SETTINGS}); unknown keys are dropped, so a user row can be parsed directly.
 * Messages are sentences for the settings form.
 *
 * | field | bounds (inclusive) | default |
 * |---|---|---|
 * | `desiredRetention` | 0.70 – 0.99 (probability of recall FSRS aims for at the due date) | 0.90 |
 * | `newCardsPerDay` | integer 0 – 1000 | 20 |
 * | `reviewsPerDay` | integer 0 – 10000 | 200 |
 * | `timeZone` | IANA name known to `Intl` (canonicalised, `"utc"` → `"UTC"`) | `"UTC"` |
 * | `dayStartHour` | integer 0 – 23, local hour at which a new study day begins | 4 |
 * | `learningSteps` | 0 – 10 steps, each a whole number of minutes from 1m to 36500d | `["1m", "10m"]` |
 * | `relearningSteps` | same as learning steps | `["10m"]` |
 * | `maximumIntervalDays` | integer 1 – 36500 | 36500 |
 * | `enableFuzz` | boolean | `true` |
 *
 * Bounds of the daily limits and of the step count are this project's choice (the brief gives none); the
 * 36500-day cap is ts-fsrs's `default_maximum_interval`.
 */
export const schedulerSettingsSchema = z.object({
  desiredRetention: z
    .number({ error: "Choose a desired retention from 0.70 to 0.99." })
    .min(0.7, "Choose a desired retention from 0.70 to 0.99.")
    .max(0.99, "Choose a desired retention from 0.70 to 0.99.")
    .default(DEFAULT_SCHEDULER_SETTINGS.desiredRetention),
  newCardsPerDay: z
    .number({ error: "Enter how many new cards a day, from 0 to 1000." })
    .int("Enter a whole number of new cards a day.")
    .min(0, "Enter how many new cards a day, from 0 to 1000.")
    .max(1_000, "Enter how many new cards a day, from 0 to 1000.")
    .default(DEFAULT_SCHEDULER_SETTINGS.newCardsPerDay),
  reviewsPerDay: z
    .number({ error: "Enter how many reviews a day, from 0 to 10000." })
    .int("Enter a whole number of reviews a day.")
    .min(0, "Enter how many reviews a day, from 0 to 10000.")
    .max(10_000, "Enter how many reviews a day, from 0 to 10000.")
    .default(DEFAULT_SCHEDULER_SETTINGS.reviewsPerDay),
  timeZone: z
    .string({ error: "Choose a time zone, like Europe/Berlin." })
    .trim()
    .refine(isValidTimeZone, { error: (issue) => `"${String(issue.input)}" is not a time zone this server knows; choose one like Europe/Berlin or UTC.` })
    .transform(canonicalTimeZone)
    .default(DEFAULT_SCHEDULER_SETTINGS.timeZone),
  dayStartHour: z
    .number({ error: "Choose the hour a new day starts, from 0 to 23." })
    .int("Choose a whole hour, from 0 to 23.")
    .min(0, "Choose the hour a new day starts, from 0 to 23.")
    .max(23, "Choose the hour a new day starts, from 0 to 23.")
    .default(DEFAULT_SCHEDULER_SETTINGS.dayStartHour),
  learningSteps: stepsSchema("learning").default(() => [...DEFAULT_SCHEDULER_SETTINGS.learningSteps]),
  relearningSteps: stepsSchema("relearning").default(() => [...DEFAULT_SCHEDULER_SETTINGS.relearningSteps]),
  maximumIntervalDays: z
    .number({ error: "Enter the longest interval in days, from 1 to 36500." })
    .int("Enter a whole number of days.")
    .min(1, "Enter the longest interval in days, from 1 to 36500.")
    .max(36_500, "Enter the longest interval in days, from 1 to 36500.")
    .default(DEFAULT_SCHEDULER_SETTINGS.maximumIntervalDays),
  enableFuzz: z.boolean({ error: "Choose whether to fuzz intervals (true or false)." }).default(DEFAULT_SCHEDULER_SETTINGS.enableFuzz),
});

/** Number of FSRS-6 parameters (w0..w20), as ts-fsrs's `default_w` and the optimiser's output have. */
export const FSRS_PARAMETER_COUNT = 21;

/**
 * zod schema of a learner's personal FSRS parameters (User.fsrsParameters, written by "Optimise my scheduler"):
 * either empty, meaning ts-fsrs's defaults (`default_w`), or exactly {@link FSRS_PARAMETER_COUNT} finite numbers
 * (zod rejects NaN and ±Infinity). Why not more checks: ts-fsrs clamps each weight into its own range
 * (`CLAMP_PARAMETERS`) when it builds a scheduler, and the optimiser's output already lies in those ranges; what
 * ts-fsrs cannot repair is a wrong length (it silently falls back to the defaults) or a non-finite value (NaN
 * would spread to every interval), so those are refused here.
 *
 * Not part of {@link schedulerSettingsSchema}: the settings form must neither send nor clear them.
 */
export const fsrsParametersSchema = z
  .array(z.number({ error: "Each FSRS parameter must be a finite number." }), { error: "Give the FSRS parameters as a list of numbers." })
  .refine((parameters) => parameters.length === 0 || parameters.length === FSRS_PARAMETER_COUNT, {
    error: `Give all ${FSRS_PARAMETER_COUNT} FSRS parameters, or none for the defaults.`,
  });

/** A learner's validated scheduler settings (every field present). See {@link schedulerSettingsSchema} for bounds. */
export type SchedulerSettings = z.output<typeof schedulerSettingsSchema>;
/** What {@link parseSchedulerSettings} accepts: every field optional. */
export type SchedulerSettingsInput = z.input<typeof schedulerSettingsSchema>;

/** Converts a zod error to an {@link SrsError} whose issues carry the dotted field path (`learningSteps.1`). */
export function srsErrorFromZod(error: z.ZodError, prefix = ""): SrsError {
  return new SrsError(
    error.issues.map((issue) => ({
      path: [prefix, ...issue.path.map(String)].filter((part) => part !== "").join("."),
      message: issue.message,
    })),
    { cause: error },
  );
}

/**
 * Validates settings and fills in defaults; throws {@link SrsError} listing every invalid field.
 *
 * @example
 * ```ts
 * parseSchedulerSettings({ timeZone: "Europe/Berlin" }).learningSteps; // ["1m", "10m"]
 * parseSchedulerSettings({ dayStartHour: 24 });
 * // throws SrsError "dayStartHour: Choose the hour a new day starts, from 0 to 23."
 * ```
 */
export function parseSchedulerSettings(input: unknown): SchedulerSettings {
  const result = schedulerSettingsSchema.safeParse(input ?? {});
  if (!result.success) throw srsErrorFromZod(result.error);
  return result.data;
}
