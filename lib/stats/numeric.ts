/**
 * Numeric accuracy per template for the Statistics page, with the declared mistakes the learner makes most.
 *
 * Where answers come from: every numeric answer is first graded on a NumericAttempt (lib/practice/numeric.ts,
 * also for numeric cards in a study session), and rating such a card then copies the attempt's seed, answer and
 * verdict into its ReviewLog (lib/study/service.ts). So the answered attempts are the answers; a numeric review
 * log counts only when no answered attempt of the same learner, question and seed exists (an answer graded
 * elsewhere, such as an import), so a study-session answer is not counted twice. Seeds are drawn from 2³¹
 * values, so two different attempts sharing one is negligible.
 *
 * Mistakes: the declared mistakes are not stored with an answer, so the learner's latest
 * {@link MISTAKE_SAMPLE} wrong answers per template are re-graded with lib/numeric against the template **as it is
 * now** (an edited template can classify an old answer differently, or not at all). Answers that can no longer be
 * re-graded (the template or the answer no longer parses, or its instance cannot be drawn) are skipped.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { deckTitleIn } from "@/lib/bank/deck-text";
import { questionTitleIn } from "@/lib/bank/queries";
import { readTranslations, type QuestionLanguage } from "@/lib/content/translations";
import { checkAnswer, fromStoredTemplate, generateInstance, parseLearnerAnswer, type NumericTemplate } from "@/lib/numeric";

/**
 * Wrong answers re-graded per template, the most recent first. Enough to rank the top three mistakes, recent
 * enough to show today's habits, and it bounds the page's work whatever the history: re-grading draws an instance
 * per answer (about 25 µs each in bench/stats), so at most 100 × the number of templates.
 */
export const MISTAKE_SAMPLE = 100;
/** Mistakes listed per template. */
export const TOP_MISTAKES = 3;

/** How often one declared mistake of a template explained a wrong answer. */
export interface MistakeCount {
  /** Index in the template's `mistakes`. */
  index: number;
  /** The mistake's feedback (Markdown) as filled in for the most recent answer it explained. */
  feedback: string;
  /** Re-graded wrong answers it explained. */
  count: number;
}

/** The learner's record on one numeric template. */
export interface NumericTemplateStats {
  questionKey: string;
  title: string;
  deckSlug: string;
  deckTitle: string;
  /** Answers graded (see the module comment for what counts), all time. */
  attempts: number;
  /** Of those, graded correct. */
  correct: number;
  /** `correct / attempts`, 0..1 (attempts is always >= 1 in results). */
  accuracy: number;
  /** Wrong answers re-graded: at most {@link MISTAKE_SAMPLE} of the latest, less those that could not be. */
  examined: number;
  /** Of `examined`, those a declared mistake explained. */
  matched: number;
  /** The {@link TOP_MISTAKES} mistakes that explained the most of `examined`: most first, then by index. */
  topMistakes: MistakeCount[];
}

/** A wrong answer to re-grade: the instance's seed and the text the learner typed. */
export interface WrongAnswer {
  seed: number;
  answer: string | null;
}

/** Result of {@link regradeWrongAnswers}. */
export interface Regrade {
  examined: number;
  matched: number;
  /** Every mistake that explained at least one answer: most first, then by index. */
  mistakes: MistakeCount[];
}

/**
 * Re-grades wrong answers against `template` and counts the declared mistake each one matches (`checkAnswer`'s
 * verdict "mistake"). `answers` go most recent first: a mistake's `feedback` is filled in for the first answer it
 * explains. Answers that cannot be re-graded are not examined; one now graded correct or "incorrect" is examined
 * but not matched.
 *
 * @example
 * ```ts
 * // answer 73,856 parameters; mistake 0 ("You left out the biases") = 73,728
 * regradeWrongAnswers(template, [{ seed: 1, answer: "73728" }, { seed: 2, answer: "5" }]);
 * // { examined: 2, matched: 1, mistakes: [{ index: 0, feedback: "You left out the 128 biases.", count: 1 }] }
 * ```
 */
export function regradeWrongAnswers(template: NumericTemplate, answers: readonly WrongAnswer[]): Regrade {
  const byIndex = new Map<number, MistakeCount>();
  let examined = 0;
  let matched = 0;
  for (const { seed, answer } of answers) {
    if (answer === null) continue;
    const parsed = parseLearnerAnswer(answer, template.unit);
    if (!parsed.ok) continue;
    let verdict: ReturnType<typeof checkAnswer>;
    try {
      verdict = checkAnswer(template, generateInstance(template, seed), parsed.value);
    } catch {
      continue; // the seed no longer gives an instance of the edited template
    }
    examined++;
    if (verdict.verdict !== "mistake") continue;
    matched++;
    const entry = byIndex.get(verdict.index);
    if (entry) entry.count++;
    else byIndex.set(verdict.index, { index: verdict.index, feedback: verdict.feedback, count: 1 });
  }
  const mistakes = [...byIndex.values()].sort((a, b) => b.count - a.count || a.index - b.index);
  return { examined, matched, mistakes };
}

/** One template's answers as the SQL of {@link numericAnswers} returns them. */
export interface NumericAnswerRow {
  questionKey: string;
  title: string;
  deckSlug: string;
  deckTitle: string;
  /** The stored template (JSON), parsed by the caller. */
  template: unknown;
  /** The question's and the deck's stored translations (JSON), for the titles in the reader's language. */
  translations: unknown;
  deckTranslations: unknown;
  attempts: number;
  correct: number;
  /** The latest {@link MISTAKE_SAMPLE} wrong answers, most recent first. */
  wrong: WrongAnswer[];
}

function parseTemplate(value: unknown): NumericTemplate | null {
  try {
    return fromStoredTemplate(value);
  } catch {
    return null;
  }
}

/**
 * The learner's numeric record per template of an ACTIVE numeric question they have answered (one deck's when
 * `deckId` is set): weakest first (lowest accuracy, then most attempts, then key). One statement
 * ({@link numericAnswers}) counts the answers and returns the latest wrong ones; re-grading runs here. Question and
 * deck titles are in `language` (the English ones without a translation).
 */
export async function numericAccuracy(db: Db, userId: string, deckId: string | null, language: QuestionLanguage = "en"): Promise<NumericTemplateStats[]> {
  const rows = await numericAnswers(db, userId, deckId);
  return rows
    .map((row) => {
      const template = parseTemplate(row.template);
      const regrade = template ? regradeWrongAnswers(template, row.wrong) : { examined: 0, matched: 0, mistakes: [] };
      return {
        questionKey: row.questionKey,
        title: questionTitleIn({ title: row.title, translations: readTranslations(row.translations) }, language).title,
        deckSlug: row.deckSlug,
        deckTitle: deckTitleIn({ title: row.deckTitle, translations: row.deckTranslations }, language),
        attempts: row.attempts,
        correct: row.correct,
        accuracy: row.correct / row.attempts,
        examined: regrade.examined,
        matched: regrade.matched,
        topMistakes: regrade.mistakes.slice(0, TOP_MISTAKES),
      };
    })
    .sort((a, b) => a.accuracy - b.accuracy || b.attempts - a.attempts || (a.questionKey < b.questionKey ? -1 : a.questionKey > b.questionKey ? 1 : 0));
}

/**
 * Per ACTIVE numeric question the learner has answered (see the module comment for which answers count): the
 * answer counts and the latest {@link MISTAKE_SAMPLE} wrong answers, in one statement, unordered.
 */
export async function numericAnswers(db: Db, userId: string, deckId: string | null): Promise<NumericAnswerRow[]> {
  // The questions first, so a deck filter narrows the answers before they are counted; the window (latest wrong
  // answers) sorts the wrong answers only.
  return db.$queryRaw<NumericAnswerRow[]>`
    WITH numeric AS (
      SELECT q."id", q."key", q."title", q."template", q."translations", d."slug", d."title" AS "deckTitle", d."translations" AS "deckTranslations"
      FROM "Question" q
      JOIN "Deck" d ON d."id" = q."deckId"
      WHERE q."kind" = 'NUMERIC' AND q."status" = 'ACTIVE'
        ${deckId === null ? Prisma.empty : Prisma.sql`AND q."deckId" = ${deckId}`}
    ), answers AS (
      SELECT a."questionId", a."seed", a."answerGiven", a."correct", a."answeredAt" AS "at"
      FROM "NumericAttempt" a
      WHERE a."userId" = ${userId} AND a."answeredAt" IS NOT NULL AND a."correct" IS NOT NULL
        AND a."questionId" IN (SELECT n."id" FROM numeric n)
      UNION ALL
      SELECT c."questionId", r."numericSeed", r."answerGiven", r."correct", r."reviewedAt"
      FROM "Card" c
      JOIN "ReviewLog" r ON r."cardId" = c."id"
      WHERE c."userId" = ${userId} AND c."questionId" IN (SELECT n."id" FROM numeric n)
        AND r."numericSeed" IS NOT NULL AND r."correct" IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM "NumericAttempt" a
          WHERE a."userId" = ${userId} AND a."questionId" = c."questionId" AND a."seed" = r."numericSeed" AND a."answeredAt" IS NOT NULL
        )
    ), counts AS (
      SELECT x."questionId", count(*)::int AS "attempts", count(*) FILTER (WHERE x."correct")::int AS "correct"
      FROM answers x
      GROUP BY x."questionId"
    ), wrong AS (
      SELECT w."questionId", jsonb_agg(jsonb_build_object('seed', w."seed", 'answer', w."answerGiven") ORDER BY w."at" DESC, w."seed") AS "wrong"
      FROM (
        SELECT x.*, row_number() OVER (PARTITION BY x."questionId" ORDER BY x."at" DESC, x."seed") AS "recent"
        FROM answers x
        WHERE NOT x."correct"
      ) w
      WHERE w."recent" <= ${MISTAKE_SAMPLE}::int
      GROUP BY w."questionId"
    )
    SELECT n."key" AS "questionKey", n."title", n."slug" AS "deckSlug", n."deckTitle", n."template", n."translations", n."deckTranslations",
      k."attempts", k."correct", COALESCE(w."wrong", '[]'::jsonb) AS "wrong"
    FROM numeric n
    JOIN counts k ON k."questionId" = n."id"
    LEFT JOIN wrong w ON w."questionId" = n."id"`;
}
