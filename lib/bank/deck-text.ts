/**
 * A deck's title and description in the language a learner reads: the `zh` translation when there is one
 * (Deck.translations, from decks.yml), else the English.
 */
import { deckTranslationsSchema, type DeckTranslations } from "@/lib/content/schema";
import type { QuestionLanguage } from "@/lib/content/translations";
import type { Db } from "@/lib/db-client";
import { visibleDecks } from "./visibility";

export function readDeckTranslations(value: unknown): DeckTranslations {
  const parsed = deckTranslationsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

export function localizeDeck<T extends { title: string; description: string; translations?: unknown }>(
  deck: T,
  language: QuestionLanguage,
): Omit<T, "translations"> {
  const { translations, ...rest } = deck;
  const zh = language === "zh" ? readDeckTranslations(translations).zh : undefined;
  return zh ? { ...rest, title: zh.title, description: zh.description || deck.description } : rest;
}

/** A deck's title in `language` (for rows that carry their `translations`): its translation's, else the English `title`. */
export function deckTitleIn(deck: { title: string; translations?: unknown }, language: QuestionLanguage): string {
  return (language === "zh" && readDeckTranslations(deck.translations).zh?.title) || deck.title;
}

/** Deck titles and descriptions in a reader's language, by deck slug: from {@link deckTextLookup} or {@link deckTextsOf}. */
export interface DeckTextLookup {
  /** The deck's title in the reader's language: its translation, else `english` (the title the caller has). */
  title(slug: string, english: string): string;
  /** The deck's description in the reader's language: its translation when not empty, else `english`. */
  description(slug: string, english: string): string;
}

/** A {@link DeckTextLookup} over `decks` (their `translations` as stored) for `language`; other slugs keep the English. */
export function deckTextsOf(decks: Iterable<{ slug: string; translations: unknown }>, language: QuestionLanguage): DeckTextLookup {
  const bySlug = new Map<string, { title: string; description: string }>();
  if (language === "zh") {
    for (const deck of decks) {
      const zh = readDeckTranslations(deck.translations).zh;
      if (zh) bySlug.set(deck.slug, zh);
    }
  }
  return {
    title: (slug, english) => bySlug.get(slug)?.title || english,
    description: (slug, english) => bySlug.get(slug)?.description || english,
  };
}

/**
 * The {@link DeckTextLookup} for the decks `viewerId` may see (the shared bank plus their own; the shared bank only
 * for null), in one query; none for English readers, whose titles are the English ones.
 */
export async function deckTextLookup(db: Db, viewerId: string | null, language: QuestionLanguage): Promise<DeckTextLookup> {
  if (language === "en") return deckTextsOf([], language);
  const decks = await db.deck.findMany({ where: visibleDecks(viewerId), select: { slug: true, translations: true } });
  return deckTextsOf(decks, language);
}
