/**
 * Personal decks (Deck.ownerId, from an imported Anki package) are their owner's alone: every learner-facing read
 * (deck lists, deck and question pages, the study queue, reviews, suspending, the dashboard) shows them to the owner
 * only, and the shared-bank tools (seeds, admin lists and editor, bank export, CSV import, study groups, numeric
 * practice) leave them out. A fixture of one shared deck and one personal deck, with a learner who owns it and one
 * who does not.
 */
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { exportBankZip } from "@/lib/admin/bank-transfer";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { getQuestionForEdit, listQuestionsForAdmin } from "@/lib/admin/questions";
import { refreshBankOrder } from "@/lib/bank/order";
import { getDeckWithQuestions, getQuestionDetail, listDecks, parseDeckFilters } from "@/lib/bank/queries";
import { seedQuestionBank } from "@/lib/bank/seed";
import { loadContent } from "@/lib/content/load";
import { createGroup, setGroupDecks } from "@/lib/groups/service";
import { listNumericDecks } from "@/lib/practice/numeric";
import { getNextStudyCard, getQueueOverview, setCardSuspended, submitReview } from "@/lib/study/service";
import { loadStudySettings } from "@/lib/study/settings";
import { dueToday, todaySummary } from "@/lib/study/stats";
import { clearQuestionBank, createUser, expectAppError, testDb } from "./helpers";

const db = testDb();
let dir = "";
afterAll(async () => {
  await db.$disconnect();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const NOW = new Date("2026-06-01T12:00:00Z");
let owner = "";
let other = "";
let admin = "";
let sharedDeck = "";
let personalDeck = "";
let personalQuestion = "";

beforeEach(async () => {
  await clearQuestionBank(db);
  owner = (await createUser(db)).user.id;
  other = (await createUser(db)).user.id;
  admin = (await createUser(db, { role: "ADMIN" })).user.id;
  sharedDeck = (await db.deck.create({ data: { slug: "shared-deck", title: "Shared deck", order: 1 } })).id;
  personalDeck = (await db.deck.create({ data: { slug: "my-anki", title: "My Anki deck", ownerId: owner } })).id;
  const base = { kind: "FLASHCARD" as const, prompt: "P?", answer: "A.", difficulty: 1 };
  await db.question.create({ data: { ...base, key: "shared-1", deckId: sharedDeck, title: "Shared one" } });
  personalQuestion = (await db.question.create({ data: { ...base, key: "anki-own-1", deckId: personalDeck, title: "Mine one", origin: "ADMIN" } })).id;
  await refreshBankOrder(db);
});

describe("learner-facing reads", () => {
  it("list the personal deck for its owner only, after the shared bank", async () => {
    expect((await listDecks(db, owner)).map((deck) => [deck.slug, deck.personal, deck.questionCount])).toEqual([
      ["shared-deck", false, 1],
      ["my-anki", true, 1],
    ]);
    expect((await listDecks(db, other)).map((deck) => deck.slug)).toEqual(["shared-deck"]);
    expect((await listDecks(db, null)).map((deck) => deck.slug)).toEqual(["shared-deck"]);
  });

  it("open the deck and its questions for the owner and look like a missing deck to anyone else", async () => {
    const filters = parseDeckFilters({});
    expect((await getDeckWithQuestions(db, "my-anki", filters, owner))?.questions.map((question) => question.key)).toEqual(["anki-own-1"]);
    expect(await getDeckWithQuestions(db, "my-anki", filters, other)).toBeNull();
    expect((await getQuestionDetail(db, "my-anki", "anki-own-1", owner))?.title).toBe("Mine one");
    expect(await getQuestionDetail(db, "my-anki", "anki-own-1", other)).toBeNull();
  });

  it("put the personal cards in the owner's queue after the shared ones, never in another learner's", async () => {
    const ownerSettings = await loadStudySettings(db, owner);
    expect((await getQueueOverview(db, owner, ownerSettings, NOW)).counts.new).toBe(2);
    const first = await getNextStudyCard(db, owner, ownerSettings, NOW);
    expect(first.done ? null : first.card.questionKey).toBe("shared-1");

    const otherSettings = await loadStudySettings(db, other);
    expect((await getQueueOverview(db, other, otherSettings, NOW)).counts.new).toBe(1);
    expect((await getQueueOverview(db, other, otherSettings, NOW, "my-anki")).counts.new).toBe(0);
  });

  it("refuse another learner's review or suspension of a personal question as not found, writing nothing", async () => {
    const settings = await loadStudySettings(db, other);
    const review = { clientRequestId: crypto.randomUUID(), questionId: personalQuestion, cardVersion: "new", rating: 3 };
    expect((await expectAppError(submitReview(db, other, review, settings, NOW))).code).toBe("NOT_FOUND");
    expect((await expectAppError(setCardSuspended(db, other, personalQuestion, true))).code).toBe("NOT_FOUND");
    expect(await db.card.count({ where: { userId: other } })).toBe(0);
  });

  it("count the personal deck on the owner's dashboard only", async () => {
    const options = { timeZone: "UTC", dayStartHour: 4 };
    expect((await dueToday(db, owner, options, NOW)).map((deck) => [deck.slug, deck.newAvailable])).toEqual([["shared-deck", 1], ["my-anki", 1]]);
    expect((await dueToday(db, other, options, NOW)).map((deck) => deck.slug)).toEqual(["shared-deck"]);
    expect((await todaySummary(db, other, { ...options, newCardsPerDay: 20 }, NOW)).newLeft).toBe(1);
    expect((await todaySummary(db, owner, { ...options, newCardsPerDay: 20 }, NOW)).newLeft).toBe(2);
  });
});

describe("shared-bank tools", () => {
  it("leave the personal deck out of the admin lists, the editor and the bank export", async () => {
    expect((await listDecksForAdmin(db, admin)).map((deck) => deck.slug)).toEqual(["shared-deck"]);
    expect((await listQuestionsForAdmin(db, admin, {})).rows.map((row) => row.key)).toEqual(["shared-1"]);
    expect((await listQuestionsForAdmin(db, admin, { deck: "my-anki" })).rows).toEqual([]);
    expect(await getQuestionForEdit(db, admin, personalQuestion)).toBeNull();
    expect((await exportBankZip(db, admin)).questionCount).toBe(1);
    expect((await expectAppError(exportBankZip(db, admin, "my-anki"))).code).toBe("NOT_FOUND");
  });

  it("never archive or touch personal questions when seeding a content folder without them", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "receptive-personal-"));
    await writeFile(path.join(dir, "decks.yml"), "- slug: shared-deck\n  title: Shared deck\n  order: 1\n");
    await mkdir(path.join(dir, "shared-deck"));
    await writeFile(
      path.join(dir, "shared-deck", "s1.md"),
      "---\nkey: shared-1\ndeck: shared-deck\nkind: flashcard\ntitle: Shared one\ntags: [t]\ndifficulty: 1\n---\n## Prompt\nP?\n\n## Answer\nA.\n\n## Explanation\nBecause.\n",
    );
    // Whatever origin an import gives its questions, the seed must not see them (CONTENT is the one it archives).
    await db.question.update({ where: { id: personalQuestion }, data: { origin: "CONTENT" } });
    const summary = await seedQuestionBank(db, await loadContent(dir));
    expect(summary).toMatchObject({ errors: 0, archiveSkipped: false, archived: 0, failedDecks: [] });
    expect(await db.question.findUniqueOrThrow({ where: { id: personalQuestion }, select: { status: true, title: true } })).toEqual({ status: "ACTIVE", title: "Mine one" });
    expect(await db.deck.findUniqueOrThrow({ where: { id: personalDeck }, select: { ownerId: true, title: true } })).toEqual({ ownerId: owner, title: "My Anki deck" });
  });

  it("refuse a personal deck as a group deck, even for its owner", async () => {
    const group = await createGroup(db, owner, { name: "Owner's group" });
    const error = await expectAppError(setGroupDecks(db, owner, { groupId: group.id, deckIds: [personalDeck] }));
    expect(error.code).toBe("VALIDATION");
    expect(await db.groupDeck.count({ where: { groupId: group.id } })).toBe(0);
    await db.studyGroup.delete({ where: { id: group.id } });
  });

  it("offer numeric practice from the shared bank only", async () => {
    const template = { variables: { k: { choices: [2] } }, answer: "k", tolerance: { type: "exact" }, unit: "none", solution: "{{answer}}" };
    await db.question.create({ data: { key: "anki-own-num", deckId: personalDeck, kind: "NUMERIC", title: "N", prompt: "{{k}}", answer: "", template } });
    expect(await listNumericDecks(db)).toEqual([]);
  });
});
