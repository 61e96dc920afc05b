"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import {
  createGroup,
  createGroupInvite,
  createGroupInviteSchema,
  createGroupSchema,
  deleteGroup,
  groupIdSchema,
  joinGroup,
  joinGroupSchema,
  leaveGroup,
  memberTargetSchema,
  removeMember,
  revokeGroupInvite,
  revokeInviteSchema,
  setDecksSchema,
  setGoalSchema,
  setGroupDecks,
  setGroupGoal,
  setMemberRole,
  setRoleSchema,
  setShareProgress,
  setSharingSchema,
  transferOwnership,
  updateGroup,
  updateGroupSchema,
} from "@/lib/groups/service";
import { getTranslations } from "next-intl/server";
import { runUserAction, type ActionState } from "@/app/user-action";

/** Pages that show a group's name, members, decks, goal or feed; refreshed after every change to it. */
function revalidateGroup(groupId: string) {
  revalidatePath("/groups");
  revalidatePath(`/groups/${groupId}`);
  revalidatePath("/admin/groups");
}

/** Joining with the group's decks can change the learner's study selection. */
function revalidateStudy() {
  revalidatePath("/home");
  revalidatePath("/study");
  revalidatePath("/settings");
}

export async function createGroupAction(input: unknown): Promise<ActionState<{ id: string }>> {
  return runUserAction(createGroupSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    const group = await createGroup(getDb(), user.id, data);
    revalidateGroup(group.id);
    return { ok: true, message: t("created", { name: data.name }), data: { id: group.id } };
  });
}

export async function updateGroupAction(input: unknown): Promise<ActionState> {
  return runUserAction(updateGroupSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await updateGroup(getDb(), user.id, data);
    revalidateGroup(data.groupId);
    return { ok: true, message: t("saved") };
  });
}

/** Returns the code once, with the path of its join page; only the code's hash is stored, so it cannot be shown again. */
export async function createInviteAction(
  input: unknown,
): Promise<ActionState<{ code: string; path: string; expiresAt: string; maxUses: number }>> {
  return runUserAction(createGroupInviteSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    const invite = await createGroupInvite(getDb(), user.id, data);
    revalidatePath(`/groups/${data.groupId}`);
    return {
      ok: true,
      message: t("inviteCreated"),
      data: { code: invite.code, path: `/join/${encodeURIComponent(invite.code)}`, expiresAt: invite.expiresAt.toISOString(), maxUses: invite.maxUses },
    };
  });
}

export async function revokeInviteAction(input: unknown): Promise<ActionState> {
  return runUserAction(revokeInviteSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await revokeGroupInvite(getDb(), user.id, data);
    revalidatePath(`/groups/${data.groupId}`);
    return { ok: true, message: t("inviteRevoked") };
  });
}

export async function joinGroupAction(input: unknown): Promise<ActionState<{ groupId: string; joined: boolean }>> {
  return runUserAction(joinGroupSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    const result = await joinGroup(getDb(), user.id, data);
    revalidateGroup(result.groupId);
    if (result.joined && data.addDecks) revalidateStudy();
    return { ok: true, message: result.joined ? t("joined") : t("alreadyMember"), data: result };
  });
}

export async function leaveGroupAction(input: unknown): Promise<ActionState> {
  return runUserAction(groupIdSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await leaveGroup(getDb(), user.id, data);
    revalidateGroup(data.groupId);
    return { ok: true, message: t("left") };
  });
}

export async function removeMemberAction(input: unknown): Promise<ActionState> {
  return runUserAction(memberTargetSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await removeMember(getDb(), user.id, data);
    revalidateGroup(data.groupId);
    return { ok: true, message: t("memberRemoved") };
  });
}

export async function setMemberRoleAction(input: unknown): Promise<ActionState> {
  return runUserAction(setRoleSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await setMemberRole(getDb(), user.id, data);
    revalidateGroup(data.groupId);
    return { ok: true, message: data.role === "MODERATOR" ? t("nowModerator") : t("nowMember") };
  });
}

export async function transferOwnershipAction(input: unknown): Promise<ActionState> {
  return runUserAction(memberTargetSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await transferOwnership(getDb(), user.id, data);
    revalidateGroup(data.groupId);
    return { ok: true, message: t("transferred") };
  });
}

export async function deleteGroupAction(input: unknown): Promise<ActionState> {
  return runUserAction(groupIdSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await deleteGroup(getDb(), user.id, data);
    revalidateGroup(data.groupId);
    return { ok: true, message: t("deleted") };
  });
}

export async function setGroupDecksAction(input: unknown): Promise<ActionState> {
  return runUserAction(setDecksSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await setGroupDecks(getDb(), user.id, data);
    revalidateGroup(data.groupId);
    return { ok: true, message: data.deckIds.length === 0 ? t("decksCleared") : t("decksSaved") };
  });
}

export async function setGroupGoalAction(input: unknown): Promise<ActionState> {
  return runUserAction(setGoalSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await setGroupGoal(getDb(), user.id, data);
    revalidateGroup(data.groupId);
    return { ok: true, message: data.kind === "NONE" ? t("goalCleared") : t("goalSaved") };
  });
}

export async function setShareProgressAction(input: unknown): Promise<ActionState> {
  return runUserAction(setSharingSchema, input, async (user, data) => {
    const t = await getTranslations("groups.actions");
    await setShareProgress(getDb(), user.id, data);
    revalidatePath(`/groups/${data.groupId}`);
    return { ok: true, message: data.share ? t("sharing") : t("private") };
  });
}
