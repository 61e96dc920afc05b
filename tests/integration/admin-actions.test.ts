/**
 * Every admin server action and the export route handler, called directly (as a forged POST would reach them) by
 * an anonymous visitor and by a learner: each is refused and nothing changes. An admin making the same calls
 * succeeds, so the refusals are the role check and not a broken call.
 *
 * The session is the only thing replaced: `getCurrentUser` returns the user the test chooses, and the app's
 * database is the test database. Services, validation and the action pipeline are the real ones.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Db } from "@/lib/db-client";

const session = vi.hoisted(() => ({ db: null as unknown as Db, user: null as null | { id: string; email: string; name: string; role: "LEARNER" | "ADMIN" } }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db", () => ({ getDb: () => session.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

import { createDeckAction, moveDeckAction, updateDeckAction } from "@/app/admin/decks/actions";
import { GET as exportRoute } from "@/app/admin/export/route";
import { previewDraftAction, restoreRevisionAction, saveQuestionAction, setArchivedAction, tryAnswerAction } from "@/app/admin/questions/actions";
import { createInviteAction, setRegistrationModeAction } from "@/app/admin/settings/actions";
import { applyCsvImportAction, applyZipImportAction, checkZipImportAction, previewCsvImportAction } from "@/app/admin/transfer/actions";
import { changeRoleAction, createResetLinkAction, setDisabledAction } from "@/app/admin/users/actions";
import { exportBankZip } from "@/lib/admin/bank-transfer";
import { saveQuestion } from "@/lib/admin/questions";
import type { QuestionDraft } from "@/lib/content/draft";
import { clearQuestionBank, createUser, testDb } from "./helpers";

const db = testDb();
session.db = db;
afterAll(() => db.$disconnect());

const draft: QuestionDraft = {
  key: "act-question",
  deck: "act-deck",
  kind: "flashcard",
  title: "What does an action check first?",
  tags: [],
  difficulty: 1,
  choices: [],
  templateYaml: "",
  prompt: "Who is asking?",
  answer: "The session and the role.",
  explanation: "Before reading the input.",
  translations: { zh: null },
};

let admin = { id: "", email: "", name: "Admin", role: "ADMIN" as const };
let learner = { id: "", email: "", name: "Learner", role: "LEARNER" as const };
let questionId = "";
let revisionId = "";
let deckId = "";
let zip = new Uint8Array();

beforeAll(async () => {
  // The settings actions read the app's configuration, which needs the database URL the app would be given.
  process.env.DATABASE_URL ??= inject("databaseUrl");
  await clearQuestionBank(db);
  const adminUser = (await createUser(db, { role: "ADMIN" })).user;
  const learnerUser = (await createUser(db)).user;
  admin = { ...admin, id: adminUser.id, email: adminUser.email };
  learner = { ...learner, id: learnerUser.id, email: learnerUser.email };
  deckId = (await db.deck.create({ data: { slug: "act-deck", title: "Action deck", order: 1 } })).id;
  questionId = (await saveQuestion(db, admin.id, { draft })).id;
  revisionId = (await db.questionRevision.findFirstOrThrow({ where: { questionId } })).id;
  zip = new Uint8Array((await exportBankZip(db, admin.id)).bytes);
});

function zipForm(): FormData {
  const form = new FormData();
  form.set("file", new Blob([zip], { type: "application/zip" }), "bank.zip");
  form.set("force", "true");
  return form;
}

/** Every admin action with input an admin could send. */
function calls(): Array<[string, () => Promise<{ ok: boolean; message?: string }>]> {
  return [
    ["previewDraft", () => previewDraftAction(draft)],
    ["tryAnswer", () => tryAnswerAction({ draft, seed: 1, answer: "1" })],
    ["saveQuestion (create)", () => saveQuestionAction({ draft: { ...draft, key: "act-new-question" } })],
    ["saveQuestion (edit)", () => saveQuestionAction({ id: questionId, expectedVersion: 1, draft: { ...draft, title: "Changed" } })],
    ["setArchived", () => setArchivedAction({ id: questionId, archived: true })],
    ["restoreRevision", async () => restoreRevisionAction({ revisionId, expectedVersion: (await db.question.findUniqueOrThrow({ where: { id: questionId } })).version })],
    ["createDeck", () => createDeckAction({ slug: "act-new-deck", title: "New", description: "" })],
    ["updateDeck", () => updateDeckAction({ id: deckId, title: "Renamed", description: "" })],
    ["moveDeck", () => moveDeckAction({ id: deckId, direction: "up" })],
    ["checkZipImport", () => checkZipImportAction(zipForm())],
    ["applyZipImport", () => applyZipImportAction(zipForm())],
    ["previewCsvImport", () => previewCsvImportAction({ deck: "act-deck", text: "front,back\nq,a" })],
    ["applyCsvImport", () => applyCsvImportAction({ deck: "act-deck", text: "front,back\nq,a" })],
    ["changeRole", () => changeRoleAction({ userId: learner.id, role: "ADMIN" })],
    ["setDisabled", () => setDisabledAction({ userId: learner.id, disabled: true })],
    ["createResetLink", () => createResetLinkAction({ userId: learner.id })],
    ["setRegistrationMode", () => setRegistrationModeAction({ mode: "closed" })],
    ["createInvite", () => createInviteAction({ validDays: 7 })],
  ];
}

async function everything() {
  const [questions, revisions, decks, users, audits, settings, invites, resets] = await Promise.all([
    db.question.findMany({ orderBy: { id: "asc" } }),
    db.questionRevision.count(),
    db.deck.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, disabled: true, passwordHash: true } }),
    db.auditLog.count(),
    db.instanceSetting.findMany(),
    db.registrationInvite.count(),
    db.passwordResetToken.count(),
  ]);
  return { questions, revisions, decks, users, audits, settings, invites, resets };
}

describe("admin actions and route handlers refuse everyone but admins", () => {
  for (const [who, message] of [
    ["an anonymous visitor", "Your session has ended. Log in again."],
    ["a learner", "Only administrators can do this."],
  ] as const) {
    it(`refuses ${who} every action, with no state change`, async () => {
      session.user = who === "a learner" ? learner : null;
      const before = await everything();
      for (const [name, call] of calls()) {
        const result = await call();
        expect({ name, ok: result.ok, message: result.message }).toEqual({ name, ok: false, message });
      }
      const response = await exportRoute(new Request("http://localhost/admin/export"));
      expect(response.status).toBe(who === "a learner" ? 403 : 401);
      expect(response.headers.get("content-type")).toMatch(/json/);
      expect(await everything()).toEqual(before);
    });
  }

  it("lets an admin make the same calls (the refusals above are the role check)", async () => {
    session.user = admin;
    for (const [name, call] of calls()) {
      const result = await call();
      expect({ name, ok: result.ok }).toEqual({ name, ok: true });
    }
    const response = await exportRoute(new Request("http://localhost/admin/export?deck=act-deck"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    session.user = null;
    await db.instanceSetting.deleteMany({ where: { key: "registrationMode" } });
  });
});
