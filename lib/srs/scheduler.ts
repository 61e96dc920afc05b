// Internal: one ts-fsrs scheduler per distinct set of scheduling parameters (not exported from index.ts).
import { fsrs, type FSRS, type StepUnit } from "ts-fsrs";
import { schedulerSettingsSchema, srsErrorFromZod, stepMinutes, type SchedulerSettings } from "./settings";

/** The settings that change how a card is scheduled (the rest only shape the daily queue). */
export type ReviewSettings = Pick<
  SchedulerSettings,
  "desiredRetention" | "learningSteps" | "relearningSteps" | "maximumIntervalDays" | "enableFuzz"
>;

const reviewSettingsSchema = schedulerSettingsSchema.pick({
  desiredRetention: true,
  learningSteps: true,
  relearningSteps: true,
  maximumIntervalDays: true,
  enableFuzz: true,
});

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
 * (steps compared in minutes, so `"1h"` and `"60m"` share one). Settings are validated only on a cache
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
  };
  const keyOf = (s: ReviewSettings) =>
    JSON.stringify([
      s.desiredRetention,
      s.maximumIntervalDays,
      s.enableFuzz,
      s.learningSteps.map(stepMinutes),
      s.relearningSteps.map(stepMinutes),
    ]);
  let key: string | undefined;
  try {
    key = keyOf(probe);
  } catch {
    key = undefined; // e.g. steps not an array: fall through to validation, which reports it.
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
