/**
 * A stored question seen as content: the same fields a content file has, so the database copy can be hashed
 * like a file (import planning), written out as a file (export), kept in a revision and compared with one.
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { questionHash, type ParsedQuestion } from "@/lib/content/parse";
import type { QuestionKindName } from "@/lib/content/schema";
import { readTranslations } from "@/lib/content/translations";
import { fromStoredTemplate, toStoredTemplate } from "@/lib/numeric/storage";

/** A question's content: a content file's fields without its path and hash. */
export type QuestionContent = Omit<ParsedQuestion, "file" | "hash">;

export const KIND_TO_DB = { flashcard: "FLASHCARD", "multiple-choice": "MULTIPLE_CHOICE", numeric: "NUMERIC" } as const;
export const KIND_FROM_DB = { FLASHCARD: "flashcard", MULTIPLE_CHOICE: "multiple-choice", NUMERIC: "numeric" } as const satisfies Record<string, QuestionKindName>;

/** The columns `contentOfRow` needs; select them with {@link STORED_CONTENT_SELECT}. */
export const STORED_CONTENT_SELECT = {
  key: true,
  kind: true,
  title: true,
  tags: true,
  difficulty: true,
  choices: true,
  template: true,
  prompt: true,
  answer: true,
  explanation: true,
  translations: true,
  deck: { select: { slug: true } },
} as const satisfies Prisma.QuestionSelect;

export type StoredContentRow = Prisma.QuestionGetPayload<{ select: typeof STORED_CONTENT_SELECT }>;

const storedChoices = z.array(
  z.object({ text: z.string(), correct: z.boolean().optional(), why: z.string().optional() }).transform((choice) => {
    // Only the fields a content file would have, so the hash matches the file's.
    const clean: { text: string; correct?: boolean; why?: string } = { text: choice.text };
    if (choice.correct !== undefined) clean.correct = choice.correct;
    if (choice.why !== undefined) clean.why = choice.why;
    return clean;
  }),
);

/** Stored multiple-choice options in the content format; anything unreadable is no options (never breaks a page). */
export function readStoredChoices(value: unknown): Array<{ text: string; correct?: boolean; why?: string }> {
  const parsed = storedChoices.safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}

export function contentOfRow(row: StoredContentRow): QuestionContent {
  const kind = KIND_FROM_DB[row.kind];
  return {
    key: row.key,
    deck: row.deck.slug,
    kind,
    title: row.title,
    tags: row.tags,
    difficulty: row.difficulty,
    choices: kind === "multiple-choice" ? storedChoices.parse(row.choices ?? []) : null,
    template: kind === "numeric" ? fromStoredTemplate(row.template) : null,
    prompt: row.prompt,
    answer: row.answer,
    explanation: row.explanation,
    translations: readTranslations(row.translations),
  };
}

/** The stored question's hash, comparable with a content file's `hash`; null when the row cannot be read back. */
export function storedContentHash(row: StoredContentRow): string | null {
  try {
    return questionHash(contentOfRow(row));
  } catch {
    return null;
  }
}

/**
 * What a QuestionRevision keeps: everything an admin can edit, with the template in its stored form (jsonb
 * reorders keys, and a template's variable order matters).
 */
export function revisionSnapshot(content: QuestionContent, source?: string): Prisma.InputJsonValue {
  return {
    deck: content.deck,
    kind: content.kind,
    title: content.title,
    tags: content.tags,
    difficulty: content.difficulty,
    choices: content.choices,
    template: content.template ? toStoredTemplate(content.template) : null,
    prompt: content.prompt,
    answer: content.answer,
    explanation: content.explanation,
    ...(Object.keys(content.translations).length > 0 ? { translations: content.translations } : {}),
    ...(source ? { source } : {}),
  } as Prisma.InputJsonValue;
}

/** The columns a question's content is written to (a kind without choices or template clears them). */
export function contentColumns(content: QuestionContent, deckId: string) {
  return {
    deckId,
    kind: KIND_TO_DB[content.kind],
    title: content.title,
    prompt: content.prompt,
    answer: content.answer,
    explanation: content.explanation,
    choices: content.choices ? (content.choices as Prisma.InputJsonValue) : Prisma.DbNull,
    template: content.template ? (toStoredTemplate(content.template) as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
    tags: content.tags,
    difficulty: content.difficulty,
    translations: content.translations as Prisma.InputJsonValue,
  };
}
