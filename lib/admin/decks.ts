/**
 * Decks for admins: list with question counts, create, rename and describe, and reorder. A deck's slug is its
 * folder in content/ and the identity content files refer to, so it is fixed once created.
 */
import { z } from "zod";
import { readDeckTranslations } from "@/lib/bank/deck-text";
import { deckSchema, deckTranslationsSchema, type DeckTranslations } from "@/lib/content/schema";
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./audit";
import { assertAdmin } from "./guard";
import { parseOrThrow } from "./schemas";
import { SHARED_DECKS } from "@/lib/bank/visibility";

export interface AdminDeckRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  order: number;
  /** The Chinese title and description, when the deck has them. */
  translations: DeckTranslations;
  active: number;
  archived: number;
}

export async function listDecksForAdmin(db: Db, actorId: string): Promise<AdminDeckRow[]> {
  await assertAdmin(db, actorId);
  const [decks, counts] = await Promise.all([
    // The shared bank only: learners' personal (imported) decks are theirs (lib/bank/visibility.ts).
    db.deck.findMany({ where: SHARED_DECKS, orderBy: [{ order: "asc" }, { slug: "asc" }], select: { id: true, slug: true, title: true, description: true, order: true, translations: true } }),
    db.question.groupBy({ by: ["deckId", "status"], where: { deck: SHARED_DECKS }, _count: { _all: true } }),
  ]);
  const count = (deckId: string, status: "ACTIVE" | "ARCHIVED") => counts.find((row) => row.deckId === deckId && row.status === status)?._count._all ?? 0;
  return decks.map((deck) => ({ ...deck, translations: readDeckTranslations(deck.translations), active: count(deck.id, "ACTIVE"), archived: count(deck.id, "ARCHIVED") }));
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/**
 * The Chinese title and description as the deck forms send them (`{ zh: { title, description } }`), checked with
 * the decks.yml rules. Both empty means no translation; a description without a title is refused on
 * `translations.zh.title`, as an untitled deck would be. Absent (older callers): the stored translation is kept.
 */
export const deckTranslationsInputSchema = z.preprocess((value) => {
  const zh = value && typeof value === "object" ? (value as { zh?: unknown }).zh : undefined;
  if (zh && typeof zh === "object" && isBlank((zh as { title?: unknown }).title) && isBlank((zh as { description?: unknown }).description)) return {};
  return value;
}, deckTranslationsSchema);

export const createDeckSchema = deckSchema.pick({ slug: true, title: true, description: true }).extend({ translations: deckTranslationsInputSchema.optional() });
export const updateDeckSchema = z
  .object({ id: z.string().min(1).max(64) })
  .extend(deckSchema.pick({ title: true, description: true }).shape)
  .extend({ translations: deckTranslationsInputSchema.optional() });
export const moveDeckSchema = z.object({ id: z.string().min(1).max(64), direction: z.enum(["up", "down"]) });

/** Creates a deck at the end of the deck order. */
export async function createDeck(db: Db, actorId: string, input: unknown): Promise<{ id: string }> {
  await assertAdmin(db, actorId);
  const data = parseOrThrow(createDeckSchema, input);
  return db.$transaction(async (tx) => {
    if (await tx.deck.findUnique({ where: { slug: data.slug }, select: { id: true } })) {
      throw new AppError("VALIDATION", "Please fix the highlighted fields.", { slug: [`A deck with the slug "${data.slug}" already exists.`] });
    }
    const last = await tx.deck.aggregate({ _max: { order: true } });
    const translations = data.translations ?? {};
    const deck = await tx.deck.create({ data: { ...data, translations, order: (last._max.order ?? 0) + 1 } });
    await writeAudit(tx, { actorId, action: "deck.create", targetType: "Deck", targetId: deck.id, after: { slug: deck.slug, title: deck.title, ...(translations.zh ? { translations } : {}) } });
    return { id: deck.id };
  });
}

export async function updateDeck(db: Db, actorId: string, input: unknown): Promise<void> {
  await assertAdmin(db, actorId);
  const { id, title, description, translations } = parseOrThrow(updateDeckSchema, input);
  await db.$transaction(async (tx) => {
    const deck = await tx.deck.findUnique({ where: { id }, select: { title: true, description: true, translations: true } });
    if (!deck) throw new AppError("NOT_FOUND", "That deck no longer exists.");
    const storedTranslations = readDeckTranslations(deck.translations);
    // Both went through deckTranslationsSchema, so equal translations serialise equally.
    const translationsChanged = translations !== undefined && JSON.stringify(translations) !== JSON.stringify(storedTranslations);
    if (deck.title === title && deck.description === description && !translationsChanged) return;
    await tx.deck.update({ where: { id }, data: { title, description, ...(translationsChanged ? { translations } : {}) } });
    await writeAudit(tx, {
      actorId,
      action: "deck.update",
      targetType: "Deck",
      targetId: id,
      before: { title: deck.title, description: deck.description, ...(translationsChanged ? { translations: storedTranslations } : {}) },
      after: { title, description, ...(translationsChanged ? { translations } : {}) },
    });
  });
}

/**
 * Moves a deck one place up or down in the study order. Orders are renumbered 1..n so they stay distinct (ties
 * from hand-edited decks.yml files would otherwise make "up" a no-op). Deck order does not change question ranks.
 */
export async function moveDeck(db: Db, actorId: string, input: unknown): Promise<void> {
  await assertAdmin(db, actorId);
  const { id, direction } = parseOrThrow(moveDeckSchema, input);
  await db.$transaction(async (tx) => {
    const decks = await tx.deck.findMany({ where: SHARED_DECKS, orderBy: [{ order: "asc" }, { slug: "asc" }], select: { id: true, slug: true, order: true } });
    const index = decks.findIndex((deck) => deck.id === id);
    if (index === -1) throw new AppError("NOT_FOUND", "That deck no longer exists.");
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= decks.length) return;
    const reordered = [...decks];
    [reordered[index], reordered[target]] = [reordered[target]!, reordered[index]!];
    for (const [position, deck] of reordered.entries()) {
      if (deck.order !== position + 1) await tx.deck.update({ where: { id: deck.id }, data: { order: position + 1 } });
    }
    await writeAudit(tx, { actorId, action: "deck.reorder", targetType: "Deck", targetId: id, before: { position: index + 1 }, after: { position: target + 1 } });
  });
}
