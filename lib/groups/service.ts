/**
 * Study groups on the server: create, invite (a code with an expiry and a use limit, revocable; only its hash is
 * stored), join, leave, remove, roles, ownership, shared decks, a daily goal, and delete. Every function takes the
 * acting user's id and checks the permission table (./permissions.ts) against the database, in the same
 * transaction as the change. A group a user may not see is "not found", so nothing about it leaks.
 *
 * Deleting a group or leaving it never touches anyone's cards or review history.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";
import { parseOrThrow as parse } from "@/lib/validation/parse";
import { can, canActOn, type GroupAction, type GroupRoleName, type GroupViewer } from "./permissions";
import { getGroupProgress, type GroupProgress } from "./progress";
import { SHARED_DECKS } from "@/lib/bank/visibility";
import { deckTitleIn } from "@/lib/bank/deck-text";
import type { QuestionLanguage } from "@/lib/content/translations";

type Tx = Prisma.TransactionClient;

export const NOT_FOUND_MESSAGE = "That group does not exist or you are not a member.";
export const INVITE_INVALID_MESSAGE = "This invite is not valid: it may have expired, been used up or been revoked.";

const id = z.string().trim().min(1).max(64);
const name = z.string({ error: "Enter a name." }).trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.");
const description = z.string().trim().max(500, "At most 500 characters.").default("");

export const createGroupSchema = z.object({ name, description });
export const updateGroupSchema = z.object({ groupId: id, name, description });
export const createGroupInviteSchema = z.object({
  groupId: id,
  validDays: z.coerce.number({ error: "Enter a number of days." }).int("Whole days.").min(1, "At least 1 day.").max(90, "At most 90 days."),
  maxUses: z.coerce.number({ error: "Enter a number of uses." }).int("A whole number.").min(1, "At least 1 use.").max(1000, "At most 1,000 uses."),
});
export const revokeInviteSchema = z.object({ groupId: id, inviteId: id });
export const joinGroupSchema = z.object({ code: z.string().trim().min(10).max(100), addDecks: z.boolean().default(true) });
export const memberTargetSchema = z.object({ groupId: id, userId: id });
export const setRoleSchema = z.object({ groupId: id, userId: id, role: z.enum(["MODERATOR", "MEMBER"], { error: "Choose moderator or member." }) });
export const groupIdSchema = z.object({ groupId: id });
export const setDecksSchema = z.object({ groupId: id, deckIds: z.array(id).max(200) });
export const setGoalSchema = z
  .object({
    groupId: id,
    kind: z.enum(["REVIEWS", "NEW_CARDS", "NONE"], { error: "Choose a goal." }),
    target: z.coerce.number({ error: "Enter a number." }).int("A whole number.").min(1, "At least 1.").max(1000, "At most 1,000.").optional(),
  })
  .refine((goal) => goal.kind === "NONE" || goal.target !== undefined, { message: "Enter how many per day.", path: ["target"] });
export const setSharingSchema = z.object({ groupId: id, share: z.boolean() });

/** SHA-256 (hex) of an invite code: what the database keeps. */
export function hashGroupInviteCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

async function viewerOf(db: Db | Tx, groupId: string, userId: string): Promise<GroupViewer & { exists: boolean }> {
  const [group, member, user] = await Promise.all([
    db.studyGroup.findUnique({ where: { id: groupId }, select: { id: true } }),
    db.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { role: true } }),
    db.user.findUnique({ where: { id: userId }, select: { role: true, disabled: true } }),
  ]);
  const active = user !== null && !user.disabled;
  return { exists: group !== null, role: active && member ? member.role : null, isAdmin: active && user.role === "ADMIN" };
}

/**
 * Throws unless the user may do `action` in the group: NOT_FOUND when they may not even see it (so a non-member
 * learns nothing, not even that it exists), FORBIDDEN otherwise.
 */
async function authorize(db: Db | Tx, groupId: string, userId: string, action: GroupAction): Promise<GroupViewer> {
  const viewer = await viewerOf(db, groupId, userId);
  if (!viewer.exists || !can(viewer, "view")) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  if (!can(viewer, action)) throw new AppError("FORBIDDEN", "Your role in this group does not allow that.");
  return viewer;
}

function activity(tx: Tx, groupId: string, actorId: string | null, kind: string, data?: Prisma.InputJsonObject) {
  return tx.groupActivity.create({ data: { groupId, actorId, kind, data } });
}

export async function createGroup(db: Db, userId: string, input: unknown): Promise<{ id: string }> {
  const data = parse(createGroupSchema, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { disabled: true } });
  if (!user || user.disabled) throw new AppError("FORBIDDEN", "Log in to create a group.");
  return db.$transaction(async (tx) => {
    const group = await tx.studyGroup.create({ data: { name: data.name, description: data.description } });
    await tx.groupMember.create({ data: { groupId: group.id, userId, role: "OWNER" } });
    await activity(tx, group.id, userId, "group.create");
    return { id: group.id };
  });
}

export interface MyGroup {
  id: string;
  name: string;
  description: string;
  role: GroupRoleName;
  memberCount: number;
}

export async function listMyGroups(db: Db, userId: string): Promise<MyGroup[]> {
  const memberships = await db.groupMember.findMany({
    where: { userId },
    orderBy: { joinedAt: "asc" },
    select: { role: true, group: { select: { id: true, name: true, description: true, _count: { select: { members: true } } } } },
  });
  return memberships.map(({ role, group }) => ({ id: group.id, name: group.name, description: group.description, role, memberCount: group._count.members }));
}

export interface GroupDetail {
  id: string;
  name: string;
  description: string;
  goal: { kind: "REVIEWS" | "NEW_CARDS"; target: number } | null;
  viewer: GroupViewer;
  members: Array<{ userId: string; name: string; role: GroupRoleName; joinedAt: Date; shareProgress: boolean }>;
  decks: Array<{ id: string; slug: string; title: string }>;
  /** Open invites, for owners and moderators only. */
  invites: Array<{ id: string; expiresAt: Date; maxUses: number; uses: number; createdAt: Date }> | null;
  activity: Array<{ id: string; kind: string; actorName: string | null; data: unknown; createdAt: Date }>;
}

/** The group page's data for a member (or an admin, without figures); NOT_FOUND for anyone else. */
export async function getGroup(db: Db, userId: string, groupId: string, now = new Date()): Promise<GroupDetail> {
  const viewer = await authorize(db, groupId, userId, "view");
  const group = await db.studyGroup.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      id: true, name: true, description: true, goalKind: true, goalTarget: true,
      members: { orderBy: [{ joinedAt: "asc" }], select: { userId: true, role: true, joinedAt: true, shareProgress: true, user: { select: { name: true } } } },
      decks: { select: { deck: { select: { id: true, slug: true, title: true, order: true } } } },
      activities: { orderBy: { createdAt: "desc" }, take: 30, select: { id: true, kind: true, data: true, createdAt: true, actor: { select: { name: true } } } },
    },
  });
  const invites = can(viewer, "invite")
    ? await db.groupInvite.findMany({
        where: { groupId, revokedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        select: { id: true, expiresAt: true, maxUses: true, uses: true, createdAt: true },
      })
    : null;
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    goal: group.goalKind && group.goalTarget ? { kind: group.goalKind, target: group.goalTarget } : null,
    viewer: { role: viewer.role, isAdmin: viewer.isAdmin },
    members: group.members.map((member) => ({ userId: member.userId, name: member.user.name, role: member.role, joinedAt: member.joinedAt, shareProgress: member.shareProgress })),
    decks: group.decks.map(({ deck }) => deck).sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug)).map(({ id: deckId, slug, title }) => ({ id: deckId, slug, title })),
    invites: invites?.filter((invite) => invite.uses < invite.maxUses) ?? null,
    activity: group.activities.map((entry) => ({ id: entry.id, kind: entry.kind, actorName: entry.actor?.name ?? null, data: entry.data, createdAt: entry.createdAt })),
  };
}

/** Members' figures for the group page: members only (figures never leave the group, not even to admins). */
export async function getGroupProgressForViewer(db: Db, userId: string, groupId: string, now = new Date()): Promise<GroupProgress> {
  await authorize(db, groupId, userId, "viewFigures");
  return getGroupProgress(db, groupId, userId, now);
}

export async function updateGroup(db: Db, userId: string, input: unknown): Promise<void> {
  const data = parse(updateGroupSchema, input);
  await db.$transaction(async (tx) => {
    await authorize(tx, data.groupId, userId, "edit");
    await tx.studyGroup.update({ where: { id: data.groupId }, data: { name: data.name, description: data.description } });
  });
}

/** A new invite; the code is returned once and only its hash is kept. */
export async function createGroupInvite(db: Db, userId: string, input: unknown, now = new Date()): Promise<{ code: string; expiresAt: Date; maxUses: number }> {
  const data = parse(createGroupInviteSchema, input);
  return db.$transaction(async (tx) => {
    await authorize(tx, data.groupId, userId, "invite");
    const code = randomBytes(18).toString("base64url");
    const expiresAt = new Date(now.getTime() + data.validDays * 86_400_000);
    await tx.groupInvite.create({ data: { groupId: data.groupId, codeHash: hashGroupInviteCode(code), expiresAt, maxUses: data.maxUses, createdById: userId } });
    return { code, expiresAt, maxUses: data.maxUses };
  });
}

export async function revokeGroupInvite(db: Db, userId: string, input: unknown, now = new Date()): Promise<void> {
  const data = parse(revokeInviteSchema, input);
  await db.$transaction(async (tx) => {
    await authorize(tx, data.groupId, userId, "invite");
    const { count } = await tx.groupInvite.updateMany({ where: { id: data.inviteId, groupId: data.groupId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new AppError("NOT_FOUND", "That invite no longer exists.");
  });
}

function inviteUsable(invite: { expiresAt: Date; maxUses: number; uses: number; revokedAt: Date | null }, now: Date): boolean {
  return invite.revokedAt === null && invite.expiresAt > now && invite.uses < invite.maxUses;
}

export interface InvitePreview {
  groupName: string;
  description: string;
  memberCount: number;
  decks: string[];
  alreadyMember: boolean;
  /** The group's id, for a link to it; only told to someone who is already a member. */
  memberGroupId: string | null;
}

/**
 * What someone holding a valid code sees before joining: the group's name, description and decks (their titles in
 * `language`, the English ones without a translation).
 */
export async function describeGroupInvite(db: Db, userId: string, code: string, now = new Date(), language: QuestionLanguage = "en"): Promise<InvitePreview> {
  const invite = await db.groupInvite.findUnique({
    where: { codeHash: hashGroupInviteCode(code) },
    select: {
      expiresAt: true, maxUses: true, uses: true, revokedAt: true, groupId: true,
      group: { select: { name: true, description: true, _count: { select: { members: true } }, decks: { select: { deck: { select: { title: true, translations: true } } } } } },
    },
  });
  if (!invite || !inviteUsable(invite, now)) throw new AppError("NOT_FOUND", INVITE_INVALID_MESSAGE);
  const member = await db.groupMember.findUnique({ where: { groupId_userId: { groupId: invite.groupId, userId } }, select: { role: true } });
  return {
    groupName: invite.group.name,
    description: invite.group.description,
    memberCount: invite.group._count.members,
    decks: sortTitles(invite.group.decks.map(({ deck }) => deckTitleIn(deck, language)), language),
    alreadyMember: member !== null,
    memberGroupId: member ? invite.groupId : null,
  };
}

/** Deck titles in alphabetical order: by code unit in English (as always), by the Chinese collation in Chinese. */
function sortTitles(titles: string[], language: QuestionLanguage): string[] {
  return language === "en" ? titles.sort() : titles.sort((a, b) => a.localeCompare(b, "zh"));
}

/**
 * Joins with a code. The invite row is locked so two people taking the last use cannot both get in; joining a
 * group one is already in is a no-op that uses nothing. With `addDecks`, the group's decks join the learner's
 * study selection (a learner who studies every deck, i.e. has no selection, already studies them).
 */
export async function joinGroup(db: Db, userId: string, input: unknown, now = new Date()): Promise<{ groupId: string; joined: boolean }> {
  const { code, addDecks } = parse(joinGroupSchema, input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { disabled: true } });
    if (!user || user.disabled) throw new AppError("FORBIDDEN", "Log in to join a group.");
    const rows = await tx.$queryRaw<Array<{ id: string; groupId: string; expiresAt: Date; maxUses: number; uses: number; revokedAt: Date | null }>>`
      SELECT "id", "groupId", "expiresAt", "maxUses", "uses", "revokedAt" FROM "GroupInvite" WHERE "codeHash" = ${hashGroupInviteCode(code)} FOR UPDATE`;
    const invite = rows[0];
    if (!invite || !inviteUsable(invite, now)) throw new AppError("NOT_FOUND", INVITE_INVALID_MESSAGE);
    const existing = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId: invite.groupId, userId } }, select: { role: true } });
    if (existing) return { groupId: invite.groupId, joined: false };
    await tx.groupMember.create({ data: { groupId: invite.groupId, userId, role: "MEMBER" } });
    await tx.groupInvite.update({ where: { id: invite.id }, data: { uses: { increment: 1 } } });
    if (addDecks) {
      const [selection, groupDecks] = await Promise.all([
        tx.studyDeck.count({ where: { userId } }),
        tx.groupDeck.findMany({ where: { groupId: invite.groupId }, select: { deckId: true } }),
      ]);
      if (selection > 0 && groupDecks.length > 0) {
        await tx.studyDeck.createMany({ data: groupDecks.map(({ deckId }) => ({ userId, deckId })), skipDuplicates: true });
      }
    }
    await activity(tx, invite.groupId, userId, "member.join");
    return { groupId: invite.groupId, joined: true };
  });
}

export async function leaveGroup(db: Db, userId: string, input: unknown): Promise<void> {
  const { groupId } = parse(groupIdSchema, input);
  await db.$transaction(async (tx) => {
    const viewer = await viewerOf(tx, groupId, userId);
    if (!viewer.exists || viewer.role === null) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
    if (!can(viewer, "leave")) throw new AppError("FORBIDDEN", "The owner cannot leave: hand the group to another member first, or delete it.");
    await tx.groupMember.delete({ where: { groupId_userId: { groupId, userId } } });
    await activity(tx, groupId, userId, "member.leave");
  });
}

/** The target member's role and name (the name goes into feed entries, which outlive the membership). */
async function targetMember(tx: Tx, groupId: string, userId: string): Promise<{ role: GroupRoleName; name: string }> {
  const member = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { role: true, user: { select: { name: true } } } });
  if (!member) throw new AppError("NOT_FOUND", "That person is not a member of this group.");
  return { role: member.role, name: member.user.name };
}

export async function removeMember(db: Db, actorId: string, input: unknown): Promise<void> {
  const { groupId, userId } = parse(memberTargetSchema, input);
  await db.$transaction(async (tx) => {
    const viewer = await authorize(tx, groupId, actorId, "removeMember");
    if (userId === actorId) throw new AppError("VALIDATION", "To leave the group, use Leave.");
    const target = await targetMember(tx, groupId, userId);
    if (!canActOn(viewer.role, target.role)) throw new AppError("FORBIDDEN", "Your role in this group does not allow removing that member.");
    await tx.groupMember.delete({ where: { groupId_userId: { groupId, userId } } });
    await activity(tx, groupId, actorId, "member.remove", { userId, name: target.name });
  });
}

export async function setMemberRole(db: Db, actorId: string, input: unknown): Promise<void> {
  const { groupId, userId, role } = parse(setRoleSchema, input);
  await db.$transaction(async (tx) => {
    const viewer = await authorize(tx, groupId, actorId, "setRole");
    const target = await targetMember(tx, groupId, userId);
    if (!canActOn(viewer.role, target.role)) throw new AppError("FORBIDDEN", "The owner's role changes only by handing the group over.");
    await tx.groupMember.update({ where: { groupId_userId: { groupId, userId } }, data: { role } });
    await activity(tx, groupId, actorId, "member.role", { userId, name: target.name, role });
  });
}

/** Makes another member the owner; the previous owner becomes a moderator. */
export async function transferOwnership(db: Db, actorId: string, input: unknown): Promise<void> {
  const { groupId, userId } = parse(memberTargetSchema, input);
  await db.$transaction(async (tx) => {
    await authorize(tx, groupId, actorId, "transferOwnership");
    if (userId === actorId) throw new AppError("VALIDATION", "You already own this group.");
    const target = await targetMember(tx, groupId, userId);
    await tx.groupMember.update({ where: { groupId_userId: { groupId, userId } }, data: { role: "OWNER" } });
    await tx.groupMember.update({ where: { groupId_userId: { groupId, userId: actorId } }, data: { role: "MODERATOR" } });
    await activity(tx, groupId, actorId, "group.owner", { userId, name: target.name });
  });
}

/** Deletes the group (its members, invites, deck list and feed); members' cards and reviews stay. */
export async function deleteGroup(db: Db, actorId: string, input: unknown): Promise<void> {
  const { groupId } = parse(groupIdSchema, input);
  await db.$transaction(async (tx) => {
    const viewer = await authorize(tx, groupId, actorId, "delete");
    const group = await tx.studyGroup.delete({ where: { id: groupId }, select: { name: true } });
    if (viewer.role === null && viewer.isAdmin) {
      await tx.auditLog.create({ data: { actorId, action: "group.delete", targetType: "StudyGroup", targetId: groupId, before: { name: group.name } } });
    }
  });
}

export async function setGroupDecks(db: Db, actorId: string, input: unknown): Promise<void> {
  const { groupId, deckIds } = parse(setDecksSchema, input);
  await db.$transaction(async (tx) => {
    await authorize(tx, groupId, actorId, "changeDecks");
    // Shared-bank decks only: a personal deck is its owner's alone, so it can never become a group deck.
    const decks = await tx.deck.findMany({ where: { id: { in: deckIds }, ...SHARED_DECKS }, select: { id: true, title: true } });
    if (decks.length !== new Set(deckIds).size) throw new AppError("VALIDATION", "Some of those decks no longer exist. Reload and choose again.");
    await tx.groupDeck.deleteMany({ where: { groupId } });
    if (decks.length > 0) await tx.groupDeck.createMany({ data: decks.map((deck) => ({ groupId, deckId: deck.id })) });
    await activity(tx, groupId, actorId, "group.decks", { decks: decks.map((deck) => deck.title).sort() });
  });
}

export async function setGroupGoal(db: Db, actorId: string, input: unknown): Promise<void> {
  const data = parse(setGoalSchema, input);
  await db.$transaction(async (tx) => {
    await authorize(tx, data.groupId, actorId, "changeGoal");
    const goal = data.kind === "NONE" ? { goalKind: null, goalTarget: null } : { goalKind: data.kind, goalTarget: data.target! };
    await tx.studyGroup.update({ where: { id: data.groupId }, data: goal });
    await activity(tx, data.groupId, actorId, "group.goal", { kind: data.kind, target: data.target ?? null });
  });
}

/** A member decides whether the group sees their figures. */
export async function setShareProgress(db: Db, userId: string, input: unknown): Promise<void> {
  const { groupId, share } = parse(setSharingSchema, input);
  await db.$transaction(async (tx) => {
    await authorize(tx, groupId, userId, "setOwnSharing");
    await tx.groupMember.update({ where: { groupId_userId: { groupId, userId } }, data: { shareProgress: share } });
  });
}

/** Every group with its member count and owner, for instance admins. */
export async function listAllGroups(db: Db, adminId: string): Promise<Array<{ id: string; name: string; memberCount: number; ownerName: string | null; createdAt: Date }>> {
  const admin = await db.user.findUnique({ where: { id: adminId }, select: { role: true, disabled: true } });
  if (!admin || admin.disabled || admin.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators can do this.");
  const groups = await db.studyGroup.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, _count: { select: { members: true } }, members: { where: { role: "OWNER" }, select: { user: { select: { name: true } } } } },
  });
  return groups.map((group) => ({ id: group.id, name: group.name, memberCount: group._count.members, ownerName: group.members[0]?.user.name ?? null, createdAt: group.createdAt }));
}
