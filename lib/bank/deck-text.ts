/**
 * A deck's title and description in the language a learner reads: the `zh` translation when there is one
 * (Deck.translations, from decks.yml), else the English.
 */
import { deckTranslationsSchema, type DeckTranslations } from "@/lib/content/schema";
import type { QuestionLanguage } from "@/lib/content/translations";

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
