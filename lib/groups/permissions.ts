/**
 * Who may do what in a study group, as one table. Services check it on the server for every action; pages use
 * it only to decide which buttons to show. Rules that depend on the target (a moderator removes members but not
 * other moderators; nobody removes the owner) are in `canActOn`.
 */
export type GroupRoleName = "OWNER" | "MODERATOR" | "MEMBER";

export type GroupAction =
  | "view"
  | "viewFigures"
  | "edit"
  | "invite"
  | "removeMember"
  | "setRole"
  | "transferOwnership"
  | "changeDecks"
  | "changeGoal"
  | "delete"
  | "leave"
  | "setOwnSharing";

export interface GroupViewer {
  /** The viewer's role in this group, or null for a non-member. */
  role: GroupRoleName | null;
  /** Instance admins see every group (not members' figures) and may delete any. */
  isAdmin: boolean;
}

const ALL: GroupRoleName[] = ["OWNER", "MODERATOR", "MEMBER"];
const STAFF: GroupRoleName[] = ["OWNER", "MODERATOR"];

/** Roles allowed per action, and whether an instance admin who is not a member may do it too. */
export const GROUP_PERMISSIONS: Record<GroupAction, { roles: GroupRoleName[]; admin: boolean }> = {
  view: { roles: ALL, admin: true },
  // Figures stay inside the group: an admin who is not a member does not see them.
  viewFigures: { roles: ALL, admin: false },
  edit: { roles: STAFF, admin: false },
  invite: { roles: STAFF, admin: false },
  removeMember: { roles: STAFF, admin: false },
  setRole: { roles: ["OWNER"], admin: false },
  transferOwnership: { roles: ["OWNER"], admin: false },
  changeDecks: { roles: STAFF, admin: false },
  changeGoal: { roles: STAFF, admin: false },
  delete: { roles: ["OWNER"], admin: true },
  // The owner hands the group over (or deletes it) before leaving, so a group always has an owner.
  leave: { roles: ["MODERATOR", "MEMBER"], admin: false },
  setOwnSharing: { roles: ALL, admin: false },
};

export function can(viewer: GroupViewer, action: GroupAction): boolean {
  const rule = GROUP_PERMISSIONS[action];
  return (viewer.role !== null && rule.roles.includes(viewer.role)) || (viewer.isAdmin && rule.admin);
}

/** Whether an actor with `actorRole` may remove a member, or change the role of one, with `targetRole`. */
export function canActOn(actorRole: GroupRoleName | null, targetRole: GroupRoleName): boolean {
  if (targetRole === "OWNER") return false;
  if (actorRole === "OWNER") return true;
  return actorRole === "MODERATOR" && targetRole === "MEMBER";
}
