import { describe, expect, it } from "vitest";
import type { ParsedQuestion } from "./parse";
import { countActions, planSeed, type StoredQuestion } from "./plan";

function file(key: string, hash: string, deck = "deck-a"): ParsedQuestion {
  return { key, deck, kind: "flashcard", title: key, tags: [], difficulty: 1, choices: null, template: null, prompt: "p", answer: "a", explanation: "e", translations: {}, file: `${deck}/${key}.md`, hash };
}

function stored(key: string, contentHash: string | null, overrides: Partial<StoredQuestion> = {}): StoredQuestion {
  return { id: `id-${key}`, key, deckSlug: "deck-a", contentHash, editedAt: null, status: "ACTIVE", origin: "CONTENT", ...overrides };
}

const editedAt = new Date("2026-01-01T00:00:00Z");

describe("planSeed", () => {
  it("creates new keys, leaves identical ones alone and updates changed ones", () => {
    const plan = planSeed([file("new", "h1"), file("same", "h2"), file("changed", "h3")], [stored("same", "h2"), stored("changed", "old")]);
    expect(plan.actions.map((action) => `${action.type}:${"key" in action ? action.key : action.question.key}`)).toEqual([
      "create:new",
      "unchanged:same",
      "update:changed",
    ]);
  });

  it("reports a conflict when both the file and the browser copy changed, and overwrites with force", () => {
    const files = [file("q", "new-hash")];
    const db = [stored("q", "old-hash", { editedAt })];
    expect(planSeed(files, db).actions).toEqual([{ type: "conflict", deck: "deck-a", question: files[0], id: "id-q" }]);
    expect(planSeed(files, db, { force: true }).actions).toEqual([
      { type: "update", deck: "deck-a", question: files[0], id: "id-q", forced: true, restored: false },
    ]);
  });

  it("keeps a browser edit when the file did not change since the last seed", () => {
    expect(planSeed([file("q", "h")], [stored("q", "h", { editedAt })]).actions).toEqual([{ type: "unchanged", deck: "deck-a", key: "q" }]);
  });

  it("archives content questions whose file is gone, but never browser-made ones or already archived ones", () => {
    const plan = planSeed([], [stored("gone", "h"), stored("made-in-browser", null, { origin: "ADMIN" }), stored("old", "h", { status: "ARCHIVED" })]);
    expect(plan.actions).toEqual([{ type: "archive", deck: "deck-a", key: "gone", id: "id-gone" }]);
  });

  it("restores an archived question whose file came back", () => {
    const files = [file("back", "h")];
    expect(planSeed(files, [stored("back", "h", { status: "ARCHIVED" })]).actions).toEqual([
      { type: "update", deck: "deck-a", question: files[0], id: "id-back", forced: false, restored: true },
    ]);
  });

  it("archives nothing while some files are invalid (their questions would look deleted)", () => {
    const plan = planSeed([], [stored("maybe-broken", "h")], { hasInvalidFiles: true });
    expect(plan).toEqual({ actions: [], archiveSkipped: true });
  });

  it("moves a question to the deck its file names", () => {
    const files = [file("q", "new", "deck-b")];
    const [action] = planSeed(files, [stored("q", "old")]).actions;
    expect(action).toMatchObject({ type: "update", deck: "deck-b" });
  });

  it("counts actions by type", () => {
    const plan = planSeed([file("a", "1"), file("b", "2"), file("c", "3")], [stored("b", "2"), stored("c", "x", { editedAt }), stored("d", "4")]);
    expect(countActions(plan.actions)).toEqual({ created: 1, updated: 0, unchanged: 1, conflicts: 1, archived: 1 });
  });

  it("treats a file equal to the stored content as unchanged, even when the question was edited in the browser", () => {
    // An export of an edited question carries the edited text: its hash equals the stored content's hash.
    const edited = stored("q", "seeded-hash", { editedAt, currentHash: "edited-hash" });
    expect(planSeed([file("q", "edited-hash")], [edited]).actions).toEqual([{ type: "unchanged", deck: "deck-a", key: "q" }]);
    // Seeding from the content folder adopts the file: later changes to it are updates, not conflicts.
    expect(planSeed([file("q", "edited-hash")], [edited], { adoptEqualFiles: true }).actions).toEqual([
      { type: "unchanged", deck: "deck-a", key: "q", adopt: { id: "id-q", hash: "edited-hash" } },
    ]);
    // A question already seeded from this very file needs no adoption.
    expect(planSeed([file("q", "h")], [stored("q", "h", { currentHash: "h" })], { adoptEqualFiles: true }).actions).toEqual([{ type: "unchanged", deck: "deck-a", key: "q" }]);
    // A file that differs from both the last seed and the browser copy is still a conflict.
    expect(planSeed([file("q", "other-hash")], [edited]).actions.map((action) => action.type)).toEqual(["conflict"]);
  });

  it("keeps a question archived in the browser archived while its file is unchanged, and restores one archived by the seed", () => {
    const archivedByAdmin = stored("a", "h", { status: "ARCHIVED", editedAt });
    const archivedBySeed = stored("b", "h", { status: "ARCHIVED" });
    const plan = planSeed([file("a", "h"), file("b", "h")], [archivedByAdmin, archivedBySeed]);
    expect(plan.actions.map((action) => action.type)).toEqual(["unchanged", "update"]);
    expect(plan.actions[1]).toMatchObject({ restored: true, forced: false });
  });

  it("archives missing files only in the decks named by archiveDecks", () => {
    const db = [stored("gone-a", "h"), stored("gone-b", "h", { deckSlug: "deck-b" })];
    const plan = planSeed([], db, { archiveDecks: new Set(["deck-b"]) });
    expect(plan.actions).toEqual([{ type: "archive", deck: "deck-b", key: "gone-b", id: "id-gone-b" }]);
  });
});
