/**
 * The study-group server actions, called directly (as a forged POST would reach them): an anonymous visitor and a
 * learner outside the group are refused every action with no state change and no mention of the group; the
 * owner's same calls succeed. The per-role rules behind the actions are the matrix in groups.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db-client";

const session = vi.hoisted(() => ({ db: null as unknown as Db, user: null as null | { id: string; email: string; name: string; role: "LEARNER" | "ADMIN" } }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db", () => ({ getDb: () => session.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

import { deleteGroupAdminAction } from "@/app/admin/groups/actions";
import {
  createInviteAction,
  deleteGroupAction,
  joinGroupAction,
  leaveGroupAction,
  removeMemberAction,
  revokeInviteAction,
  setGroupDecksAction,
  setGroupGoalAction,
  setMemberRoleAction,
  setShareProgressAction,
  transferOwnershipAction,
  updateGroupAction,
} from "@/app/groups/actions";
import { createGroup, createGroupInvite } from "@/lib/groups/service";
import { createUser, testDb } from "./helpers";

const db = testDb();
session.db = db;
afterAll(() => db.$disconnect());

const GROUP_NAME = "Action matrix circle";
let owner = { id: "", email: "", name: "Owner", role: "LEARNER" as const };
let outsider = { id: "", email: "", name: "Outsider", role: "LEARNER" as const };
let memberId = "";
let moderatorId = "";
let groupId = "";
let deckId = "";
let inviteId = "";
let code = "";

beforeAll(async () => {
  const [ownerUser, outsiderUser, memberUser, moderatorUser] = await Promise.all([createUser(db), createUser(db), createUser(db), createUser(db)]);
  owner = { ...owner, id: ownerUser.user.id, email: ownerUser.user.email };
  outsider = { ...outsider, id: outsiderUser.user.id, email: outsiderUser.user.email };
  memberId = memberUser.user.id;
  moderatorId = moderatorUser.user.id;
  groupId = (await createGroup(db, owner.id, { name: GROUP_NAME })).id;
  await db.groupMember.createMany({ data: [{ groupId, userId: memberId, role: "MEMBER" }, { groupId, userId: moderatorId, role: "MODERATOR" }] });
  deckId = (await db.deck.upsert({ where: { slug: "grp-action-deck" }, create: { slug: "grp-action-deck", title: "Action deck", order: 99 }, update: {} })).id;
  code = (await createGroupInvite(db, owner.id, { groupId, validDays: 7, maxUses: 5 })).code;
  inviteId = (await db.groupInvite.findFirstOrThrow({ where: { groupId } })).id;
});

/** Every group action with input the owner could send (in an order the owner can run them all). */
function calls(): Array<[string, () => Promise<{ ok: boolean; message?: string }>]> {
  return [
    ["updateGroup", () => updateGroupAction({ groupId, name: "Renamed circle", description: "" })],
    ["createInvite", () => createInviteAction({ groupId, validDays: 3, maxUses: 2 })],
    ["revokeInvite", () => revokeInviteAction({ groupId, inviteId })],
    ["setGroupDecks", () => setGroupDecksAction({ groupId, deckIds: [deckId] })],
    ["setGroupGoal", () => setGroupGoalAction({ groupId, kind: "REVIEWS", target: 10 })],
    ["setShareProgress", () => setShareProgressAction({ groupId, share: false })],
    ["setMemberRole", () => setMemberRoleAction({ groupId, userId: memberId, role: "MODERATOR" })],
    ["removeMember", () => removeMemberAction({ groupId, userId: moderatorId })],
    ["transferOwnership", () => transferOwnershipAction({ groupId, userId: memberId })],
    // The previous owner is a moderator now, so may leave.
    ["leaveGroup", () => leaveGroupAction({ groupId })],
  ];
}

async function everything() {
  const [groups, members, invites, decks, activities] = await Promise.all([
    db.studyGroup.findMany({ orderBy: { id: "asc" } }),
    db.groupMember.findMany({ orderBy: [{ groupId: "asc" }, { userId: "asc" }] }),
    db.groupInvite.findMany({ orderBy: { id: "asc" } }),
    db.groupDeck.findMany({ orderBy: [{ groupId: "asc" }, { deckId: "asc" }] }),
    db.groupActivity.count(),
  ]);
  return { groups, members, invites, decks, activities };
}

describe("group actions refuse people outside the group", () => {
  it("refuses an anonymous visitor every action (also joining and deleting), with no state change", async () => {
    session.user = null;
    const before = await everything();
    for (const [name, call] of [...calls(), ["joinGroup", () => joinGroupAction({ code })] as const, ["deleteGroup", () => deleteGroupAction({ groupId })] as const]) {
      const result = await call();
      expect({ name, ok: result.ok, message: result.message }).toEqual({ name, ok: false, message: "Your session has ended. Log in again." });
    }
    expect(await everything()).toEqual(before);
  });

  it("refuses a learner outside the group every action and the admin-only delete, without naming the group", async () => {
    session.user = outsider;
    const before = await everything();
    for (const [name, call] of [...calls(), ["deleteGroup", () => deleteGroupAction({ groupId })] as const, ["deleteGroupAdmin", () => deleteGroupAdminAction({ groupId })] as const]) {
      const result = await call();
      expect({ name, ok: result.ok }).toEqual({ name, ok: false });
      expect(result.message ?? "").not.toContain(GROUP_NAME);
    }
    expect(await everything()).toEqual(before);
  });

  it("lets the owner make the same calls (the refusals above are the permission checks)", async () => {
    session.user = owner;
    for (const [name, call] of calls()) {
      const result = await call();
      expect({ name, ok: result.ok, message: result.ok ? undefined : result.message }).toEqual({ name, ok: true, message: undefined });
    }
    // The new owner deletes the group.
    session.user = { ...owner, id: memberId };
    expect((await deleteGroupAction({ groupId })).ok).toBe(true);
    expect(await db.studyGroup.count({ where: { id: groupId } })).toBe(0);
    session.user = null;
  });
});
