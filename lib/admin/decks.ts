/**
 * Decks for admins: list with question counts, create, rename and describe, and reorder. A deck's slug is its
 * folder in content/ and the identity content files refer to, so it is fixed once created.
 */
import { z } from "zod";
import { deckSchema } from "@/lib/content/schema";
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
  active: number;
  archived: number;
}

export async function listDecksForAdmin(db: Db, actorId: string): Promise<AdminDeckRow[]> {
  await assertAdmin(db, actorId);
  const [decks, counts] = await Promise.all([
    // The shared bank only: learners' personal (imported) decks are theirs (lib/bank/visibility.ts).
    db.deck.findMany({ where: SHARED_DECKS, orderBy: [{ order: "asc" }, { slug: "asc" }], select: { id: true, slug: true, title: true, description: true, order: true } }),
    db.question.groupBy({ by: ["deckId", "status"], where: { deck: SHARED_DECKS }, _count: { _all: true } }),
  ]);
  const count = (deckId: string, status: "ACTIVE" | "ARCHIVED") => counts.find((row) => row.deckId === deckId && row.status === status)?._count._all ?? 0;
  return decks.map((deck) => ({ ...deck, active: count(deck.id, "ACTIVE"), archived: count(deck.id, "ARCHIVED") }));
}

export const createDeckSchema = deckSchema.pick({ slug: true, title: true, description: true });
export const updateDeckSchema = z.object({ id: z.string().min(1).max(64) }).extend(deckSchema.pick({ title: true, description: true }).shape);
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
    const deck = await tx.deck.create({ data: { ...data, order: (last._max.order ?? 0) + 1 } });
    await writeAudit(tx, { actorId, action: "deck.create", targetType: "Deck", targetId: deck.id, after: { slug: deck.slug, title: deck.title } });
    return { id: deck.id };
  });
}

export async function updateDeck(db: Db, actorId: string, input: unknown): Promise<void> {
  await assertAdmin(db, actorId);
  const { id, title, description } = parseOrThrow(updateDeckSchema, input);
  await db.$transaction(async (tx) => {
    const deck = await tx.deck.findUnique({ where: { id }, select: { title: true, description: true } });
    if (!deck) throw new AppError("NOT_FOUND", "That deck no longer exists.");
    if (deck.title === title && deck.description === description) return;
    await tx.deck.update({ where: { id }, data: { title, description } });
    await writeAudit(tx, { actorId, action: "deck.update", targetType: "Deck", targetId: id, before: deck, after: { title, description } });
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
