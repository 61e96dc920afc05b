/**
 * Question-bank administration against PostgreSQL: permissions (no state change when refused), edits with
 * revisions and audit, optimistic concurrency, material changes that reset cards only on request, archive and
 * restore, revision restore, decks, zip export → import round trip, and CSV import.
 */
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/admin/audit";
import { applyCsvImport, applyImport, exportBankZip, planImport, previewCsvImport } from "@/lib/admin/bank-transfer";
import { createDeck, listDecksForAdmin, moveDeck, updateDeck } from "@/lib/admin/decks";
import { getQuestionForEdit, listQuestionsForAdmin, listRevisions, restoreRevision, saveQuestion, setQuestionArchived } from "@/lib/admin/questions";
import { seedQuestionBank } from "@/lib/bank/seed";
import { packContentZip, unpackContentZip } from "@/lib/content/archive";
import type { QuestionDraft } from "@/lib/content/draft";
import { loadContent } from "@/lib/content/load";
import { loadStudySettings } from "@/lib/study/settings";
import { getNextStudyCard, submitReview, undoLastReview } from "@/lib/study/service";
import { clearQuestionBank, createUser, expectAppError, testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

let adminId = "";
let deckId = "";
let questionId = "";

const draft: QuestionDraft = {
  key: "adm-relu",
  deck: "adm-deck",
  kind: "flashcard",
  title: "Why ReLU?",
  tags: ["activation"],
  difficulty: 2,
  choices: [],
  templateYaml: "",
  prompt: "Why is ReLU the default activation?",
  answer: "Cheap, and its gradient does not saturate for positive inputs.",
  explanation: "Sigmoid and tanh saturate.",
  translations: { zh: null },
};

beforeEach(async () => {
  await clearQuestionBank(db);
  adminId = (await createUser(db, { role: "ADMIN" })).user.id;
  deckId = (await db.deck.create({ data: { slug: "adm-deck", title: "Admin deck", order: 1 } })).id;
  questionId = (await saveQuestion(db, adminId, { draft })).id;
});

async function state() {
  const [questions, revisions, decks, audits, cards] = await Promise.all([
    db.question.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, status: true, title: true, answer: true, deckId: true } }),
    db.questionRevision.count(),
    db.deck.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, order: true } }),
    db.auditLog.count(),
    db.card.findMany({ orderBy: { id: "asc" }, select: { id: true, state: true, reps: true } }),
  ]);
  return { questions, revisions, decks, audits, cards };
}

async function studyOnce(userId: string) {
  const settings = await loadStudySettings(db, userId);
  const next = await getNextStudyCard(db, userId, settings, new Date());
  if (next.done) throw new Error("expected a card");
  await submitReview(db, userId, { clientRequestId: crypto.randomUUID(), questionId: next.card.questionId, cardVersion: next.card.cardVersion, rating: 3 }, settings, new Date());
}

describe("permissions", () => {
  it("refuses learners, disabled admins and unknown users every bank service, changing nothing", async () => {
    const { user: learner } = await createUser(db);
    const { user: disabledAdmin } = await createUser(db, { role: "ADMIN", disabled: true });
    const zip = (await exportBankZip(db, adminId)).bytes;
    const before = await state();
    for (const actor of [learner.id, disabledAdmin.id, "no-such-user"]) {
      const calls: Array<() => Promise<unknown>> = [
        () => listQuestionsForAdmin(db, actor, {}),
        () => getQuestionForEdit(db, actor, questionId),
        () => saveQuestion(db, actor, { draft: { ...draft, key: "adm-other" } }),
        () => saveQuestion(db, actor, { id: questionId, expectedVersion: 1, draft: { ...draft, title: "Hacked" } }),
        () => setQuestionArchived(db, actor, { id: questionId, archived: true }),
        () => listRevisions(db, actor, questionId),
        () => restoreRevision(db, actor, { revisionId: "x", expectedVersion: 1 }),
        () => listDecksForAdmin(db, actor),
        () => createDeck(db, actor, { slug: "evil-deck", title: "Evil", description: "" }),
        () => updateDeck(db, actor, { id: deckId, title: "Renamed", description: "" }),
        () => moveDeck(db, actor, { id: deckId, direction: "down" }),
        () => exportBankZip(db, actor),
        () => planImport(db, actor, zip),
        () => applyImport(db, actor, zip, { force: true }),
        () => previewCsvImport(db, actor, { deck: "adm-deck", text: "front,back\nq,a" }),
        () => applyCsvImport(db, actor, { deck: "adm-deck", text: "front,back\nq,a" }),
      ];
      for (const call of calls) expect((await expectAppError(call())).code).toBe("FORBIDDEN");
    }
    expect(await state()).toEqual(before);
  });
});

describe("editing", () => {
  it("saves an edit as a new version with a revision by its author, an audit row and editedAt", async () => {
    const outcome = await saveQuestion(db, adminId, { id: questionId, expectedVersion: 1, draft: { ...draft, title: "Why is ReLU popular?" } });
    expect(outcome).toMatchObject({ version: 2, changed: true, material: false, cardsReset: 0 });
    const question = await db.question.findUniqueOrThrow({ where: { id: questionId } });
    expect(question).toMatchObject({ title: "Why is ReLU popular?", version: 2, origin: "ADMIN" });
    expect(question.editedAt).not.toBeNull();
    const revision = await db.questionRevision.findUniqueOrThrow({ where: { questionId_version: { questionId, version: 2 } } });
    expect(revision).toMatchObject({ reason: "admin-edit", authorId: adminId });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "question.update", targetId: questionId } });
    expect(audit.after).toMatchObject({ version: 2, fields: ["title"], material: false });
    // The audit page names the question by its key.
    const listed = await listAuditEntries(db, adminId, {});
    expect(listed.rows.find((row) => row.id === audit.id)?.targetLabel).toBe("adm-relu");
  });

  it("refuses a save over a newer version and writes nothing for an unchanged draft", async () => {
    await saveQuestion(db, adminId, { id: questionId, expectedVersion: 1, draft: { ...draft, title: "First admin" } });
    const stale = await expectAppError(saveQuestion(db, adminId, { id: questionId, expectedVersion: 1, draft: { ...draft, title: "Second admin" } }));
    expect(stale.code).toBe("CONFLICT");
    const same = await saveQuestion(db, adminId, { id: questionId, expectedVersion: 2, draft: { ...draft, title: "First admin" } });
    expect(same).toMatchObject({ changed: false, version: 2 });
    expect(await db.questionRevision.count({ where: { questionId } })).toBe(2);
  });

  it("refuses invalid content with field errors from the content rules, writing nothing", async () => {
    const before = await state();
    const error = await expectAppError(
      saveQuestion(db, adminId, {
        id: questionId,
        expectedVersion: 1,
        draft: { ...draft, kind: "numeric", templateYaml: 'variables:\n  c: { range: [1, 4] }\nconstraints: ["c > 10"]\nanswer: "c * 2"\ntolerance: { type: exact }\nunit: none\nsolution: "{{answer}}"' },
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toContain("template");
    expect(await state()).toEqual(before);
  });

  it("keeps learners' cards on an edit, and resets them on a material change only when asked", async () => {
    const { user: learner } = await createUser(db);
    await studyOnce(learner.id);
    expect((await getQuestionForEdit(db, adminId, questionId))?.affectedLearners).toBe(1);

    // A title change with resetCards asked is not material: the card stays as it is.
    await saveQuestion(db, adminId, { id: questionId, expectedVersion: 1, draft: { ...draft, title: "Retitled" }, resetCards: true });
    expect(await db.card.findFirstOrThrow({ where: { userId: learner.id } })).toMatchObject({ state: "LEARNING", reps: 1 });

    // A new answer without reset keeps the card too.
    await saveQuestion(db, adminId, { id: questionId, expectedVersion: 2, draft: { ...draft, title: "Retitled", answer: "A better answer." } });
    expect(await db.card.findFirstOrThrow({ where: { userId: learner.id } })).toMatchObject({ state: "LEARNING", reps: 1 });

    const outcome = await saveQuestion(db, adminId, { id: questionId, expectedVersion: 3, draft: { ...draft, title: "Retitled", answer: "The best answer." }, resetCards: true });
    expect(outcome).toMatchObject({ material: true, cardsReset: 1 });
    expect(await db.card.findFirstOrThrow({ where: { userId: learner.id } })).toMatchObject({ state: "NEW", reps: 0, lastReview: null });
    // History is kept, and undoing the review from before the reset is refused instead of undoing the reset.
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(1);
    expect((await expectAppError(undoLastReview(db, learner.id))).code).toBe("CONFLICT");
  });

  it("refuses a duplicate key on create and a changed key on edit", async () => {
    const duplicate = await expectAppError(saveQuestion(db, adminId, { draft }));
    expect(duplicate.fieldErrors?.key?.[0]).toMatch(/already used/);
    const rekey = await expectAppError(saveQuestion(db, adminId, { id: questionId, expectedVersion: 1, draft: { ...draft, key: "adm-renamed" } }));
    expect(rekey.fieldErrors?.key?.[0]).toMatch(/cannot change/);
  });

  it("moves a question to another deck through the editor", async () => {
    await createDeck(db, adminId, { slug: "adm-second", title: "Second", description: "" });
    await saveQuestion(db, adminId, { id: questionId, expectedVersion: 1, draft: { ...draft, deck: "adm-second" } });
    const question = await db.question.findUniqueOrThrow({ where: { id: questionId }, select: { deck: { select: { slug: true } } } });
    expect(question.deck.slug).toBe("adm-second");
  });
});

describe("archive and revisions", () => {
  it("archives and restores a question, keeping cards", async () => {
    const { user: learner } = await createUser(db);
    await studyOnce(learner.id);
    await setQuestionArchived(db, adminId, { id: questionId, archived: true });
    expect((await db.question.findUniqueOrThrow({ where: { id: questionId } })).status).toBe("ARCHIVED");
    expect((await listQuestionsForAdmin(db, adminId, {})).total).toBe(0);
    expect((await listQuestionsForAdmin(db, adminId, { status: "ARCHIVED" })).total).toBe(1);
    await setQuestionArchived(db, adminId, { id: questionId, archived: false });
    expect((await db.question.findUniqueOrThrow({ where: { id: questionId } })).status).toBe("ACTIVE");
    expect(await db.card.count({ where: { userId: learner.id } })).toBe(1);
  });

  it("lists revisions with what each changed and restores an earlier one as a new revision", async () => {
    await saveQuestion(db, adminId, { id: questionId, expectedVersion: 1, draft: { ...draft, answer: "Changed answer." } });
    const listed = await listRevisions(db, adminId, questionId);
    expect(listed?.revisions.map((revision) => revision.version)).toEqual([2, 1]);
    expect(listed?.revisions[0]?.changes.map((change) => change.field)).toEqual(["answer"]);
    const first = listed!.revisions[1]!;
    const outcome = await restoreRevision(db, adminId, { revisionId: first.id, expectedVersion: 2 });
    expect(outcome).toMatchObject({ version: 3, changed: true, material: true });
    expect((await db.question.findUniqueOrThrow({ where: { id: questionId } })).answer).toBe(draft.answer);
    expect((await db.questionRevision.findUniqueOrThrow({ where: { questionId_version: { questionId, version: 3 } } })).reason).toBe("restore");
  });
});

describe("decks", () => {
  it("creates, renames and reorders decks with audit rows", async () => {
    await createDeck(db, adminId, { slug: "adm-later", title: "Later", description: "" });
    expect((await expectAppError(createDeck(db, adminId, { slug: "adm-later", title: "Again", description: "" }))).fieldErrors?.slug).toBeDefined();
    const later = await db.deck.findUniqueOrThrow({ where: { slug: "adm-later" } });
    await updateDeck(db, adminId, { id: later.id, title: "Later, renamed", description: "Described." });
    await moveDeck(db, adminId, { id: later.id, direction: "up" });
    const decks = await listDecksForAdmin(db, adminId);
    expect(decks.map((deck) => [deck.slug, deck.title, deck.active])).toEqual([
      ["adm-later", "Later, renamed", 0],
      ["adm-deck", "Admin deck", 1],
    ]);
    const audits = await db.auditLog.findMany({ where: { targetId: later.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audits.map((audit) => audit.action)).toEqual(["deck.create", "deck.update", "deck.reorder"]);
  });
});

describe("export and import", () => {
  it("round-trips the real bank, including a browser edit, without changing anything", async () => {
    await clearQuestionBank(db);
    const content = await loadContent(path.resolve("content"));
    await seedQuestionBank(db, content);
    const target = await db.question.findFirstOrThrow({ where: { kind: "NUMERIC" }, select: { id: true, key: true } });
    const edit = await getQuestionForEdit(db, adminId, target.id);
    await saveQuestion(db, adminId, { id: target.id, expectedVersion: edit!.version, draft: { ...edit!.draft, title: `${edit!.draft.title} (edited)` } });

    const exported = await exportBankZip(db, adminId);
    expect(exported.questionCount).toBe(content.questions.length);
    const before = await state();
    const report = await planImport(db, adminId, exported.bytes);
    expect(report.issues).toEqual([]);
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: content.questions.length, conflicts: 0, archived: 0 });
    const summary = await applyImport(db, adminId, exported.bytes);
    expect(summary).toMatchObject({ created: 0, updated: 0, conflicts: 0, archived: 0 });
    const after = await state();
    expect(after.questions).toEqual(before.questions);
    expect(after.revisions).toBe(before.revisions);
  });

  it("reports creates, updates, conflicts and archives in the dry run, and applies them with force", async () => {
    await saveQuestion(db, adminId, { draft: { ...draft, key: "adm-second", title: "Second" } });
    const files = unpackContentZip((await exportBankZip(db, adminId)).bytes).files;
    // Both questions were made in the browser, so changing their files is a conflict; a new file is a create.
    files.set("adm-deck/adm-relu.md", files.get("adm-deck/adm-relu.md")!.replace("Sigmoid and tanh saturate.", "Sigmoid saturates."));
    files.delete("adm-deck/adm-second.md");
    files.set("adm-deck/adm-third.md", files.get("adm-deck/adm-relu.md")!.replace("key: adm-relu", "key: adm-third"));
    const zip = packContentZip(files);
    const report = await planImport(db, adminId, zip);
    // Browser-made questions are never archived by an import; only content-file ones are.
    expect(report.rows.map((row) => `${row.type}:${row.key}`).sort()).toEqual(["conflict:adm-relu", "create:adm-third"]);
    const forced = await applyImport(db, adminId, zip, { force: true });
    expect(forced).toMatchObject({ created: 1, updated: 1, conflicts: 0 });
    expect((await db.question.findUniqueOrThrow({ where: { id: questionId } })).explanation).toBe("Sigmoid saturates.");
  });

  it("refuses a zip that is not one, with a clear message", async () => {
    const error = await expectAppError(planImport(db, adminId, new TextEncoder().encode("not a zip")));
    expect(error.code).toBe("VALIDATION");
  });

  it("imports the valid rows of a CSV as flashcards and reports the others", async () => {
    const csv = "front,back,tags\nWhat is a stride?,The step of the kernel.,convolution\n,missing front,\nWhat is padding?,Zeros around the input.,convolution;basics\n";
    const preview = await previewCsvImport(db, adminId, { deck: "adm-deck", text: csv });
    expect(preview.totals).toEqual({ rows: 3, valid: 2, invalid: 1 });
    expect(await applyCsvImport(db, adminId, { deck: "adm-deck", text: csv })).toEqual({ created: 2, skipped: 1 });
    const created = await db.question.findMany({ where: { key: { startsWith: "csv-" } }, orderBy: { key: "asc" }, select: { key: true, answer: true, tags: true, origin: true } });
    expect(created).toEqual([
      { key: "csv-what-is-a-stride", answer: "The step of the kernel.", tags: ["convolution"], origin: "ADMIN" },
      { key: "csv-what-is-padding", answer: "Zeros around the input.", tags: ["convolution", "basics"], origin: "ADMIN" },
    ]);
  });
});

describe("the Chinese translation in the editor", () => {
  const zh = {
    title: "为什么用 ReLU？",
    prompt: "为什么 ReLU 是默认的激活函数？",
    answer: "计算便宜，且正输入时梯度不饱和。",
    explanation: "Sigmoid 和 tanh 会饱和。",
    choices: [],
    solution: "",
    mistakes: [],
    source: "",
    current: false,
  };

  it("stores it, reports it stale after an English-only edit, and current again once confirmed", async () => {
    const first = await saveQuestion(db, adminId, { id: questionId, expectedVersion: 1, draft: { ...draft, translations: { zh } } });
    expect(first.translation).toMatchObject({ stale: false });
    expect((await getQuestionForEdit(db, adminId, questionId))).toMatchObject({ translationStale: false });

    const edited = await saveQuestion(db, adminId, {
      id: questionId,
      expectedVersion: first.version,
      draft: { ...draft, answer: "Cheap to compute.", translations: { zh: { ...zh, source: first.translation!.source } } },
    });
    expect(edited.translation).toMatchObject({ source: first.translation!.source, stale: true });
    expect(await getQuestionForEdit(db, adminId, questionId)).toMatchObject({ translationStale: true });

    const confirmed = await saveQuestion(db, adminId, {
      id: questionId,
      expectedVersion: edited.version,
      draft: { ...draft, answer: "Cheap to compute.", translations: { zh: { ...zh, source: first.translation!.source, current: true } } },
    });
    expect(confirmed.translation).toMatchObject({ stale: false });
    const stored = await db.question.findUniqueOrThrow({ where: { id: questionId } });
    expect(stored.translations).toMatchObject({ zh: { title: zh.title, answer: zh.answer } });
  });

  it("refuses a translation that drops a formula, on the Chinese field", async () => {
    const error = await expectAppError(
      saveQuestion(db, adminId, { id: questionId, expectedVersion: 1, draft: { ...draft, explanation: "Sigmoid $\\sigma'(x) \\le 1/4$ saturates.", translations: { zh } } }),
    );
    expect(error.fieldErrors?.["translations.zh.explanation"]?.[0]).toContain("$ count differ");
  });
});
