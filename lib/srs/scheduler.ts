// Internal: one ts-fsrs scheduler per distinct set of scheduling parameters (not exported from index.ts).
import { fsrs, type FSRS, type StepUnit } from "ts-fsrs";
import { fsrsParametersSchema, schedulerSettingsSchema, srsErrorFromZod, stepMinutes, type SchedulerSettings } from "./settings";

/** The settings that change how a card is scheduled (the rest only shape the daily queue). */
export type ReviewSettings = Pick<
  SchedulerSettings,
  "desiredRetention" | "learningSteps" | "relearningSteps" | "maximumIntervalDays" | "enableFuzz"
> & {
  /**
   * The learner's own FSRS-6 weights (21 finite numbers, see `fsrsParametersSchema`); absent or empty means
   * ts-fsrs's defaults (`default_w`).
   */
  parameters?: readonly number[];
};

const reviewSettingsSchema = schedulerSettingsSchema
  .pick({
    desiredRetention: true,
    learningSteps: true,
    relearningSteps: true,
    maximumIntervalDays: true,
    enableFuzz: true,
  })
  .extend({ parameters: fsrsParametersSchema.optional() });

/** Distinct parameter sets are few (most learners keep the defaults); the bound only stops unbounded growth. */
const MAX_CACHED = 64;
const cache = new Map<string, FSRS>();

/** Steps as whole minutes, the only unit ts-fsrs reads exactly (it `parseInt`s the number). */
function toFsrsSteps(steps: readonly string[]): StepUnit[] {
  // Steps were validated by the schema, so stepMinutes never returns null here.
  return steps.map((step) => `${stepMinutes(step) ?? 0}m` as StepUnit);
}

/**
 * The ts-fsrs scheduler for these settings, built on first use and cached by a key of the scheduling fields
 * (steps compared in minutes, so `"1h"` and `"60m"` share one; the personal parameters compared number by number,
 * with absent and empty both meaning the defaults). Settings are validated only on a cache
 * miss: a key is cached only after its values passed the schema, and equal keys mean equal values.
 * Throws {@link SrsError} when a scheduling field is invalid.
 *
 * Sharing an instance is safe: ts-fsrs sets the instance's fuzz seed at the start of every `next`/`repeat`
 * call and uses it synchronously within that call.
 */
export function schedulerFor(settings: ReviewSettings): FSRS {
  const probe = {
    desiredRetention: settings.desiredRetention,
    learningSteps: settings.learningSteps,
    relearningSteps: settings.relearningSteps,
    maximumIntervalDays: settings.maximumIntervalDays,
    enableFuzz: settings.enableFuzz,
    parameters: settings.parameters,
  };
  // JSON writes NaN and Infinity as null, so invalid weights may share a key with other invalid ones, but never
  // with a valid set: a key is only stored after validation, and null is not a number the schema accepts.
  const keyOf = (s: ReviewSettings) => {
    if (s.parameters !== undefined && !Array.isArray(s.parameters)) throw new TypeError("parameters is not an array");
    return JSON.stringify([
      s.desiredRetention,
      s.maximumIntervalDays,
      s.enableFuzz,
      s.learningSteps.map(stepMinutes),
      s.relearningSteps.map(stepMinutes),
      s.parameters ?? [],
    ]);
  };
  let key: string | undefined;
  try {
    key = keyOf(probe);
  } catch {
    key = undefined; // e.g. steps or parameters not an array: fall through to validation, which reports it.
  }
  const cached = key === undefined ? undefined : cache.get(key);
  if (cached) return cached;

  const parsed = reviewSettingsSchema.safeParse(probe);
  if (!parsed.success) throw srsErrorFromZod(parsed.error, "settings");
  const valid = parsed.data;
  const scheduler = fsrs({
    request_retention: valid.desiredRetention,
    maximum_interval: valid.maximumIntervalDays,
    enable_fuzz: valid.enableFuzz,
    enable_short_term: true,
    learning_steps: toFsrsSteps(valid.learningSteps),
    relearning_steps: toFsrsSteps(valid.relearningSteps),
    // Absent `w` gives ts-fsrs's `default_w`; given weights are clamped by ts-fsrs into its ranges, with a lower
    // ceiling for w17/w18 when there are several relearning steps (the optimiser is told the same step count).
    ...(valid.parameters !== undefined && valid.parameters.length > 0 ? { w: [...valid.parameters] } : {}),
  });
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(keyOf(valid), scheduler);
  return scheduler;
}

/** A scheduler with ts-fsrs's default weights, for computations that do not depend on the learner's settings. */
export const defaultScheduler: FSRS = fsrs({ enable_fuzz: false });
