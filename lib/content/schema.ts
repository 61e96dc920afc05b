/**
 * The question-bank file format, defined once. content:check, the seed, and (later) the admin editor all
 * validate with these schemas, so a file is valid everywhere or nowhere. See content/README.md.
 */
import { z } from "zod";
import { numericTemplateSchema } from "../numeric/schema";
import { translationsFrontMatterSchema } from "./translations";

export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const keySchema = z
  .string({ error: "expected a kebab-case string" })
  .min(3, "expected at least 3 characters")
  .max(100, "expected at most 100 characters")
  .regex(KEY_PATTERN, "expected kebab-case: lower-case letters, digits and single hyphens");

const deckTitle = z.string({ error: "expected a title" }).trim().min(1, "expected a non-empty title").max(120);
const deckDescription = z.string().trim().max(500, "expected at most 500 characters").default("");

/** A deck's title and description in another language (`translations: { zh: { title, description } }`). */
export const deckTranslationsSchema = z.strictObject({ zh: z.strictObject({ title: deckTitle, description: deckDescription }).optional() });
export type DeckTranslations = z.infer<typeof deckTranslationsSchema>;

export const deckSchema = z.strictObject({
  slug: keySchema,
  title: deckTitle,
  description: deckDescription,
  order: z.number({ error: "expected a number" }).int("expected a whole number").min(0).max(10_000),
  translations: deckTranslationsSchema.default({}),
});

export const decksFileSchema = z
  .array(deckSchema, { error: "expected a list of decks" })
  .min(1, "expected at least one deck")
  .superRefine((decks, context) => {
    const seen = new Set<string>();
    decks.forEach((deck, index) => {
      if (seen.has(deck.slug)) context.addIssue({ code: "custom", message: `duplicate deck slug "${deck.slug}"`, path: [index, "slug"] });
      seen.add(deck.slug);
    });
  });

export const choiceSchema = z
  .strictObject({
    text: z.string({ error: "expected the choice text" }).trim().min(1, "expected non-empty text").max(1000),
    correct: z.boolean({ error: "expected true or false" }).optional(),
    why: z.string({ error: "expected a one-line reason" }).trim().min(1).max(500).optional(),
  })
  .superRefine((choice, context) => {
    if (!choice.correct && !choice.why) {
      context.addIssue({ code: "custom", message: "a wrong choice needs `why`: one line saying why it is wrong", path: ["why"] });
    }
  });

const baseFrontMatter = {
  key: keySchema,
  deck: keySchema,
  title: z.string({ error: "expected a title" }).trim().min(1, "expected a non-empty title").max(200, "expected at most 200 characters"),
  tags: z
    .array(z.string().regex(KEY_PATTERN, "expected kebab-case tags"), { error: "expected a list of tags" })
    .max(12, "expected at most 12 tags")
    .default([]),
  difficulty: z.number({ error: "expected a number from 1 to 5" }).int("expected a whole number").min(1, "expected 1 to 5").max(5, "expected 1 to 5"),
  /** Titles, choices and numeric texts in other languages; their sections are `## Prompt (zh)` etc. */
  translations: translationsFrontMatterSchema.optional(),
};

export const flashcardFrontMatter = z.strictObject({ ...baseFrontMatter, kind: z.literal("flashcard") });

export const multipleChoiceFrontMatter = z.strictObject({
  ...baseFrontMatter,
  kind: z.literal("multiple-choice"),
  choices: z
    .array(choiceSchema, { error: "expected a list of choices" })
    .min(2, "expected at least 2 choices")
    .max(6, "expected at most 6 choices")
    .refine((choices) => choices.some((choice) => choice.correct), "expected at least one choice with `correct: true`")
    .refine((choices) => new Set(choices.map((choice) => choice.text)).size === choices.length, "expected every choice text to be different"),
});

/**
 * Numeric questions carry a `template:` block, validated by lib/numeric's schema (shape and messages in
 * content/README.md, "### Numeric"). Whether its expressions compile and its instances can be drawn is checked
 * in parse.ts with `validateTemplate`, since that needs more than a shape.
 */
export const numericFrontMatter = z.strictObject({
  ...baseFrontMatter,
  kind: z.literal("numeric"),
  template: numericTemplateSchema,
});

export const frontMatterSchema = z.discriminatedUnion("kind", [flashcardFrontMatter, multipleChoiceFrontMatter, numericFrontMatter], {
  error: "expected `kind` to be flashcard, multiple-choice or numeric",
});

export type DeckDefinition = z.infer<typeof deckSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type QuestionKindName = FrontMatter["kind"];

/** Markdown body limits: generous for explanations, bounded so a broken file cannot bloat the database. */
export const SECTION_MAX_LENGTH = 20_000;
export const SECTION_NAMES = ["Prompt", "Answer", "Explanation"] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** The heading of a section in a translation's language: `Prompt (zh)`. */
export function translatedSectionName(name: SectionName, language: string): string {
  return `${name} (${language})`;
}
