/**
 * Deleting one of the learner's personal (imported) decks. Only the owner can, and it is for good: the deck, its
 * questions, and every card, review and numeric attempt on them go (the shared bank never loses history this way;
 * a personal deck is the learner's own data, and the page asks for confirmation first). The StudyDay triggers
 * take the deleted reviews out of the learner's daily counts and streaks.
 *
 * The schema restricts deleting questions that have cards (Card.question, Question.deck: onDelete Restrict, which
 * protects the shared bank), so the rows are removed in dependency order inside one transaction.
 */
import { z } from "zod";
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";

export const deletePersonalDeckSchema = z.strictObject({ slug: z.string().trim().min(1).max(100) });

export interface DeletedPersonalDeck {
  title: string;
  questions: number;
  reviews: number;
}

/** Deletes the learner's personal deck `slug`; NOT_FOUND for a shared deck, someone else's deck or no deck. */
export async function deletePersonalDeck(db: Db, userId: string, input: unknown): Promise<DeletedPersonalDeck> {
  const { slug } = parseOrThrow(deletePersonalDeckSchema, input);
  return db.$transaction(async (tx) => {
    const deck = await tx.deck.findFirst({ where: { slug, ownerId: userId }, select: { id: true, title: true } });
    if (!deck) throw new AppError("NOT_FOUND", "That deck does not exist (or was already deleted).");
    const questionIds = (await tx.question.findMany({ where: { deckId: deck.id }, select: { id: true } })).map((row) => row.id);
    const reviews = await tx.reviewLog.count({ where: { card: { questionId: { in: questionIds } } } });
    // Review logs go with their cards (cascade); numeric attempts and revisions with their questions.
    await tx.card.deleteMany({ where: { questionId: { in: questionIds } } });
    await tx.question.deleteMany({ where: { deckId: deck.id } });
    await tx.deck.delete({ where: { id: deck.id } }); // cascades StudyDeck and NewCardCursor rows
    return { title: deck.title, questions: questionIds.length, reviews };
  });
}
