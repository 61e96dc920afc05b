import { MASTERY_STABILITY_DAYS } from "@/lib/groups/progress";
import { STABILITY_BUCKETS, type LearnerStats } from "@/lib/stats";
import { ChartCard } from "./chart-card";
import { CardStatesChart, HistogramChart, ShareChart } from "./charts";
import { CARD_STATE_SERIES } from "./series";
import { percent, plural } from "./format";

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

export function CardStatesSection({ stats }: { stats: LearnerStats }) {
  const rows = stats.deckCards.map((deck) => ({
    label: deck.title,
    new: deck.new,
    learning: deck.learning,
    review: deck.review,
    relearning: deck.relearning,
    suspended: deck.suspended,
  }));
  const totals = CARD_STATE_SERIES.map((series) => ({ ...series, count: rows.reduce((sum, row) => sum + row[series.key], 0) }));
  const cards = totals.reduce((sum, total) => sum + total.count, 0);
  const summary = `${plural(cards, "card")}: ${totals.map((total) => `${total.count.toLocaleString("en")} ${total.name.toLowerCase()}`).join(", ")}.`;
  return (
    <ChartCard
      id="states"
      title="Card states per deck"
      explanation="New cards wait for their first review, learning and relearning ones go through short steps, review cards are on long intervals; suspended ones are set aside."
      empty={cards === 0 ? "No cards yet: start studying a deck and its cards show up here." : null}
      summary={summary}
      table={{
        caption: "Cards per state and deck",
        columns: ["Deck", ...CARD_STATE_SERIES.map((series) => series.name)],
        rows: rows.map((row, index) => ({ key: stats.deckCards[index]?.slug ?? row.label, cells: [row.label, ...CARD_STATE_SERIES.map((series) => row[series.key])] })),
      }}
    >
      <CardStatesChart rows={rows} summary={summary} />
    </ChartCard>
  );
}

export function StabilitySection({ stats }: { stats: LearnerStats }) {
  const { memory } = stats;
  const stable = memory.stability.slice(STABLE_FROM).reduce((sum, bucket) => sum + bucket.cards, 0);
  const summary = `${plural(memory.cards, "card")} in review; ${stable.toLocaleString("en")} of them (${percent(memory.cards > 0 ? stable / memory.cards : null)}) are stable for ${MASTERY_STABILITY_DAYS} days or more.`;
  return (
    <ChartCard
      id="stability"
      title="Stability"
      explanation="How long each card stays 90% likely to be recalled without a review: it grows every time you remember."
      empty={memory.cards === 0 ? "No cards in review yet: stability is measured once a card leaves the learning steps." : null}
      summary={summary}
      table={{ caption: "Cards per stability range", columns: ["Stability", "Cards"], rows: memory.stability.map((bucket) => ({ key: bucket.label, cells: [bucket.label, bucket.cards] })) }}
    >
      <HistogramChart buckets={memory.stability} summary={summary} fill="primary" axisLabel="stability" />
    </ChartCard>
  );
}

export function RetrievabilitySection({ stats }: { stats: LearnerStats }) {
  const { memory } = stats;
  const measured = memory.retrievability.reduce((sum, bucket) => sum + bucket.cards, 0);
  const atRisk = memory.retrievability.slice(0, Math.round(AT_RISK * memory.retrievability.length)).reduce((sum, bucket) => sum + bucket.cards, 0);
  const summary = `On average you would recall ${percent(memory.averageRetrievability)} of these ${plural(measured, "card")} right now; ${atRisk.toLocaleString("en")} are below ${percent(AT_RISK)}.`;
  return (
    <ChartCard
      id="retrievability"
      title="Retrievability"
      explanation="The chance, estimated by the scheduler right now, that you recall each card in review; it falls between reviews."
      empty={measured === 0 ? "No cards in review yet: retrievability is estimated once a card leaves the learning steps." : null}
      summary={summary}
      table={{ caption: "Cards per retrievability range", columns: ["Retrievability", "Cards"], rows: memory.retrievability.map((bucket) => ({ key: bucket.label, cells: [bucket.label, bucket.cards] })) }}
    >
      <HistogramChart buckets={memory.retrievability} summary={summary} fill="good" axisLabel="chance of recall now" />
    </ChartCard>
  );
}

const MASTERY_EXPLANATION = `A question is mastered when its card is in review with a stability of at least ${MASTERY_STABILITY_DAYS} days and is not suspended; shares are of all active questions, started or not.`;

export function DeckMasterySection({ stats }: { stats: LearnerStats }) {
  const decks = stats.deckCards.filter((deck) => deck.questions > 0);
  const mastered = decks.reduce((sum, deck) => sum + deck.mastered, 0);
  const questions = decks.reduce((sum, deck) => sum + deck.questions, 0);
  const summary = `${mastered.toLocaleString("en")} of ${plural(questions, "question")} mastered (${percent(questions > 0 ? mastered / questions : null)})${decks.length > 1 ? ` across ${decks.length} decks` : ""}.`;
  return (
    <ChartCard
      id="deck-mastery"
      title="Mastery per deck"
      explanation={MASTERY_EXPLANATION}
      empty={decks.length === 0 ? "No decks with active questions in this view yet." : null}
      summary={summary}
      table={{
        caption: "Mastered questions per deck",
        columns: ["Deck", "Mastered", "Questions", "Share"],
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
          detail: `${deck.mastered} of ${plural(deck.questions, "question")} mastered`,
        }))}
      />
    </ChartCard>
  );
}

export function TagMasterySection({ stats }: { stats: LearnerStats }) {
  const tags = stats.tags;
  const shown = tags.slice(0, CHART_TAGS);
  const share = (tag: (typeof tags)[number]) => tag.mastered / tag.questions;
  const ranked = [...shown].sort((a, b) => share(b) - share(a) || a.tag.localeCompare(b.tag, "en"));
  const best = ranked[0];
  const weakest = ranked.at(-1);
  const drawn = `${plural(tags.length, "tag")} on your cards${tags.length > CHART_TAGS ? `; the ${CHART_TAGS} with the most cards are drawn` : ""}.`;
  const summary =
    best && weakest && best !== weakest
      ? `${drawn} Most mastered: ${best.tag} (${percent(share(best))}); least: ${weakest.tag} (${percent(share(weakest))}).`
      : best
        ? `${drawn} ${best.tag}: ${percent(share(best))} mastered.`
        : "";
  return (
    <ChartCard
      id="tag-mastery"
      title="Mastery per tag"
      explanation={`Topics across decks: the share of each tag's questions you have mastered (${MASTERY_STABILITY_DAYS}+ days of stability).`}
      empty={tags.length === 0 ? "No tagged questions among your cards yet." : null}
      summary={summary}
      table={{
        caption: "Mastered questions per tag, most cards first",
        columns: ["Tag", "Mastered", "Your cards", "Questions", "Share"],
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
          detail: `${tag.mastered} of ${plural(tag.questions, "question")} mastered (${tag.cards} started)`,
        }))}
      />
    </ChartCard>
  );
}
