/**
 * Study groups against PostgreSQL, as a permission matrix: every group action tried by an anonymous visitor (an
 * id that is no user), a non-member, a member, a moderator, the owner and an instance admin. Allowed calls
 * succeed; refused ones throw, change nothing, and never name the group or its members. Expected outcomes come
 * from the rules written in this file, not from lib/groups/permissions.ts.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { INVITE_INVALID_MESSAGE, NOT_FOUND_MESSAGE, getGroupProgressForViewer, createGroup, createGroupInvite, deleteGroup, describeGroupInvite, getGroup, joinGroup, leaveGroup, removeMember, revokeGroupInvite, setGroupDecks, setGroupGoal, setMemberRole, setShareProgress, transferOwnership } from "@/lib/groups/service";
import { AppError } from "@/lib/errors";
import { recordGoalsMet } from "@/lib/groups/goals";
import { clearQuestionBank, createUser, testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

type Actor = "anonymous" | "nonMember" | "member" | "moderator" | "owner" | "admin";
const ACTORS: Actor[] = ["anonymous", "nonMember", "member", "moderator", "owner", "admin"];

let ids: Record<Actor, string>;
let groupId = "";
let deckId = "";
const GROUP_NAME = "Secret reading circle";
const now = new Date("2026-06-01T12:00:00Z");

beforeEach(async () => {
  await db.studyGroup.deleteMany();
  await clearQuestionBank(db);
  deckId = (await db.deck.create({ data: { slug: "grp-deck", title: "Group deck", order: 1 } })).id;
  const users = await Promise.all([createUser(db), createUser(db), createUser(db), createUser(db), createUser(db, { role: "ADMIN" })]);
  ids = { anonymous: "no-such-user", nonMember: users[0].user.id, member: users[1].user.id, moderator: users[2].user.id, owner: users[3].user.id, admin: users[4].user.id };
  groupId = (await createGroup(db, ids.owner, { name: GROUP_NAME, description: "Members only" })).id;
  await db.groupMember.createMany({ data: [{ groupId, userId: ids.member, role: "MEMBER" }, { groupId, userId: ids.moderator, role: "MODERATOR" }] });
});

async function snapshot() {
  const [groups, members, invites, decks, activities] = await Promise.all([
    db.studyGroup.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, goalKind: true, goalTarget: true } }),
    db.groupMember.findMany({ orderBy: [{ groupId: "asc" }, { userId: "asc" }] }),
    db.groupInvite.findMany({ orderBy: { id: "asc" }, select: { id: true, uses: true, revokedAt: true } }),
    db.groupDeck.findMany({ orderBy: { deckId: "asc" } }),
    db.groupActivity.count(),
  ]);
  return { groups, members, invites, decks, activities };
}

/** Each action, with who may do it by the rules. */
const MATRIX: Array<{ action: string; allowed: Actor[]; run: (actor: string) => Promise<unknown> }> = [
  { action: "view the group", allowed: ["member", "moderator", "owner", "admin"], run: (actor) => getGroup(db, actor, groupId, now) },
  { action: "create an invite", allowed: ["moderator", "owner"], run: (actor) => createGroupInvite(db, actor, { groupId, validDays: 7, maxUses: 5 }, now) },
  { action: "remove a member", allowed: ["moderator", "owner"], run: (actor) => removeMember(db, actor, { groupId, userId: ids.member }) },
  { action: "promote a member", allowed: ["owner"], run: (actor) => setMemberRole(db, actor, { groupId, userId: ids.member, role: "MODERATOR" }) },
  { action: "change the decks", allowed: ["moderator", "owner"], run: (actor) => setGroupDecks(db, actor, { groupId, deckIds: [deckId] }) },
  { action: "set the goal", allowed: ["moderator", "owner"], run: (actor) => setGroupGoal(db, actor, { groupId, kind: "REVIEWS", target: 20 }) },
  { action: "hand the group over", allowed: ["owner"], run: (actor) => transferOwnership(db, actor, { groupId, userId: ids.moderator }) },
  { action: "delete the group", allowed: ["owner", "admin"], run: (actor) => deleteGroup(db, actor, { groupId }) },
  { action: "view member figures", allowed: ["member", "moderator", "owner"], run: (actor) => getGroupProgressForViewer(db, actor, groupId, now) },
  { action: "change own sharing", allowed: ["member", "moderator", "owner"], run: (actor) => setShareProgress(db, actor, { groupId, share: false }) },
];

describe("permission matrix", () => {
  for (const { action, allowed, run } of MATRIX) {
    for (const actor of ACTORS) {
      const expected = allowed.includes(actor);
      it(`${action}: ${actor} is ${expected ? "allowed" : "refused"}`, async () => {
        const before = await snapshot();
        const outcome = await run(ids[actor]).then(
          () => null,
          (error: unknown) => error,
        );
        if (expected) {
          expect(outcome).toBeNull();
          return;
        }
        expect(outcome).toBeInstanceOf(AppError);
        const error = outcome as AppError;
        expect(["NOT_FOUND", "FORBIDDEN"]).toContain(error.code);
        // Outsiders learn nothing: not even that the group exists.
        if (actor === "anonymous" || actor === "nonMember") expect(error).toMatchObject({ code: "NOT_FOUND", message: NOT_FOUND_MESSAGE });
        expect(error.message).not.toContain(GROUP_NAME);
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it("a moderator cannot remove or demote another moderator or the owner; nobody removes the owner", async () => {
    const { user: second } = await createUser(db);
    await db.groupMember.create({ data: { groupId, userId: second.id, role: "MODERATOR" } });
    const before = await snapshot();
    // Started one at a time: a rejected promise left waiting would be an unhandled rejection.
    for (const call of [
      () => removeMember(db, ids.moderator, { groupId, userId: second.id }),
      () => removeMember(db, ids.moderator, { groupId, userId: ids.owner }),
      () => setMemberRole(db, ids.moderator, { groupId, userId: second.id, role: "MEMBER" }),
      () => setMemberRole(db, ids.owner, { groupId, userId: ids.owner, role: "MEMBER" }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the owner cannot leave (the group would have no owner); members and moderators can", async () => {
    await expect(leaveGroup(db, ids.owner, { groupId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await leaveGroup(db, ids.member, { groupId });
    await leaveGroup(db, ids.moderator, { groupId });
    expect(await db.groupMember.findMany({ where: { groupId }, select: { userId: true } })).toEqual([{ userId: ids.owner }]);
    await expect(leaveGroup(db, ids.nonMember, { groupId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("invites", () => {
  async function invite(overrides: { validDays?: number; maxUses?: number } = {}) {
    return (await createGroupInvite(db, ids.owner, { groupId, validDays: overrides.validDays ?? 7, maxUses: overrides.maxUses ?? 5 }, now)).code;
  }

  it("shows the group's name and decks before joining, then joins once and counts one use", async () => {
    await setGroupDecks(db, ids.owner, { groupId, deckIds: [deckId] });
    const code = await invite();
    expect(await describeGroupInvite(db, ids.nonMember, code, now)).toEqual({ groupName: GROUP_NAME, description: "Members only", memberCount: 3, decks: ["Group deck"], alreadyMember: false, memberGroupId: null });
    expect(await joinGroup(db, ids.nonMember, { code, addDecks: true }, now)).toEqual({ groupId, joined: true });
    // Joining again is a no-op that uses nothing.
    expect(await joinGroup(db, ids.nonMember, { code }, now)).toEqual({ groupId, joined: false });
    expect((await db.groupInvite.findFirstOrThrow({ where: { groupId } })).uses).toBe(1);
  });

  it("adds the group's decks to a learner's deck selection, unless they opt out or already study every deck", async () => {
    const otherDeck = await db.deck.create({ data: { slug: "grp-other", title: "Other", order: 2 } });
    await setGroupDecks(db, ids.owner, { groupId, deckIds: [deckId] });
    const { user: picky } = await createUser(db);
    const { user: optOut } = await createUser(db);
    await db.studyDeck.createMany({ data: [{ userId: picky.id, deckId: otherDeck.id }, { userId: optOut.id, deckId: otherDeck.id }] });
    const code = await invite();
    await joinGroup(db, picky.id, { code, addDecks: true }, now);
    await joinGroup(db, optOut.id, { code, addDecks: false }, now);
    await joinGroup(db, ids.nonMember, { code, addDecks: true }, now);
    const decksOf = async (userId: string) => (await db.studyDeck.findMany({ where: { userId }, select: { deckId: true } })).map((row) => row.deckId).sort();
    expect(await decksOf(picky.id)).toEqual([deckId, otherDeck.id].sort());
    expect(await decksOf(optOut.id)).toEqual([otherDeck.id]);
    // No selection means every deck: nothing is added (adding one would narrow it to that deck).
    expect(await decksOf(ids.nonMember)).toEqual([]);
  });

  it("refuses an expired, used-up or revoked code (or an unknown one) with the same message and no state change", async () => {
    const expired = await invite({ validDays: 1 });
    const usedUp = await invite({ maxUses: 1 });
    await joinGroup(db, ids.admin, { code: usedUp }, now);
    const revoked = await invite();
    const revokedId = (await db.groupInvite.findFirstOrThrow({ where: { groupId, uses: 0, expiresAt: { gt: new Date(now.getTime() + 2 * 86_400_000) } }, orderBy: { createdAt: "desc" } })).id;
    await revokeGroupInvite(db, ids.owner, { groupId, inviteId: revokedId }, now);
    const later = new Date(now.getTime() + 2 * 86_400_000);
    const before = await snapshot();
    for (const code of [expired, usedUp, revoked, "an-unknown-code-of-enough-length"]) {
      await expect(joinGroup(db, ids.nonMember, { code }, later)).rejects.toMatchObject({ code: "NOT_FOUND", message: INVITE_INVALID_MESSAGE });
      await expect(describeGroupInvite(db, ids.nonMember, code, later)).rejects.toMatchObject({ code: "NOT_FOUND", message: INVITE_INVALID_MESSAGE });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets only one of two people take the last use of an invite at the same moment", async () => {
    const code = await invite({ maxUses: 1 });
    const { user: other } = await createUser(db);
    const results = await Promise.allSettled([joinGroup(db, ids.nonMember, { code }, now), joinGroup(db, other.id, { code }, now)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((await db.groupInvite.findFirstOrThrow({ where: { groupId } })).uses).toBe(1);
    expect(await db.groupMember.count({ where: { groupId } })).toBe(4);
  });
});

describe("ownership and deletion", () => {
  it("hands the group over: the new owner owns it and the old one becomes a moderator", async () => {
    await transferOwnership(db, ids.owner, { groupId, userId: ids.member });
    const roles = Object.fromEntries((await db.groupMember.findMany({ where: { groupId } })).map((member) => [member.userId, member.role]));
    expect(roles).toEqual({ [ids.member]: "OWNER", [ids.owner]: "MODERATOR", [ids.moderator]: "MODERATOR" });
  });

  it("deleting a group keeps every member's cards and reviews; an admin's deletion is audited", async () => {
    const question = await db.question.create({ data: { deckId, key: "grp-q", kind: "FLASHCARD", title: "Q", prompt: "P", answer: "A", explanation: "E", tags: [] } });
    const card = await db.card.create({ data: { userId: ids.member, questionId: question.id, due: now, state: "REVIEW", reps: 1 } });
    await db.reviewLog.create({
      data: {
        cardId: card.id, userId: ids.member, rating: 3, stateBefore: "NEW", dueBefore: now, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0,
        scheduledDays: 0, learningSteps: 0, reviewedAt: now, clientRequestId: crypto.randomUUID(),
      },
    });
    await deleteGroup(db, ids.admin, { groupId });
    expect(await db.studyGroup.count({ where: { id: groupId } })).toBe(0);
    expect(await db.groupMember.count({ where: { groupId } })).toBe(0);
    expect(await db.card.count({ where: { userId: ids.member } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: ids.member } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "group.delete", targetId: groupId, actorId: ids.admin } })).toBe(1);
  });
});

describe("daily goal met", () => {
  async function review(userId: string, stateBefore: "NEW" | "REVIEW", at: Date) {
    const question = await db.question.create({
      data: { deckId, key: `grp-goal-${crypto.randomUUID().slice(0, 8)}`, kind: "FLASHCARD", title: "Q", prompt: "P", answer: "A", explanation: "E", tags: [] },
    });
    const card = await db.card.create({ data: { userId, questionId: question.id, due: at, state: "REVIEW", reps: 1 } });
    await db.reviewLog.create({
      data: {
        cardId: card.id, userId, rating: 3, stateBefore, dueBefore: at, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0,
        scheduledDays: 0, learningSteps: 0, reviewedAt: at, clientRequestId: crypto.randomUUID(),
      },
    });
  }
  const utc = { timeZone: "UTC", dayStartHour: 4 };

  it("adds one goal.met entry per member and study day once the target is reached", async () => {
    await setGroupGoal(db, ids.owner, { groupId, kind: "NEW_CARDS", target: 2 });
    // Study day in UTC with a 04:00 start: 2026-06-01 04:00 to 2026-06-02 04:00. The 03:00 review belongs to the day before.
    await review(ids.member, "NEW", new Date("2026-06-01T03:00:00Z"));
    await review(ids.member, "NEW", new Date("2026-06-01T09:00:00Z"));
    await review(ids.member, "REVIEW", new Date("2026-06-01T10:00:00Z"));
    expect(await recordGoalsMet(db, ids.member, utc, now)).toEqual([]); // 1 new card today, target 2
    await review(ids.member, "NEW", new Date("2026-06-01T11:00:00Z"));
    expect(await recordGoalsMet(db, ids.member, utc, now)).toEqual([groupId]);
    expect(await recordGoalsMet(db, ids.member, utc, now)).toEqual([]); // once per day
    const entries = await db.groupActivity.findMany({ where: { groupId, kind: "goal.met" }, select: { actorId: true, data: true } });
    expect(entries).toEqual([{ actorId: ids.member, data: { day: "2026-06-01", goalKind: "NEW_CARDS", target: 2 } }]);
  });

  it("counts every review for a review goal, and does nothing for groups without a goal", async () => {
    expect(await recordGoalsMet(db, ids.member, utc, now)).toEqual([]);
    await setGroupGoal(db, ids.owner, { groupId, kind: "REVIEWS", target: 2 });
    await review(ids.member, "NEW", new Date("2026-06-01T09:00:00Z"));
    await review(ids.member, "REVIEW", new Date("2026-06-01T10:00:00Z"));
    expect(await recordGoalsMet(db, ids.member, utc, now)).toEqual([groupId]);
  });
});
