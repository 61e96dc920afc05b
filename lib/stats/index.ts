// Public API of the learner Statistics data layer. Re-exports only.
export {
  getLearnerStats,
  deckSlugSchema,
  HISTORY_DAYS,
  RETENTION_WEEKS,
  type LearnerStats,
  type LearnerStatsOptions,
  type DeckCardCounts,
} from "./learner";
export { fillDays, retentionWeeks, type ActivityDay, type RetentionWeek } from "./days";
export {
  STABILITY_BUCKETS,
  STABILITY_BOUNDS_DAYS,
  RETRIEVABILITY_BUCKETS,
  RETRIEVABILITY_BUCKET_COUNT,
  stabilityBucket,
  retrievabilityBucket,
  type BucketRange,
} from "./buckets";
export { retrievabilitySql, type MemoryDistribution, type DistributionBucket } from "./memory";
export { STATS_FORECAST_DAYS } from "./forecast";
export { type StatsDeck, type TagMastery } from "./cards";
export { MISTAKE_SAMPLE, TOP_MISTAKES, regradeWrongAnswers, type NumericTemplateStats, type MistakeCount, type WrongAnswer, type Regrade } from "./numeric";
