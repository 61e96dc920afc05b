/**
 * The stored bank order and the learners' new-card cursors: ranks follow (difficulty, title, key) within a deck,
 * the cursor skips questions the learner has started, and every change that can put an unstarted question below
 * a cursor (a new question, a restored one, a reordering) makes the queue offer it again.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { refreshBankOrder } from "@/lib/bank/order";
import { loadStudySettings, type StudySettings } from "@/lib/study/settings";
import { getNextStudyCard, getQueueOverview, submitReview } from "@/lib/study/service";
import { clearQuestionBank, createUser, testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

const now = new Date("2026-05-01T09:00:00Z");
let deckId = "";
let userId = "";
let settings: StudySettings;

async function addQuestion(key: string, title: string, difficulty: number, target = deckId): Promise<string> {
  const question = await db.question.create({
    data: { deckId: target, key, kind: "FLASHCARD", title, difficulty, prompt: "P", answer: "A", explanation: "E", tags: [] },
  });
  return question.id;
}

/** Studies the first card of the queue (rated Good) and returns its key. */
async function studyNext(): Promise<string> {
  const next = await getNextStudyCard(db, userId, settings, now);
  if (next.done) throw new Error("expected a card");
  await submitReview(db, userId, { clientRequestId: crypto.randomUUID(), questionId: next.card.questionId, cardVersion: next.card.cardVersion, rating: 3 }, settings, now);
  return next.card.questionKey;
}

async function nextNewKey(): Promise<string | null> {
  // Only new cards are due at `now` right after studying (learning steps are 1 and 10 minutes ahead).
  const next = await getNextStudyCard(db, userId, settings, now);
  return next.done ? null : next.card.questionKey;
}

beforeEach(async () => {
  await clearQuestionBank(db);
  deckId = (await db.deck.create({ data: { slug: "order-deck", title: "Order deck", order: 1 } })).id;
  // Created out of order on purpose: the rank must come from difficulty, title, key, not insertion order.
  await addQuestion("o-c", "Charlie", 2);
  await addQuestion("o-a", "Alpha", 1);
  await addQuestion("o-b2", "Bravo", 1);
  await addQuestion("o-b1", "Bravo", 1);
  await refreshBankOrder(db);
  userId = (await createUser(db)).user.id;
  settings = await loadStudySettings(db, userId);
});

describe("bank order", () => {
  it("ranks questions by difficulty, then title, then key, from 1 within each deck", async () => {
    const ranked = await db.question.findMany({ where: { deckId }, orderBy: { bankRank: "asc" }, select: { key: true, bankRank: true } });
    // By hand: difficulty 1 first (Alpha; then the two Bravos by key b1 < b2), then Charlie (difficulty 2).
    expect(ranked).toEqual([
      { key: "o-a", bankRank: 1 },
      { key: "o-b1", bankRank: 2 },
      { key: "o-b2", bankRank: 3 },
      { key: "o-c", bankRank: 4 },
    ]);
  });

  it("bumps the order version only of decks whose order changed or that are named as touched", async () => {
    const other = await db.deck.create({ data: { slug: "other-deck", title: "Other", order: 2 } });
    const versions = async () => Object.fromEntries((await db.deck.findMany({ select: { slug: true, orderVersion: true } })).map((deck) => [deck.slug, deck.orderVersion]));
    const before = await versions();
    expect(await refreshBankOrder(db)).toBe(0);
    expect(await versions()).toEqual(before);
    // Alpha renamed Zulu: by hand, difficulty 1 is now Bravo(b1) 1, Bravo(b2) 2, Zulu 3; Charlie (difficulty 2)
    // stays 4. Three ranks moved.
    await db.question.update({ where: { key: "o-a" }, data: { title: "Zulu" } });
    expect(await refreshBankOrder(db, [other.id])).toBe(3);
    const after = await versions();
    expect(after["order-deck"]).toBe(before["order-deck"]! + 1);
    expect(after["other-deck"]).toBe(before["other-deck"]! + 1);
  });
});

describe("new-card cursor", () => {
  it("introduces questions in rank order and moves the cursor to the first question without a card", async () => {
    expect(await studyNext()).toBe("o-a");
    expect(await studyNext()).toBe("o-b1");
    expect(await nextNewKey()).toBe("o-b2");
    const cursor = await db.newCardCursor.findUniqueOrThrow({ where: { userId_deckId: { userId, deckId } } });
    // o-a (rank 1) and o-b1 (rank 2) have cards; the first question without one is o-b2, rank 3.
    expect(cursor.rank).toBe(3);
  });

  it("offers a question added below the cursor once the bank order is refreshed", async () => {
    await studyNext();
    await studyNext();
    await nextNewKey(); // cursor now at rank 3
    await addQuestion("o-0", "Aardvark", 1); // sorts before Alpha: rank 1
    await refreshBankOrder(db, [deckId]);
    expect(await nextNewKey()).toBe("o-0");
  });

  it("offers a restored question that was archived while the learner moved past it", async () => {
    await db.question.update({ where: { key: "o-b1" }, data: { status: "ARCHIVED" } });
    await refreshBankOrder(db, []);
    expect(await studyNext()).toBe("o-a");
    expect(await studyNext()).toBe("o-b2");
    expect(await nextNewKey()).toBe("o-c"); // cursor passes o-b1's rank
    await db.question.update({ where: { key: "o-b1" }, data: { status: "ACTIVE" } });
    await refreshBankOrder(db, [deckId]);
    expect(await nextNewKey()).toBe("o-b1");
  });

  it("reports the same new count as a full scan after the learner has started every question", async () => {
    for (let i = 0; i < 4; i++) await studyNext();
    const overview = await getQueueOverview(db, userId, settings, now);
    expect(overview.counts.new).toBe(0);
    const cursor = await db.newCardCursor.findUniqueOrThrow({ where: { userId_deckId: { userId, deckId } } });
    expect(cursor.rank).toBe(2_147_483_647);
    // A cursor from an older deck version is ignored: the search starts again from the first rank.
    await db.newCardCursor.update({ where: { userId_deckId: { userId, deckId } }, data: { deckVersion: -1, rank: 1 } });
    await addQuestion("o-d", "Delta", 3);
    await refreshBankOrder(db, [deckId]);
    expect((await getQueueOverview(db, userId, settings, now)).counts.new).toBe(1);
  });
});
