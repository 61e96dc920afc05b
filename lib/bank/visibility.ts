/**
 * Who may see a deck. The shared question bank (decks without an owner) is visible to every learner; a personal
 * deck (`Deck.ownerId`, an imported Anki package) only to its owner. Every learner-facing read of decks or
 * questions goes through one of these, so a personal deck never shows up in someone else's lists, queue or search
 * (and asking for one by slug or id looks exactly like asking for one that does not exist). Admin tools, seeds,
 * bank exports and study groups work on the shared bank only ({@link SHARED_DECKS}).
 */
import { Prisma } from "@/generated/prisma/client";

/** Prisma filter: decks of the shared bank. */
export const SHARED_DECKS = { ownerId: null } satisfies Prisma.DeckWhereInput;

/** Prisma filter: decks `viewerId` may see (the shared bank plus their personal decks); shared only for null. */
export function visibleDecks(viewerId: string | null): Prisma.DeckWhereInput {
  return viewerId === null ? SHARED_DECKS : { OR: [{ ownerId: null }, { ownerId: viewerId }] };
}

/** SQL condition on a `"Deck"` row alias (e.g. `d`): the deck is visible to `viewerId`. */
export function deckVisibleSql(alias: string, viewerId: string): Prisma.Sql {
  if (!/^[a-z]+$/.test(alias)) throw new Error(`Unexpected SQL alias ${alias}`);
  return Prisma.sql`(${Prisma.raw(`${alias}."ownerId"`)} IS NULL OR ${Prisma.raw(`${alias}."ownerId"`)} = ${viewerId})`;
}
