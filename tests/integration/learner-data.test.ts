/**
 * A learner's import and export against PostgreSQL. Import: an .apkg built by the test becomes a personal deck
 * owned by the learner with one flashcard per Anki card, in the bank order; a dry run writes nothing; importing the
 * same package again is refused, an updated copy brings only its new cards, another learner gets their own copy;
 * limits and unusable packages are refused with a message. Export: the review-log CSV and the card-state JSON of a
 * learner with hand-made reviews, compared with hand-written expected files (also through the route handlers and
 * with tiny page sizes, so paging cannot drop or repeat a row), and never a row of another learner.
 *
 * The session is the only thing replaced: `getCurrentUser` returns the user the test chooses, and the app's
 * database is the test database.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db-client";

const session = vi.hoisted(() => ({ db: null as unknown as Db, user: null as null | { id: string; email: string; name: string; role: "LEARNER" | "ADMIN" } }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db", () => ({ getDb: () => session.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

import { importApkgAction, previewApkgImportAction } from "@/app/account/data/actions";
import { GET as cardsRoute } from "@/app/api/me/cards.json/route";
import { GET as reviewsRoute } from "@/app/api/me/reviews.csv/route";
import { BASIC_MODEL, CLOZE_MODEL, FURIGANA_MODEL, REVERSED_MODEL, buildApkg, zipPackage, type FixtureCollection } from "@/lib/learner-data/apkg-fixture";
import { MAX_PACKAGE_BYTES } from "@/lib/learner-data/apkg-archive";
import { cardStatesJson, reviewLogCsv } from "@/lib/learner-data/export";
import { importApkg, keyPrefixFor, previewApkgImport } from "@/lib/learner-data/import";
import { fetchLearnerDataOverview } from "@/lib/learner-data/overview";
import { deletePersonalDeck } from "@/lib/learner-data/personal-decks";
import { clearQuestionBank, createUser, expectAppError, testDb } from "./helpers";

const db = testDb();
session.db = db;
afterAll(() => db.$disconnect());

beforeAll(async () => {
  // This file owns the question-bank tables for its run (integration files run one at a time).
  await clearQuestionBank(db);
});

async function learner() {
  const { user } = await createUser(db);
  return { id: user.id, email: user.email, name: user.name, role: "LEARNER" as const };
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

// ---- import ------------------------------------------------------------------------------------------------------

const deckCollection: FixtureCollection = {
  models: [BASIC_MODEL, REVERSED_MODEL, CLOZE_MODEL, FURIGANA_MODEL],
  decks: { 1_600_000_000_000: "Deep learning::Basics" },
  notes: [
    { guid: "n-basic", modelId: BASIC_MODEL.id, fields: ["What does <b>ReLU</b> return for x&nbsp;&lt;&nbsp;0?", "0<br>(it is max(0, x))"], tags: ["activation"], deckId: 1_600_000_000_000 },
    { guid: "n-rev", modelId: REVERSED_MODEL.id, fields: ["Stride", "Step of the kernel"], deckId: 1_600_000_000_000 },
    { guid: "n-cloze", modelId: CLOZE_MODEL.id, fields: ["{{c1::Adam}} adds {{c2::momentum::an idea}}", ""], deckId: 1_600_000_000_000 },
    { guid: "n-jp", modelId: FURIGANA_MODEL.id, fields: ["犬", "dog", "犬[いぬ]"], deckId: 1_600_000_000_000 },
    { guid: "n-img", modelId: BASIC_MODEL.id, fields: ['<img src="x.png">', "image only"], deckId: 1_600_000_000_000 },
  ],
};

let packageBytes: Uint8Array = new Uint8Array();
beforeAll(async () => {
  packageBytes = await buildApkg(deckCollection);
});

function apkgForm(bytes: Uint8Array, name = "deep-learning.apkg"): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type: "application/octet-stream" }));
  return form;
}

describe("importing an Anki package", () => {
  it("previews without writing: counts, note types and what is left out", async () => {
    const user = await learner();
    const decksBefore = await db.deck.count();
    const report = await previewApkgImport(db, user.id, { fileName: "C:\\Users\\me\\deep-learning.apkg", bytes: packageBytes });
    expect(await db.deck.count()).toBe(decksBefore);
    expect(report).toMatchObject({ fileName: "deep-learning.apkg", deckTitle: "Deep learning / Basics", notes: 5, cards: 5, alreadyImported: 0, deck: null, removedMedia: { images: 0, sounds: 0, other: 0 } });
    expect(report.noteTypes.map(({ name, kind, notes, cards }) => [name, kind, notes, cards])).toEqual([
      ["Basic", "basic", 2, 1],
      ["Basic (and reversed card)", "basic", 1, 2],
      ["Cloze", "cloze", 1, 2],
      ["Japanese (recognition)", "unsupported", 1, 0],
    ]);
    expect(report.skipped.map(({ reason, unit, count }) => [reason, unit, count])).toEqual([
      ["note type “Japanese (recognition)” is not supported: its card templates use the “furigana:” filter, which cannot be imported", "note", 1],
      ["the question side has only images or sounds, which are not imported", "card", 1],
    ]);
  });

  it("creates one personal deck owned by the learner, with its flashcards in bank order", async () => {
    const user = await learner();
    const report = await importApkg(db, user.id, { fileName: "deep-learning.apkg", bytes: packageBytes });
    expect(report.deck?.slug).toMatch(/^my-[0-9a-f]{10}$/);
    const deck = await db.deck.findUniqueOrThrow({ where: { slug: report.deck!.slug }, include: { questions: { orderBy: { bankRank: "asc" } } } });
    expect({ ownerId: deck.ownerId, title: deck.title, description: deck.description }).toEqual({
      ownerId: user.id,
      title: "Deep learning / Basics",
      description: "Imported from the Anki package “deep-learning.apkg”.",
    });
    // refreshBankOrder ran: ranks 1..n in the order of (difficulty, title, key) as the database sorts titles, and the
    // deck's order version moved.
    expect(deck.orderVersion).toBeGreaterThan(0);
    const byTitle = await db.question.findMany({ where: { deckId: deck.id }, orderBy: [{ difficulty: "asc" }, { title: "asc" }, { key: "asc" }], select: { title: true } });
    expect(deck.questions.map((question) => question.bankRank)).toEqual([1, 2, 3, 4, 5]);
    expect(deck.questions.map((question) => question.title)).toEqual(byTitle.map((question) => question.title));
    expect(byTitle.map((question) => question.title).sort()).toEqual(["Adam adds [an idea]", "Step of the kernel", "Stride", "What does ReLU return for x < 0?", "[...] adds momentum"]);
    const relu = deck.questions.find((question) => question.title.startsWith("What does ReLU"))!;
    expect(relu).toMatchObject({
      kind: "FLASHCARD",
      status: "ACTIVE",
      origin: "ADMIN",
      difficulty: 3,
      prompt: "What does **ReLU** return for x \\< 0?",
      answer: "0\\\n(it is max(0, x))",
      explanation: "Imported from Anki: note type “Basic”, card 1.",
      tags: ["activation"],
    });
    expect(deck.questions.every((question) => question.key.startsWith(`${keyPrefixFor(user.id)}-`))).toBe(true);
    expect(report).toMatchObject({ cards: 5, alreadyImported: 0 });
    // The learner had not picked decks to study, so none were added: they study every deck, this one included.
    expect(await db.studyDeck.count({ where: { userId: user.id } })).toBe(0);
    const overview = await fetchLearnerDataOverview(db, user.id);
    expect(overview.personalDecks.map(({ slug, questions }) => [slug, questions])).toEqual([[report.deck!.slug, 5]]);
  });

  it("refuses the same package again, naming the deck; the dry run says it is already imported", async () => {
    const user = await learner();
    const first = await importApkg(db, user.id, { fileName: "deep-learning.apkg", bytes: packageBytes });
    const questionsBefore = await db.question.count();
    const error = await expectAppError(importApkg(db, user.id, { fileName: "copy.apkg", bytes: packageBytes }));
    expect([error.code, error.message]).toEqual(["CONFLICT", "You have already imported this package. Its cards are in “Deep learning / Basics”."]);
    expect(await db.question.count()).toBe(questionsBefore);
    expect(await db.deck.count({ where: { ownerId: user.id } })).toBe(1);
    const again = await previewApkgImport(db, user.id, { fileName: "copy.apkg", bytes: packageBytes });
    expect(again).toMatchObject({ cards: 0, alreadyImported: 5 });
    expect(again.skipped[0]).toMatchObject({ reason: "already imported (in “Deep learning / Basics”)", unit: "card", count: 5 });
    expect(first.deck).not.toBeNull();
  });

  it("imports only the new cards of an updated copy, into a new deck", async () => {
    const user = await learner();
    await importApkg(db, user.id, { fileName: "deep-learning.apkg", bytes: packageBytes });
    const updated = await buildApkg({ ...deckCollection, notes: [...deckCollection.notes, { guid: "n-new", modelId: BASIC_MODEL.id, fields: ["Batch norm?", "Normalises activations"], deckId: 1_600_000_000_000 }] });
    const report = await importApkg(db, user.id, { fileName: "deep-learning-v2.apkg", bytes: updated });
    expect(report).toMatchObject({ cards: 1, alreadyImported: 5 });
    const decks = await db.deck.findMany({ where: { ownerId: user.id }, include: { questions: true } });
    expect(decks.map((deck) => deck.questions.length).sort()).toEqual([1, 5]);
    expect(decks.find((deck) => deck.questions.length === 1)!.questions[0]!.title).toBe("Batch norm?");
  });

  it("gives another learner their own copy of the same package", async () => {
    const [first, second] = [await learner(), await learner()];
    await importApkg(db, first.id, { fileName: "deep-learning.apkg", bytes: packageBytes });
    const report = await importApkg(db, second.id, { fileName: "deep-learning.apkg", bytes: packageBytes });
    expect(report).toMatchObject({ cards: 5, alreadyImported: 0 });
    const keys = (await db.question.findMany({ where: { deck: { ownerId: second.id } }, select: { key: true } })).map((row) => row.key);
    expect(keys.every((key) => key.startsWith(`${keyPrefixFor(second.id)}-`))).toBe(true);
    expect(keyPrefixFor(first.id)).not.toBe(keyPrefixFor(second.id));
  });

  it("adds the new deck to the learner's study selection when they have one", async () => {
    const user = await learner();
    const shared = await db.deck.create({ data: { slug: `shared-${randomUUID().slice(0, 8)}`, title: "Shared" } });
    await db.studyDeck.create({ data: { userId: user.id, deckId: shared.id } });
    const report = await importApkg(db, user.id, { fileName: "deep-learning.apkg", bytes: packageBytes });
    const chosen = await db.studyDeck.findMany({ where: { userId: user.id }, select: { deck: { select: { slug: true } } } });
    expect(chosen.map((row) => row.deck.slug).sort()).toEqual([report.deck!.slug, shared.slug].sort());
  });

  it("refuses packages it cannot use, with a message and nothing written", async () => {
    const user = await learner();
    const decksBefore = await db.deck.count();
    const unsupportedOnly = await buildApkg({ models: [FURIGANA_MODEL], notes: [{ guid: "jp", modelId: FURIGANA_MODEL.id, fields: ["犬", "dog", "犬[いぬ]"] }] });
    const cases: Array<[Uint8Array, RegExp]> = [
      [unsupportedOnly, /^Nothing in this package can be imported: note type “Japanese \(recognition\)” is not supported/],
      [await buildApkg({ models: [BASIC_MODEL], notes: [] }), /^Nothing in this package can be imported: it has no notes\.$/],
      [zipPackage({ "collection.anki21b": new Uint8Array([1, 2, 3]) }), /Support older Anki versions/],
      [new TextEncoder().encode("not a zip at all, just text"), /not a valid Anki package/],
      [new Uint8Array(MAX_PACKAGE_BYTES + 1), /at most 30 MB/],
    ];
    for (const [bytes, message] of cases) {
      const error = await expectAppError(importApkg(db, user.id, { fileName: "bad.apkg", bytes }));
      expect([error.code, error.message]).toEqual(["VALIDATION", expect.stringMatching(message)]);
    }
    expect(await db.deck.count()).toBe(decksBefore);
  });

  it("works through the server actions, which check the session and the upload first", async () => {
    const user = await learner();
    session.user = null;
    expect(await importApkgAction(apkgForm(packageBytes))).toEqual({ ok: false, message: "Your session has ended. Log in again." });
    session.user = user;
    const empty = await previewApkgImportAction(new FormData());
    expect(empty).toMatchObject({ ok: false, fieldErrors: { file: ["Choose an Anki package (.apkg) to import."] } });
    const huge = await previewApkgImportAction(apkgForm(new Uint8Array(MAX_PACKAGE_BYTES + 1)));
    expect(huge).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/the limit is 30 MB/)] } });
    const preview = await previewApkgImportAction(apkgForm(packageBytes));
    expect(preview).toMatchObject({ ok: true, data: { cards: 5, deck: null } });
    const imported = await importApkgAction(apkgForm(packageBytes));
    expect(imported).toMatchObject({ ok: true, message: "Imported 5 flashcards into your new deck “Deep learning / Basics”.", data: { cards: 5 } });
    expect(await db.deck.count({ where: { ownerId: user.id } })).toBe(1);
    const again = await importApkgAction(apkgForm(packageBytes));
    expect(again).toEqual({ ok: false, message: "You have already imported this package. Its cards are in “Deep learning / Basics”." });
    session.user = null;
  });
});

describe("deleting an imported deck", () => {
  it("is for its owner only, and takes the deck's questions, cards and reviews (and their day counts) with it", async () => {
    const owner = await learner();
    const other = await learner();
    const report = await importApkg(db, owner.id, { fileName: "delete-me.apkg", bytes: packageBytes });
    const slug = report.deck!.slug;
    const questions = await db.question.findMany({ where: { deck: { slug } }, select: { id: true } });
    expect(questions).toHaveLength(5);
    // Two reviews of one imported card on 1 June 2026 (UTC, day start 04:00 → study day 2026-06-01).
    const card = await db.card.create({ data: { userId: owner.id, questionId: questions[0]!.id, state: "REVIEW", due: new Date("2026-06-10T00:00:00Z") } });
    const log = (iso: string) => ({
      cardId: card.id, userId: owner.id, rating: 3, stateBefore: "REVIEW" as const, dueBefore: new Date(iso), stability: 1, difficulty: 5,
      elapsedDays: 1, lastElapsedDays: 0, scheduledDays: 1, learningSteps: 0, reviewedAt: new Date(iso), clientRequestId: randomUUID(),
    });
    await db.reviewLog.createMany({ data: [log("2026-06-01T10:00:00Z"), log("2026-06-01T11:00:00Z")] });
    expect(await db.studyDay.findMany({ where: { userId: owner.id }, select: { reviews: true } })).toEqual([{ reviews: 2 }]);

    expect((await expectAppError(deletePersonalDeck(db, other.id, { slug }))).code).toBe("NOT_FOUND");
    const shared = await db.deck.create({ data: { slug: `shared-${randomUUID().slice(0, 8)}`, title: "Shared" } });
    expect((await expectAppError(deletePersonalDeck(db, owner.id, { slug: shared.slug }))).code).toBe("NOT_FOUND");
    expect(await db.deck.count({ where: { id: shared.id } })).toBe(1);
    expect(await db.question.count({ where: { deck: { slug } } })).toBe(5);

    expect(await deletePersonalDeck(db, owner.id, { slug })).toEqual({ title: "Deep learning / Basics", questions: 5, reviews: 2 });
    expect(await db.deck.count({ where: { slug } })).toBe(0);
    expect(await db.question.count({ where: { id: { in: questions.map((question) => question.id) } } })).toBe(0);
    expect(await db.card.count({ where: { userId: owner.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: owner.id } })).toBe(0);
    expect(await db.studyDay.count({ where: { userId: owner.id } })).toBe(0);
    expect((await expectAppError(deletePersonalDeck(db, owner.id, { slug }))).code).toBe("NOT_FOUND");
  });
});

// ---- export ------------------------------------------------------------------------------------------------------

describe("exporting a learner's reviews and cards", () => {
  const at = (iso: string) => new Date(iso);
  let me = { id: "", email: "", name: "", role: "LEARNER" as const };
  let other = { id: "", email: "", name: "", role: "LEARNER" as const };

  beforeAll(async () => {
    me = await learner();
    other = await learner();
    const deck = await db.deck.create({ data: { slug: "ld-deck", title: "Export deck" } });
    const q1 = await db.question.create({ data: { key: "ld-q1", deckId: deck.id, kind: "FLASHCARD", title: "What is a stride?", prompt: "?", answer: "!" } });
    const q2 = await db.question.create({ data: { key: "ld-q2", deckId: deck.id, kind: "FLASHCARD", title: 'Quote "this", please', prompt: "?", answer: "!" } });
    const q3 = await db.question.create({ data: { key: "ld-q3", deckId: deck.id, kind: "FLASHCARD", title: "Not started", prompt: "?", answer: "!" } });
    const created = at("2026-01-30T08:00:00Z");
    // Card 1: Good on the new card (10-minute step), then Easy: graduates, due 9 days later.
    await db.card.create({
      data: { id: "ld-card-1", userId: me.id, questionId: q1.id, state: "REVIEW", due: at("2026-02-08T09:10:00Z"), stability: 9.1, difficulty: 1.5, scheduledDays: 9, reps: 2, lastReview: at("2026-01-30T09:10:00Z"), createdAt: created },
    });
    // Card 2: Again on the new card: 1-minute step.
    await db.card.create({
      data: { id: "ld-card-2", userId: me.id, questionId: q2.id, state: "LEARNING", due: at("2026-02-01T12:01:00Z"), stability: 0.2, difficulty: 6.4, learningSteps: 1, reps: 1, lastReview: at("2026-02-01T12:00:00Z"), createdAt: created },
    });
    // Card 3: never reviewed, suspended.
    await db.card.create({ data: { id: "ld-card-3", userId: me.id, questionId: q3.id, due: created, suspended: true, createdAt: created } });
    // The other learner's card on the same question, with a review of its own.
    await db.card.create({ data: { id: "ld-card-other", userId: other.id, questionId: q1.id, state: "LEARNING", due: at("2026-01-31T10:10:00Z"), reps: 1, lastReview: at("2026-01-31T10:00:00Z"), createdAt: created } });
    const log = (id: string, userId: string, cardId: string, reviewedAt: string, rest: { rating: number; stateBefore: "NEW" | "LEARNING"; dueBefore: string; lastReviewBefore: string | null; stability: number; difficulty: number; durationMs: number | null }) => ({
      id,
      userId,
      cardId,
      reviewedAt: at(reviewedAt),
      rating: rest.rating,
      stateBefore: rest.stateBefore,
      dueBefore: at(rest.dueBefore),
      lastReviewBefore: rest.lastReviewBefore === null ? null : at(rest.lastReviewBefore),
      stability: rest.stability,
      difficulty: rest.difficulty,
      durationMs: rest.durationMs,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      clientRequestId: randomUUID(),
    });
    await db.reviewLog.createMany({
      data: [
        // Inserted out of order on purpose: the export sorts by card, then time.
        log("ld-log-3", me.id, "ld-card-2", "2026-02-01T12:00:00Z", { rating: 1, stateBefore: "NEW", dueBefore: "2026-01-30T08:00:00Z", lastReviewBefore: null, stability: 0, difficulty: 0, durationMs: 2000 }),
        log("ld-log-2", me.id, "ld-card-1", "2026-01-30T09:10:00Z", { rating: 4, stateBefore: "LEARNING", dueBefore: "2026-01-30T09:10:00Z", lastReviewBefore: "2026-01-30T09:00:00Z", stability: 2.3065, difficulty: 2.1181, durationMs: null }),
        log("ld-log-1", me.id, "ld-card-1", "2026-01-30T09:00:00Z", { rating: 3, stateBefore: "NEW", dueBefore: "2026-01-30T08:00:00Z", lastReviewBefore: null, stability: 0, difficulty: 0, durationMs: 5000 }),
        log("ld-log-other", other.id, "ld-card-other", "2026-01-31T10:00:00Z", { rating: 3, stateBefore: "NEW", dueBefore: "2026-01-30T08:00:00Z", lastReviewBefore: null, stability: 0, difficulty: 0, durationMs: 1000 }),
      ],
    });
  });

  // review_time: 2026-01-30T09:00Z = 1769763600000, 09:10Z = 1769764200000, 2026-02-01T12:00Z = 1769947200000.
  const expectedCsv = [
    "card_id,review_time,review_rating,review_state,review_duration,review_type,interval,last_interval,stability,difficulty,elapsed_days,question_key,deck_slug",
    // The next review was due at 09:10, ten minutes after this one: -600 s.
    "ld-card-1,1769763600000,3,0,5000,0,-600,0,0,0,0,ld-q1,ld-deck",
    // The card's latest review set its current due, 9 days later; the interval before was the 10-minute step.
    "ld-card-1,1769764200000,4,1,0,0,9,-600,2.3065,2.1181,0,ld-q1,ld-deck",
    "ld-card-2,1769947200000,1,0,2000,0,-60,0,0,0,0,ld-q2,ld-deck",
    "",
  ].join("\r\n");

  it("writes the review log CSV, by card and time, with nothing of another learner", async () => {
    expect(await collect(reviewLogCsv(db, me.id))).toBe(expectedCsv);
  });

  it("gives the same CSV with pages of one card and one review (no row dropped or repeated)", async () => {
    expect(await collect(reviewLogCsv(db, me.id, { cardPageSize: 1, reviewPageSize: 1 }))).toBe(expectedCsv);
    expect(await collect(reviewLogCsv(db, me.id, { cardPageSize: 2, reviewPageSize: 1 }))).toBe(expectedCsv);
  });

  const expectedCards = [
    {
      cardId: "ld-card-1", questionKey: "ld-q1", questionTitle: "What is a stride?", deckSlug: "ld-deck", state: "REVIEW", due: "2026-02-08T09:10:00.000Z",
      stability: 9.1, difficulty: 1.5, elapsedDays: 0, scheduledDays: 9, learningSteps: 0, reps: 2, lapses: 0, suspended: false, leech: false,
      lastReview: "2026-01-30T09:10:00.000Z", createdAt: "2026-01-30T08:00:00.000Z",
    },
    {
      cardId: "ld-card-2", questionKey: "ld-q2", questionTitle: 'Quote "this", please', deckSlug: "ld-deck", state: "LEARNING", due: "2026-02-01T12:01:00.000Z",
      stability: 0.2, difficulty: 6.4, elapsedDays: 0, scheduledDays: 0, learningSteps: 1, reps: 1, lapses: 0, suspended: false, leech: false,
      lastReview: "2026-02-01T12:00:00.000Z", createdAt: "2026-01-30T08:00:00.000Z",
    },
    {
      cardId: "ld-card-3", questionKey: "ld-q3", questionTitle: "Not started", deckSlug: "ld-deck", state: "NEW", due: "2026-01-30T08:00:00.000Z",
      stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, suspended: true, leech: false,
      lastReview: null, createdAt: "2026-01-30T08:00:00.000Z",
    },
  ];

  it("writes the card states as JSON, in any page size", async () => {
    const now = at("2026-02-02T00:00:00Z");
    for (const pageSize of [undefined, 1, 2]) {
      const json = JSON.parse(await collect(cardStatesJson(db, me.id, { now, pageSize })));
      expect(json).toEqual({ format: "receptive-card-states", version: 1, exportedAt: "2026-02-02T00:00:00.000Z", cards: expectedCards });
    }
    const empty = JSON.parse(await collect(cardStatesJson(db, (await learner()).id, { now })));
    expect(empty.cards).toEqual([]);
  });

  it("serves both files as uncached attachments to the logged-in learner only", async () => {
    session.user = null;
    for (const route of [reviewsRoute, cardsRoute]) expect((await route()).status).toBe(401);

    session.user = me;
    const csv = await reviewsRoute();
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="receptive-reviews-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers.get("cache-control")).toBe("no-store");
    expect(await csv.text()).toBe(expectedCsv);
    const cards = await cardsRoute();
    expect(cards.headers.get("content-disposition")).toMatch(/^attachment; filename="receptive-cards-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(cards.headers.get("cache-control")).toBe("no-store");
    expect((JSON.parse(await cards.text()) as { cards: unknown }).cards).toEqual(expectedCards);

    session.user = other;
    const theirs = await (await reviewsRoute()).text();
    expect(theirs.split("\r\n").slice(1, -1)).toEqual(["ld-card-other,1769853600000,3,0,1000,0,-600,0,0,0,0,ld-q1,ld-deck"]);
    expect(theirs).not.toContain("ld-card-1");
    expect(await (await cardsRoute()).text()).not.toMatch(/ld-card-[123]/);
    session.user = null;
  });
});
