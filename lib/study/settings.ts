/**
 * A learner's study settings: the FSRS scheduler settings (validated by lib/srs), their personal FSRS parameters
 * and the decks they study. The parameters are read here but written only by lib/fsrs-optimizer ("Optimise my
 * scheduler" and "Use the default parameters again"): the settings form neither shows nor saves them.
 */
import { z } from "zod";
import type { Db } from "@/lib/db-client";
import { visibleDecks } from "@/lib/bank/visibility";
import { AppError } from "@/lib/errors";
import { fsrsParametersSchema, isValidTimeZone, schedulerSettingsSchema, type SchedulerSettings } from "@/lib/srs";
import { parseOrThrow } from "@/lib/validation/parse";

export interface StudySettings extends SchedulerSettings {
  /** Decks chosen for study; empty means every deck. */
  studyDeckIds: string[];
  timeZoneConfirmed: boolean;
  /** The learner's own FSRS-6 weights (21 numbers), or empty for ts-fsrs's defaults; passed on to lib/srs. */
  parameters: number[];
}

const SETTINGS_SELECT = {
  desiredRetention: true,
  newCardsPerDay: true,
  reviewsPerDay: true,
  timeZone: true,
  dayStartHour: true,
  learningSteps: true,
  relearningSteps: true,
  maximumIntervalDays: true,
  enableFuzz: true,
  timeZoneConfirmed: true,
  fsrsParameters: true,
  studyDecks: { select: { deckId: true } },
} as const;

export async function loadStudySettings(db: Db, userId: string): Promise<StudySettings> {
  const user = await db.user.findUnique({ where: { id: userId }, select: SETTINGS_SELECT });
  if (!user) throw new AppError("UNAUTHENTICATED", "Please log in again.");
  const { studyDecks, timeZoneConfirmed, fsrsParameters, ...scheduler } = user;
  // Rows written before a validation rule changed still load: fall back to defaults field by field.
  const parsed = schedulerSettingsSchema.safeParse(scheduler);
  const settings = parsed.success ? parsed.data : schedulerSettingsSchema.parse({});
  // Invalid stored weights (wrong length, NaN) would break every review: schedule with the defaults instead.
  const parameters = fsrsParametersSchema.safeParse(fsrsParameters);
  return {
    ...settings,
    studyDeckIds: studyDecks.map((row) => row.deckId),
    timeZoneConfirmed,
    parameters: parameters.success ? parameters.data : [],
  };
}

export const updateStudySettingsSchema = schedulerSettingsSchema.extend({
  studyDeckIds: z.array(z.string().min(1).max(64)).max(500).default([]),
});

/**
 * Saves validated settings; unknown deck ids are ignored rather than failing the whole form. The personal FSRS
 * parameters are not part of the schema (zod drops the key), so saving the form never changes or clears them.
 */
export async function updateStudySettings(db: Db, userId: string, input: unknown): Promise<StudySettings> {
  const { studyDeckIds, ...scheduler } = parseOrThrow(updateStudySettingsSchema, input);
  // Only decks this learner may see (another learner's personal deck id is ignored like an unknown one).
  const known = await db.deck.findMany({ where: { id: { in: studyDeckIds }, ...visibleDecks(userId) }, select: { id: true } });
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { ...scheduler, learningSteps: [...scheduler.learningSteps], relearningSteps: [...scheduler.relearningSteps], timeZoneConfirmed: true } }),
    db.studyDeck.deleteMany({ where: { userId } }),
    db.studyDeck.createMany({ data: known.map((deck) => ({ userId, deckId: deck.id })) }),
  ]);
  return loadStudySettings(db, userId);
}

/** The browser's time zone, taken once on first visit; later changes happen only in settings. */
export async function adoptBrowserTimeZone(db: Db, userId: string, timeZone: unknown): Promise<boolean> {
  if (typeof timeZone !== "string" || timeZone.length > 64 || !isValidTimeZone(timeZone)) return false;
  const { count } = await db.user.updateMany({ where: { id: userId, timeZoneConfirmed: false }, data: { timeZone, timeZoneConfirmed: true } });
  return count === 1;
}
