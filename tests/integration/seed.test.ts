/**
 * Seeding against a real database: idempotence, updates with revisions, conflicts with browser edits, archiving
 * that keeps learners' history, renames, and per-deck transactions that leave no half-seeded deck.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { seedQuestionBank } from "@/lib/bank/seed";
import { saveQuestion } from "@/lib/admin/questions";
import { STORED_CONTENT_SELECT, contentOfRow, storedContentHash } from "@/lib/bank/stored";
import { draftFromContent } from "@/lib/content/draft";
import { serializeQuestionFile } from "@/lib/content/serialize";
import { loadContent } from "@/lib/content/load";
import { clearQuestionBank, createUser, testDb } from "./helpers";

const db = testDb();
let dir = "";

afterAll(async () => {
  await db.$disconnect();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  // This file owns the question-bank tables for its run (integration files run one at a time).
  await clearQuestionBank(db);
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = await mkdtemp(path.join(tmpdir(), "receptive-seed-"));
  await writeFile(
    path.join(dir, "decks.yml"),
    "- slug: deck-alpha\n  title: Alpha\n  order: 1\n- slug: deck-beta\n  title: Beta\n  order: 2\n",
  );
});

function questionFile(key: string, deck: string, answer = "The answer.") {
  return `---\nkey: ${key}\ndeck: ${deck}\nkind: flashcard\ntitle: Question ${key}\ntags: [t]\ndifficulty: 2\n---\n## Prompt\nWhat is ${key}?\n\n## Answer\n${answer}\n\n## Explanation\nBecause.\n`;
}

async function put(relative: string, text: string) {
  await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
  await writeFile(path.join(dir, relative), text);
}

async function seed(options: Parameters<typeof seedQuestionBank>[2] = {}) {
  return seedQuestionBank(db, await loadContent(dir), options);
}

async function writeBank() {
  await put("deck-alpha/a1.md", questionFile("a-one", "deck-alpha"));
  await put("deck-alpha/a2.md", questionFile("a-two", "deck-alpha"));
  await put("deck-beta/b1.md", questionFile("b-one", "deck-beta"));
  await put("deck-beta/b2.md", questionFile("b-two", "deck-beta"));
}

describe("seedQuestionBank", () => {
  it("creates decks and questions with a first revision, and a second run writes nothing", async () => {
    await writeBank();
    const first = await seed();
    expect(first).toMatchObject({ created: 4, updated: 0, unchanged: 0, conflicts: 0, archived: 0, errors: 0, decksCreated: 2 });
    expect(await db.questionRevision.count()).toBe(4);
    const before = await db.question.findMany({ orderBy: { key: "asc" }, select: { key: true, updatedAt: true, version: true } });

    const second = await seed();
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 4, conflicts: 0, archived: 0, decksCreated: 0, decksUpdated: 0 });
    const after = await db.question.findMany({ orderBy: { key: "asc" }, select: { key: true, updatedAt: true, version: true } });
    expect(after).toEqual(before);
    expect(await db.questionRevision.count()).toBe(4);
  });

  it("updates a changed file, bumps its version and records a revision with the new text", async () => {
    await writeBank();
    await seed();
    await put("deck-alpha/a1.md", questionFile("a-one", "deck-alpha", "A better answer."));
    const summary = await seed();
    expect(summary).toMatchObject({ updated: 1, unchanged: 3 });
    const question = await db.question.findUniqueOrThrow({ where: { key: "a-one" }, include: { revisions: { orderBy: { version: "asc" } } } });
    expect(question.answer).toBe("A better answer.");
    expect(question.version).toBe(2);
    expect(question.revisions.map((revision) => [revision.version, revision.reason])).toEqual([[1, "seed"], [2, "seed"]]);
    expect((question.revisions[1]!.snapshot as { answer: string }).answer).toBe("A better answer.");
  });

  it("does not overwrite a question edited in the browser; --force does, and records it", async () => {
    await writeBank();
    await seed();
    await db.question.update({ where: { key: "b-one" }, data: { answer: "Edited by an admin.", editedAt: new Date() } });
    await put("deck-beta/b1.md", questionFile("b-one", "deck-beta", "Changed in git."));

    const summary = await seed();
    expect(summary.conflicts).toBe(1);
    expect(summary.conflictKeys).toEqual([{ key: "b-one", file: "deck-beta/b1.md" }]);
    expect((await db.question.findUniqueOrThrow({ where: { key: "b-one" } })).answer).toBe("Edited by an admin.");

    const forced = await seed({ force: true });
    expect(forced).toMatchObject({ updated: 1, conflicts: 0 });
    const question = await db.question.findUniqueOrThrow({ where: { key: "b-one" }, include: { revisions: { orderBy: { version: "desc" }, take: 1 } } });
    expect(question.answer).toBe("Changed in git.");
    expect(question.editedAt).toBeNull();
    expect(question.revisions[0]?.reason).toBe("seed-force");
  });

  it("archives the question of a removed file and keeps the learner's card and review history; restoring the file reactivates it", async () => {
    await writeBank();
    await seed();
    const { user } = await createUser(db);
    const question = await db.question.findUniqueOrThrow({ where: { key: "a-two" } });
    const card = await db.card.create({ data: { userId: user.id, questionId: question.id, due: new Date(), state: "REVIEW", reps: 3 } });
    await db.reviewLog.create({
      data: {
        cardId: card.id, userId: user.id, rating: 3, stateBefore: "LEARNING", dueBefore: new Date(), stability: 1, difficulty: 5,
        elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 1, learningSteps: 0, reviewedAt: new Date(), clientRequestId: crypto.randomUUID(),
      },
    });

    await rm(path.join(dir, "deck-alpha/a2.md"));
    expect(await seed()).toMatchObject({ archived: 1, unchanged: 3 });
    expect((await db.question.findUniqueOrThrow({ where: { id: question.id } })).status).toBe("ARCHIVED");
    expect(await db.card.count({ where: { id: card.id } })).toBe(1);
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);

    await put("deck-alpha/a2.md", questionFile("a-two", "deck-alpha"));
    expect(await seed()).toMatchObject({ updated: 1, archived: 0 });
    const restored = await db.question.findUniqueOrThrow({ where: { id: question.id } });
    expect(restored.status).toBe("ACTIVE");
    expect(await db.card.count({ where: { questionId: question.id } })).toBe(1);
  });

  it("keeps identity through the key when a file is renamed", async () => {
    await writeBank();
    await seed();
    const before = await db.question.findUniqueOrThrow({ where: { key: "b-two" } });
    await rename(path.join(dir, "deck-beta/b2.md"), path.join(dir, "deck-beta/renamed.md"));
    expect(await seed()).toMatchObject({ created: 0, archived: 0, unchanged: 4 });
    expect((await db.question.findUniqueOrThrow({ where: { key: "b-two" } })).id).toBe(before.id);
  });

  it("a crash in the middle of a deck leaves that deck as it was, other decks seeded", async () => {
    await writeBank();
    let writesInBeta = 0;
    const summary = await seed({
      afterWrite: (action) => {
        if (action.deck === "deck-beta" && ++writesInBeta === 2) throw new Error("simulated crash");
      },
    });
    expect(summary.failedDecks).toEqual([{ deck: "deck-beta", message: "simulated crash" }]);
    expect(summary.created).toBe(2);
    const keys = (await db.question.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((question) => question.key);
    expect(keys).toEqual(["a-one", "a-two"]);
    expect(await db.questionRevision.count()).toBe(2);

    // The next run finishes the job.
    expect(await seed()).toMatchObject({ created: 2, unchanged: 2 });
  });

  it("seeds the valid files when some are invalid, counts the errors and archives nothing", async () => {
    await writeBank();
    await seed();
    await put("deck-alpha/a1.md", "not a question file");
    await put("deck-beta/b3.md", questionFile("b-three", "deck-beta"));
    const summary = await seed();
    expect(summary).toMatchObject({ created: 1, archived: 0, errors: 1, archiveSkipped: true });
    expect((await db.question.findUniqueOrThrow({ where: { key: "a-one" } })).status).toBe("ACTIVE");
  });

  it("updates a deck's title and order from decks.yml", async () => {
    await writeBank();
    await seed();
    await writeFile(path.join(dir, "decks.yml"), "- slug: deck-alpha\n  title: Alpha renamed\n  description: New words\n  order: 5\n- slug: deck-beta\n  title: Beta\n  order: 2\n");
    expect(await seed()).toMatchObject({ decksUpdated: 1, unchanged: 4 });
    expect(await db.deck.findUniqueOrThrow({ where: { slug: "deck-alpha" } })).toMatchObject({ title: "Alpha renamed", description: "New words", order: 5 });
  });
});

describe("browser edits that reach the content folder", () => {
  it("adopts a file equal to the browser edit (no new version), so a later change of the file is an update, not a conflict", async () => {
    await writeBank();
    await seed();
    const { user: admin } = await createUser(db, { role: "ADMIN" });
    const question = await db.question.findUniqueOrThrow({ where: { key: "a-one" }, select: { id: true, version: true, ...STORED_CONTENT_SELECT } });
    const edited = { ...contentOfRow(question), answer: "The answer, edited in the browser." };
    await saveQuestion(db, admin.id, { id: question.id, expectedVersion: question.version, draft: draftFromContent(edited) });

    // Without adoption (an uploaded zip), the same file is unchanged but the question stays a browser edit.
    await put("deck-alpha/a1.md", serializeQuestionFile(edited));
    expect(await seed()).toMatchObject({ updated: 0, conflicts: 0 });
    expect((await db.question.findUniqueOrThrow({ where: { key: "a-one" } })).editedAt).not.toBeNull();

    // The server's content folder adopts it: same content and version, no longer flagged as edited.
    expect(await seed({ adoptEqualFiles: true })).toMatchObject({ updated: 0, conflicts: 0 });
    const adopted = await db.question.findUniqueOrThrow({ where: { key: "a-one" } });
    expect(adopted).toMatchObject({ editedAt: null, version: question.version + 1, answer: "The answer, edited in the browser." });

    await put("deck-alpha/a1.md", serializeQuestionFile({ ...edited, answer: "Changed later in git." }));
    expect(await seed({ adoptEqualFiles: true })).toMatchObject({ updated: 1, conflicts: 0 });
    expect((await db.question.findUniqueOrThrow({ where: { key: "a-one" } })).answer).toBe("Changed later in git.");
  });
});

describe("the stored copy of the real bank", () => {
  it("hashes like its content file, so a file equal to the database is recognised as unchanged", async () => {
    const content = await loadContent(path.resolve("content"));
    await seedQuestionBank(db, content);
    const rows = await db.question.findMany({ select: { contentHash: true, ...STORED_CONTENT_SELECT } });
    expect(rows).toHaveLength(content.questions.length);
    const mismatched = rows.filter((row) => storedContentHash(row) !== row.contentHash).map((row) => row.key);
    expect(mismatched).toEqual([]);
    // Seeding the same files again writes nothing.
    const again = await seedQuestionBank(db, content);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: content.questions.length, archived: 0 });
  });
});
