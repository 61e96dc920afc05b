import { useLocale, useTranslations } from "next-intl";
import { MASTERY_STABILITY_DAYS } from "@/lib/groups/progress";
import { STABILITY_BUCKETS, type LearnerStats } from "@/lib/stats";
import { ChartCard } from "./chart-card";
import { CardStatesChart, HistogramChart, ShareChart } from "./charts";
import { CARD_STATE_SERIES, type CardStateKey } from "./series";
import { percent } from "./format";

/*
 * The Statistics page's view of the cards as they are now: states per deck, the memory distributions and
 * mastery per deck and per tag. Server components that word the figures for the client charts.
 */

/** Tags drawn in the chart (most cards first); the table lists every tag. */
const CHART_TAGS = 15;
/** First stability bucket at or above the mastery threshold: the cards stable for three weeks or more. */
const STABLE_FROM = STABILITY_BUCKETS.findIndex((bucket) => bucket.from >= MASTERY_STABILITY_DAYS);
/** Retrievability below this share counts as "at risk" in the summary. */
const AT_RISK = 0.7;
/** Messages naming the stability buckets, in the order of STABILITY_BUCKETS (lib/stats/buckets.ts). */
const STABILITY_LABELS = ["underDay", "days", "weeks", "weeksToMonths", "months", "overYear"] as const;

export function CardStatesSection({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats.states");
  const rows = stats.deckCards.map((deck) => ({
    label: deck.title,
    new: deck.new,
    learning: deck.learning,
    review: deck.review,
    relearning: deck.relearning,
    suspended: deck.suspended,
  }));
  const total = (key: CardStateKey) => rows.reduce((sum, row) => sum + row[key], 0);
  const cards = CARD_STATE_SERIES.reduce((sum, series) => sum + total(series.key), 0);
  const summary = t("summary", {
    count: cards,
    newCards: total("new"),
    learning: total("learning"),
    review: total("review"),
    relearning: total("relearning"),
    suspended: total("suspended"),
  });
  return (
    <ChartCard
      id="states"
      title={t("title")}
      explanation={t("explanation")}
      empty={cards === 0 ? t("empty") : null}
      summary={summary}
      table={{
        caption: t("caption"),
        columns: [t("deck"), ...CARD_STATE_SERIES.map((series) => t(series.key))],
        rows: rows.map((row, index) => ({ key: stats.deckCards[index]?.slug ?? row.label, cells: [row.label, ...CARD_STATE_SERIES.map((series) => row[series.key])] })),
      }}
    >
      <CardStatesChart rows={rows} summary={summary} />
    </ChartCard>
  );
}

export function StabilitySection({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats");
  const { memory } = stats;
  const stable = memory.stability.slice(STABLE_FROM).reduce((sum, bucket) => sum + bucket.cards, 0);
  const summary = t("stability.summary", { count: memory.cards, stable, share: percent(memory.cards > 0 ? stable / memory.cards : null), days: MASTERY_STABILITY_DAYS });
  // The buckets' labels from lib/stats are English: name each by its place, falling back to that label.
  const buckets = memory.stability.map((bucket, index) => {
    const label = STABILITY_LABELS[index];
    return { key: bucket.label, label: label ? t(`stability.buckets.${label}`) : bucket.label, cards: bucket.cards };
  });
  return (
    <ChartCard
      id="stability"
      title={t("stability.title")}
      explanation={t("stability.explanation")}
      empty={memory.cards === 0 ? t("stability.empty") : null}
      summary={summary}
      table={{ caption: t("stability.caption"), columns: [t("stability.column"), t("cards")], rows: buckets.map((bucket) => ({ key: bucket.key, cells: [bucket.label, bucket.cards] })) }}
    >
      <HistogramChart buckets={buckets} summary={summary} fill="primary" axisLabel={t("stability.axis")} />
    </ChartCard>
  );
}

export function RetrievabilitySection({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats");
  const { memory } = stats;
  const measured = memory.retrievability.reduce((sum, bucket) => sum + bucket.cards, 0);
  const atRisk = memory.retrievability.slice(0, Math.round(AT_RISK * memory.retrievability.length)).reduce((sum, bucket) => sum + bucket.cards, 0);
  const summary = t("retrievability.summary", { average: percent(memory.averageRetrievability), count: measured, atRisk, threshold: percent(AT_RISK) });
  return (
    <ChartCard
      id="retrievability"
      title={t("retrievability.title")}
      explanation={t("retrievability.explanation")}
      empty={measured === 0 ? t("retrievability.empty") : null}
      summary={summary}
      table={{ caption: t("retrievability.caption"), columns: [t("retrievability.column"), t("cards")], rows: memory.retrievability.map((bucket) => ({ key: bucket.label, cells: [bucket.label, bucket.cards] })) }}
    >
      <HistogramChart buckets={memory.retrievability} summary={summary} fill="good" axisLabel={t("retrievability.axis")} />
    </ChartCard>
  );
}

export function DeckMasterySection({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats.mastery");
  const decks = stats.deckCards.filter((deck) => deck.questions > 0);
  const mastered = decks.reduce((sum, deck) => sum + deck.mastered, 0);
  const questions = decks.reduce((sum, deck) => sum + deck.questions, 0);
  const summary = t("deckSummary", { mastered, questions, share: percent(questions > 0 ? mastered / questions : null), decks: decks.length });
  return (
    <ChartCard
      id="deck-mastery"
      title={t("deckTitle")}
      explanation={t("explanation", { days: MASTERY_STABILITY_DAYS })}
      empty={decks.length === 0 ? t("deckEmpty") : null}
      summary={summary}
      table={{
        caption: t("deckCaption"),
        columns: [t("deck"), t("mastered"), t("questions"), t("share")],
        rows: decks.map((deck) => ({ key: deck.slug, cells: [deck.title, deck.mastered, deck.questions, percent(deck.mastered / deck.questions)] })),
      }}
    >
      <ShareChart
        fill="good"
        summary={summary}
        rows={decks.map((deck) => ({
          key: deck.slug,
          label: deck.title,
          percent: Math.round((deck.mastered / deck.questions) * 100),
          detail: t("deckDetail", { mastered: deck.mastered, questions: deck.questions }),
        }))}
      />
    </ChartCard>
  );
}

export function TagMasterySection({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats.mastery");
  const locale = useLocale();
  const tags = stats.tags;
  const shown = tags.slice(0, CHART_TAGS);
  const share = (tag: (typeof tags)[number]) => tag.mastered / tag.questions;
  const ranked = [...shown].sort((a, b) => share(b) - share(a) || a.tag.localeCompare(b.tag, locale));
  const best = ranked[0];
  const weakest = ranked.at(-1);
  const drawn = t("tagDrawn", { count: tags.length, limited: tags.length > CHART_TAGS ? "yes" : "no", shown: CHART_TAGS });
  const summary =
    best && weakest && best !== weakest
      ? t("tagSummaryRange", { drawn, best: best.tag, bestShare: percent(share(best)), weakest: weakest.tag, weakestShare: percent(share(weakest)) })
      : best
        ? t("tagSummaryOne", { drawn, tag: best.tag, share: percent(share(best)) })
        : "";
  return (
    <ChartCard
      id="tag-mastery"
      title={t("tagTitle")}
      explanation={t("tagExplanation", { days: MASTERY_STABILITY_DAYS })}
      empty={tags.length === 0 ? t("tagEmpty") : null}
      summary={summary}
      table={{
        caption: t("tagCaption"),
        columns: [t("tag"), t("mastered"), t("yourCards"), t("questions"), t("share")],
        rows: tags.map((tag) => ({ key: tag.tag, cells: [tag.tag, tag.mastered, tag.cards, tag.questions, percent(share(tag))] })),
      }}
    >
      <ShareChart
        fill="primary"
        summary={summary}
        rows={shown.map((tag) => ({
          key: tag.tag,
          label: tag.tag,
          percent: Math.round(share(tag) * 100),
          detail: t("tagDetail", { mastered: tag.mastered, questions: tag.questions, cards: tag.cards }),
        }))}
      />
    </ChartCard>
  );
}
