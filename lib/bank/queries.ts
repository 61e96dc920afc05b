/**
 * Read side of the question bank for learners: decks with counts, a deck's questions with filters, one question
 * with its neighbours. Returns only the fields pages show (never whole rows), active questions only, and only
 * decks the viewer may see (the shared bank plus their personal decks; lib/bank/visibility.ts).
 */
import { z } from "zod";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/generated/prisma/client";
import type { DeckTranslations } from "@/lib/content/schema";
import { readTranslations, type QuestionLanguage, type QuestionTranslations } from "@/lib/content/translations";
import { fromStoredTemplate, type NumericTemplate } from "@/lib/numeric";
import { readDeckTranslations } from "./deck-text";
import { visibleDecks } from "./visibility";

export const KIND_LABELS = { FLASHCARD: "Flashcard", MULTIPLE_CHOICE: "Multiple choice", NUMERIC: "Numeric" } as const;
export type QuestionKind = keyof typeof KIND_LABELS;

export interface DeckSummary {
  slug: string;
  title: string;
  description: string;
  questionCount: number;
  /** True for the viewer's own (imported) deck, false for the shared bank. */
  personal: boolean;
  /** The deck's title and description in other languages (lib/bank/deck-text.ts `localizeDeck`). */
  translations: DeckTranslations;
}

/** Decks `viewerId` may see, shared bank first in bank order, then their personal decks by title; null: shared only. */
export async function listDecks(db: Db, viewerId: string | null): Promise<DeckSummary[]> {
  const visible = visibleDecks(viewerId);
  const [decks, counts] = await Promise.all([
    db.deck.findMany({ where: visible, orderBy: [{ order: "asc" }, { title: "asc" }], select: { id: true, slug: true, title: true, description: true, ownerId: true, translations: true } }),
    db.question.groupBy({ by: ["deckId"], where: { status: "ACTIVE", deck: visible }, _count: { _all: true } }),
  ]);
  const countByDeck = new Map(counts.map((row) => [row.deckId, row._count._all]));
  const summaries = decks.map((deck) => ({
    slug: deck.slug,
    title: deck.title,
    description: deck.description,
    questionCount: countByDeck.get(deck.id) ?? 0,
    personal: deck.ownerId !== null,
    translations: readDeckTranslations(deck.translations),
  }));
  // Stable sort: personal decks after the shared bank (their `order` is not part of the bank's order).
  return summaries.sort((a, b) => Number(a.personal) - Number(b.personal));
}

/** Filters from the deck page's URL; anything malformed is dropped rather than failing the page. */
export const deckFiltersSchema = z.object({
  kind: z.enum(["FLASHCARD", "MULTIPLE_CHOICE", "NUMERIC"]).optional().catch(undefined),
  tag: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(60).optional().catch(undefined),
  difficulty: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined).transform((value) => value || undefined),
});
export type DeckFilters = z.infer<typeof deckFiltersSchema>;

export function parseDeckFilters(searchParams: Record<string, string | string[] | undefined>): DeckFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return deckFiltersSchema.parse({
    kind: first(searchParams.kind) || undefined,
    tag: first(searchParams.tag) || undefined,
    difficulty: first(searchParams.difficulty) || undefined,
    q: first(searchParams.q),
  });
}

export interface QuestionListItem {
  key: string;
  title: string;
  kind: QuestionKind;
  difficulty: number;
  tags: string[];
  /** The question's translations ({@link questionTitleIn} picks the title to show). */
  translations: QuestionTranslations;
}

/**
 * A listed question's title in `language`, and the language it is in: the translation's title, or the English
 * one when there is no translation (as `localizeQuestion` does for the whole question).
 */
export function questionTitleIn(question: { title: string; translations: QuestionTranslations }, language: QuestionLanguage): { title: string; language: QuestionLanguage } {
  const translated = language === "en" ? undefined : question.translations[language]?.title;
  return translated ? { title: translated, language } : { title: question.title, language: "en" };
}

/** Questions of a deck in study order: by difficulty, then title. */
const QUESTION_ORDER: Prisma.QuestionOrderByWithRelationInput[] = [{ difficulty: "asc" }, { title: "asc" }, { key: "asc" }];

export async function getDeckWithQuestions(
  db: Db,
  slug: string,
  filters: DeckFilters,
  viewerId: string | null,
  /** The reader's language: the search also matches titles in it. */
  language: QuestionLanguage = "en",
): Promise<{ deck: DeckSummary; questions: QuestionListItem[]; tags: string[] } | null> {
  const deck = await db.deck.findFirst({
    where: { slug, ...visibleDecks(viewerId) },
    select: { id: true, slug: true, title: true, description: true, ownerId: true, translations: true },
  });
  if (!deck) return null;
  const where: Prisma.QuestionWhereInput = { deckId: deck.id, status: "ACTIVE" };
  if (filters.kind) where.kind = filters.kind;
  if (filters.difficulty) where.difficulty = filters.difficulty;
  if (filters.tag) where.tags = { has: filters.tag };
  if (filters.q) {
    const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
    // Every word must match the title (the English one, or the translated one in the reader's language) or be (part of) a tag.
    where.AND = words.map((word) => ({
      OR: [
        { title: { contains: word, mode: "insensitive" as const } },
        { tags: { has: word.replace(/[^a-z0-9-]/g, "") } },
        ...(language === "en" ? [] : [{ translations: { path: [language, "title"], string_contains: word, mode: "insensitive" as const } }]),
      ],
    }));
  }
  const [questions, all] = await Promise.all([
    db.question.findMany({ where, orderBy: QUESTION_ORDER, select: { key: true, title: true, kind: true, difficulty: true, tags: true, translations: true } }),
    db.question.findMany({ where: { deckId: deck.id, status: "ACTIVE" }, select: { tags: true } }),
  ]);
  const tags = [...new Set(all.flatMap((question) => question.tags))].sort();
  return {
    deck: {
      slug: deck.slug,
      title: deck.title,
      description: deck.description,
      questionCount: all.length,
      personal: deck.ownerId !== null,
      translations: readDeckTranslations(deck.translations),
    },
    questions: questions.map((question) => ({ ...question, translations: readTranslations(question.translations) })),
    tags,
  };
}

export interface QuestionDetail {
  key: string;
  title: string;
  kind: QuestionKind;
  difficulty: number;
  tags: string[];
  prompt: string;
  answer: string;
  explanation: string;
  choices: Array<{ text: string; correct: boolean; why: string | null }>;
  /** A numeric question's template (its solution and mistakes are part of what a translation covers); else null. */
  template: NumericTemplate | null;
  translations: QuestionTranslations;
  deck: { slug: string; title: string; description: string; translations: DeckTranslations };
  previousKey: string | null;
  nextKey: string | null;
  position: number;
  total: number;
}

const storedChoicesSchema = z.array(z.object({ text: z.string(), correct: z.boolean().optional(), why: z.string().optional() }));

export async function getQuestionDetail(db: Db, deckSlug: string, key: string, viewerId: string | null): Promise<QuestionDetail | null> {
  const question = await db.question.findFirst({
    where: { key, status: "ACTIVE", deck: { slug: deckSlug, ...visibleDecks(viewerId) } },
    select: {
      key: true, title: true, kind: true, difficulty: true, tags: true, prompt: true, answer: true, explanation: true, choices: true, template: true, translations: true,
      deck: { select: { id: true, slug: true, title: true, description: true, translations: true } },
    },
  });
  if (!question) return null;
  const siblings = await db.question.findMany({ where: { deckId: question.deck.id, status: "ACTIVE" }, orderBy: QUESTION_ORDER, select: { key: true } });
  const index = siblings.findIndex((sibling) => sibling.key === key);
  const parsedChoices = storedChoicesSchema.safeParse(question.choices ?? []);
  return {
    key: question.key,
    title: question.title,
    kind: question.kind,
    difficulty: question.difficulty,
    tags: question.tags,
    prompt: question.prompt,
    answer: question.answer,
    explanation: question.explanation,
    choices: parsedChoices.success ? parsedChoices.data.map((choice) => ({ text: choice.text, correct: choice.correct === true, why: choice.why ?? null })) : [],
    template: question.kind === "NUMERIC" ? storedTemplate(question.template) : null,
    translations: readTranslations(question.translations),
    deck: { slug: question.deck.slug, title: question.deck.title, description: question.deck.description, translations: readDeckTranslations(question.deck.translations) },
    previousKey: index > 0 ? siblings[index - 1]!.key : null,
    nextKey: index >= 0 && index < siblings.length - 1 ? siblings[index + 1]!.key : null,
    position: index + 1,
    total: siblings.length,
  };
}

/** A stored template, or null when it cannot be read (the page still shows the question; the practice card reports it). */
function storedTemplate(value: unknown): NumericTemplate | null {
  try {
    return fromStoredTemplate(value);
  } catch {
    return null;
  }
}
