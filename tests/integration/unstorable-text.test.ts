/**
 * Regression (found by fuzz.test.ts): a NUL character or half of a surrogate pair in any string that reached a query
 * failed inside PostgreSQL or Prisma's protocol, so a forged request got a 500 from a route handler or the generic
 * "something went wrong" from an action. The database client now refuses such text before the query as a VALIDATION
 * AppError: 422 and the action's message, nothing written. Proper text, emoji included, is stored as before.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db-client";

const session = vi.hoisted(() => ({ db: null as unknown as Db, user: null as null | { id: string; email: string; name: string; role: "LEARNER" | "ADMIN" } }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db", () => ({ getDb: () => session.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

import { POST as reviewRoute } from "@/app/api/study/review/route";
import { updateGroupAction } from "@/app/groups/actions";
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/db-client";
import { createGroup } from "@/lib/groups/service";
import { createUser, expectAppError, testDb } from "./helpers";

const db = testDb();
session.db = db;
let owner = { id: "", email: "", name: "Owner", role: "LEARNER" as const };
let groupId = "";

beforeAll(async () => {
  const user = (await createUser(db)).user;
  owner = { ...owner, id: user.id, email: user.email };
  groupId = (await createGroup(db, owner.id, { name: "Unstorable text circle" })).id;
});

afterAll(async () => {
  session.user = null;
  await db.studyGroup.deleteMany({ where: { id: groupId } });
  await db.$disconnect();
});

describe("text the database cannot store", () => {
  it("is recognised: NUL and unpaired surrogates, anywhere in the arguments; emoji and other text are fine", () => {
    for (const bad of ["a\u0000b", "\uD800", "x\uDFFFy", { where: { id: ["ok", "\u0000"] } }]) expect(hasUnstorableText(bad)).toBe(true);
    for (const good of ["", "plain", "😀 émoji ‮ rtl", { data: { name: "Ada", at: new Date(), bytes: new Uint8Array([0]) } }, 0, null]) expect(hasUnstorableText(good)).toBe(false);
  });

  it("is refused by the route handler with 422, not a 500, and nothing is written", async () => {
    session.user = owner;
    const reviews = await db.reviewLog.count({ where: { userId: owner.id } });
    for (const questionId of ["\u0000", "q\uD800"]) {
      const body = JSON.stringify({ clientRequestId: randomUUID(), questionId, cardVersion: "new", rating: 3 });
      const response = await reviewRoute(new Request("http://localhost/api/study/review", { method: "POST", body }));
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ error: { code: "VALIDATION", message: UNSTORABLE_TEXT_MESSAGE } });
    }
    expect(await db.reviewLog.count({ where: { userId: owner.id } })).toBe(reviews);
  });

  it("is refused by an action with its message, logging nothing, and the row stays as it was", async () => {
    session.user = owner;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const description of ["half \uDFFF pair", "nul \u0000 byte"]) {
        expect(await updateGroupAction({ groupId, name: "Renamed circle", description })).toEqual({ ok: false, message: UNSTORABLE_TEXT_MESSAGE });
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    expect(await db.studyGroup.findUniqueOrThrow({ where: { id: groupId }, select: { name: true, description: true } })).toEqual({ name: "Unstorable text circle", description: "" });
    expect(await updateGroupAction({ groupId, name: "Circle 😀", description: "Emoji are whole pairs." })).toMatchObject({ ok: true });
    expect((await db.studyGroup.findUniqueOrThrow({ where: { id: groupId } })).name).toBe("Circle 😀");
  });

  it("is refused in raw queries too", async () => {
    const error = await expectAppError(db.$queryRaw`SELECT ${"a\u0000b"}::text AS value`);
    expect(error.code).toBe("VALIDATION");
    expect(await db.$queryRaw`SELECT ${"fine"}::text AS value`).toEqual([{ value: "fine" }]);
  });
});
