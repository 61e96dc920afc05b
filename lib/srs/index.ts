// Public API of the spaced-repetition policy on top of ts-fsrs. Re-exports only; ts-fsrs's snake_case types
// and the card conversion (card.ts's toFsrsCard/fromFsrsCard), scheduler cache and validation helpers stay private.
export { SrsError, type SrsIssue } from "./errors";
export { RATING, RATINGS, isRating, assertRating, type SrsRating } from "./rating";
export {
  schedulerSettingsSchema,
  parseSchedulerSettings,
  DEFAULT_SCHEDULER_SETTINGS,
  MAX_STEPS,
  stepMinutes,
  isValidTimeZone,
  fsrsParametersSchema,
  FSRS_PARAMETER_COUNT,
  type SchedulerSettings,
  type SchedulerSettingsInput,
} from "./settings";
export { newCard, CARD_STATES, type SrsCard, type CardState } from "./card";
export {
  reviewCard,
  undoReview,
  previewIntervals,
  type ReviewSettings,
  type ReviewResult,
  type SrsReviewLog,
  type UndoReviewOptions,
  type IntervalPreview,
} from "./review";
export { formatInterval } from "./interval";
export { retrievability } from "./retrievability";
export { studyDay, studyDayOfKey, dayKey, daysBetweenKeys, type StudyDay, type StudyDayOptions } from "./day";
export {
  buildQueue,
  queueCounts,
  nextLearningDue,
  type QueueInput,
  type QueueCard,
  type NewCandidate,
  type QueueEntry,
  type QueueCounts,
  type QueueSettings,
} from "./queue";
export { allowedRatings, defaultRating, isRatingAllowed, type QuestionKind } from "./quiz";
export { LEECH_LAPSES, isLeech, shouldSuspendAsLeech } from "./leech";
