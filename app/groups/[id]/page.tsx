import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listDecks } from "@/lib/bank/queries";
import { SHARED_DECKS } from "@/lib/bank/visibility";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { isAppError } from "@/lib/errors";
import { can, canActOn, type GroupRoleName } from "@/lib/groups/permissions";
import type { GroupProgress, MemberFigures } from "@/lib/groups/progress";
import { getGroup, getGroupProgressForViewer, type GroupDetail } from "@/lib/groups/service";
import { GroupRoleBadge } from "../role-badge";
import { DeleteGroupButton } from "./delete-group-button";
import { plural } from "@/lib/format";
import { activitySentence, dateFormat, dateTimeFormat, formatPercent, goalLabel, relativeTime } from "./format";
import { InvitePanel } from "./invite-panel";
import { MemberControls, MemberStatusProvider } from "./member-controls";
import { MembershipPanel } from "./membership-panel";
import { DecksForm, EditGroupForm, GoalForm } from "./staff-panel";

export const metadata: Metadata = { title: "Study group" };

const ROLE_ORDER: Record<GroupRoleName, number> = { OWNER: 0, MODERATOR: 1, MEMBER: 2 };

interface MemberRow {
  userId: string;
  name: string;
  role: GroupRoleName;
  joinedAt: Date;
  /** undefined: the viewer may not see figures at all (an admin who is not a member); null: kept private. */
  figures: MemberFigures | null | undefined;
}

/**
 * Every deck of the shared bank with its id, for the deck chooser (listDecks has no ids; as on the settings page).
 * Personal decks cannot be group decks.
 */
async function deckOptions(db: Db): Promise<Array<{ id: string; title: string; count: number }>> {
  const [decks, ids] = await Promise.all([listDecks(db, null), db.deck.findMany({ where: SHARED_DECKS, select: { id: true, slug: true } })]);
  const idOf = new Map(ids.map((deck) => [deck.slug, deck.id]));
  return decks.flatMap((deck) => {
    const id = idOf.get(deck.slug);
    return id ? [{ id, title: deck.title, count: deck.questionCount }] : [];
  });
}

function memberRows(group: GroupDetail, progress: GroupProgress | null): MemberRow[] {
  if (progress) return progress.members.map(({ userId, name, role, joinedAt, figures }) => ({ userId, name, role, joinedAt, figures }));
  return group.members
    .map(({ userId, name, role, joinedAt }) => ({ userId, name, role, joinedAt, figures: undefined }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, "en"));
}

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/groups/${id}`);
  const db = getDb();
  const now = new Date();
  let group: GroupDetail;
  try {
    group = await getGroup(db, user.id, id, now);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { viewer } = group;
  const isMember = viewer.role !== null;
  const [progress, decks] = await Promise.all([
    can(viewer, "viewFigures") ? getGroupProgressForViewer(db, user.id, group.id, now) : null,
    can(viewer, "changeDecks") ? deckOptions(db) : null,
  ]);
  const members = memberRows(group, progress);
  const me = group.members.find((member) => member.userId === user.id);
  const nameOf = new Map(group.members.map((member) => [member.userId, member.name]));
  const isStaff = can(viewer, "edit") || can(viewer, "invite") || can(viewer, "changeDecks") || can(viewer, "changeGoal");

  return (
    <div className="space-y-6">
      <div>
        <Link href={isMember || !viewer.isAdmin ? "/groups" : "/admin/groups"} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500">
          ← {isMember || !viewer.isAdmin ? "Study groups" : "All groups"}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="min-w-0 text-2xl font-bold tracking-tight break-words">{group.name}</h1>
          {viewer.role && <GroupRoleBadge role={viewer.role} />}
        </div>
        {group.description && <p className="mt-1 break-words text-slate-600 dark:text-slate-400">{group.description}</p>}
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {plural(group.members.length, "member", "members")} · Daily goal: {goalLabel(group.goal).toLowerCase()}
        </p>
      </div>

      {!isMember && viewer.isAdmin && (
        <p className="alert-success" role="note">
          You see this group as an administrator, not as a member: members&apos; figures stay inside the group.
        </p>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="decks-heading" className="card space-y-3">
          <h2 id="decks-heading" className="font-semibold">Decks</h2>
          {group.decks.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              No decks chosen yet.{can(viewer, "changeDecks") ? " Choose them under Group settings below." : ""}
            </p>
          ) : (
            <ul className="space-y-1">
              {group.decks.map((deck) => (
                <li key={deck.id}>
                  <Link href={`/decks/${deck.slug}`} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500">{deck.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        {progress && (
          <section aria-labelledby="leaderboard-heading" className="card space-y-3">
            <div>
              <h2 id="leaderboard-heading" className="font-semibold">This week</h2>
              <p className="text-xs text-slate-500 dark:text-slate-400">Reviews in the last 7 days, among members who share their progress.</p>
            </div>
            {progress.leaderboard.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">Nobody shares their progress yet.</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {progress.leaderboard.map((entry) => (
                  <li key={entry.userId} className="flex items-baseline gap-3">
                    <span className="w-8 shrink-0 text-right text-slate-500 tabular-nums dark:text-slate-400">
                      <span className="sr-only">Rank </span>
                      {entry.rank}.
                    </span>
                    <span className={`min-w-0 flex-1 truncate ${entry.userId === user.id ? "font-semibold" : ""}`}>
                      {entry.name}
                      {entry.userId === user.id ? " (you)" : ""}
                    </span>
                    <span className="shrink-0 tabular-nums">{plural(entry.reviewsThisWeek, "review", "reviews")}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        )}
      </div>

      <section aria-labelledby="members-heading" className="card overflow-hidden p-0">
        <h2 id="members-heading" tabIndex={-1} className="px-4 pt-5 font-semibold focus:outline-none sm:px-6">
          Members ({group.members.length})
        </h2>
        <MemberStatusProvider headingId="members-heading">
          <ul className="mt-3 divide-y divide-slate-200 border-t border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {members.map((member) => {
              const self = member.userId === user.id;
              const actOn = !self && canActOn(viewer.role, member.role);
              return (
                <li key={member.userId} className="space-y-3 px-4 py-4 sm:px-6">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                        <span className="break-words">{member.name}{self ? " (you)" : ""}</span>
                        <GroupRoleBadge role={member.role} />
                      </h3>
                      <p className="text-xs text-slate-500 dark:text-slate-400">Joined {dateFormat.format(member.joinedAt)}</p>
                    </div>
                    <MemberControls
                      groupId={group.id}
                      groupName={group.name}
                      member={{ userId: member.userId, name: member.name, role: member.role }}
                      canRemove={actOn && can(viewer, "removeMember")}
                      canSetRole={actOn && can(viewer, "setRole")}
                      canTransfer={!self && can(viewer, "transferOwnership")}
                    />
                  </div>
                  {member.figures === null && <p className="text-sm text-slate-500 italic dark:text-slate-400">Keeps progress private</p>}
                  {member.figures && <Figures figures={member.figures} privateToViewer={self && me?.shareProgress === false} />}
                </li>
              );
            })}
          </ul>
        </MemberStatusProvider>
      </section>

      {me && (
        <section aria-labelledby="membership-heading" className="card space-y-3">
          <h2 id="membership-heading" className="font-semibold">Your membership</h2>
          <MembershipPanel groupId={group.id} groupName={group.name} share={me.shareProgress} canLeave={can(viewer, "leave")} />
          {viewer.role === "OWNER" && (
            <p className="text-xs text-slate-500 dark:text-slate-400">As the owner you cannot leave: hand the group to another member first, or delete it.</p>
          )}
        </section>
      )}

      {isStaff && (
        <section aria-labelledby="settings-heading" className="card space-y-6">
          <div>
            <h2 id="settings-heading" className="font-semibold">Group settings</h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">For the owner and moderators.</p>
          </div>
          {can(viewer, "edit") && <EditGroupForm groupId={group.id} name={group.name} description={group.description} />}
          {can(viewer, "changeGoal") && (
            <div className="border-t border-slate-200 pt-6 dark:border-slate-800">
              <GoalForm groupId={group.id} goal={group.goal} />
            </div>
          )}
          {decks && (
            <div className="border-t border-slate-200 pt-6 dark:border-slate-800">
              <DecksForm groupId={group.id} decks={decks} selected={group.decks.map((deck) => deck.id)} />
            </div>
          )}
        </section>
      )}

      {can(viewer, "invite") && (
        <section aria-labelledby="invite-heading" className="card space-y-4">
          <div>
            <h2 id="invite-heading" className="font-semibold">Invite people</h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">A link that lets people with an account on this site join, for a number of days and uses.</p>
          </div>
          <InvitePanel
            groupId={group.id}
            invites={(group.invites ?? []).map((invite) => ({
              id: invite.id,
              uses: invite.uses,
              maxUses: invite.maxUses,
              expiresLabel: dateTimeFormat.format(invite.expiresAt),
              createdLabel: dateTimeFormat.format(invite.createdAt),
            }))}
          />
        </section>
      )}

      <section aria-labelledby="activity-heading" className="card space-y-3">
        <h2 id="activity-heading" className="font-semibold">Activity</h2>
        {group.activity.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Nothing has happened yet.</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {group.activity.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="min-w-0 break-words">{activitySentence(entry, nameOf)}</span>
                <time dateTime={entry.createdAt.toISOString()} title={dateTimeFormat.format(entry.createdAt)} className="shrink-0 text-xs text-slate-500 dark:text-slate-400">
                  {relativeTime(entry.createdAt, now)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>

      {can(viewer, "delete") && (
        <section aria-labelledby="delete-heading" className="card space-y-3 border-red-200 dark:border-red-900">
          <h2 id="delete-heading" className="font-semibold">Delete group</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Removes the group, its invites, deck list and feed for everyone. Members keep their cards and review history.
          </p>
          <DeleteGroupButton groupId={group.id} groupName={group.name} next={isMember ? "/groups" : "/admin/groups"} />
        </section>
      )}
    </div>
  );
}

/** A member's figures: this week, streak, 30-day retention, and mastery per group deck. */
function Figures({ figures, privateToViewer }: { figures: MemberFigures; privateToViewer: boolean }) {
  return (
    <div className="space-y-3">
      {privateToViewer && <p className="text-xs text-slate-500 italic dark:text-slate-400">Only you see your figures: you keep your progress private.</p>}
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">This week</dt>
          <dd className="font-medium tabular-nums">{plural(figures.reviewsThisWeek, "review", "reviews")}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">Streak</dt>
          <dd className="font-medium tabular-nums">{plural(figures.streakDays, "day", "days")}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">Retention, 30 days</dt>
          <dd className="font-medium tabular-nums">
            {figures.retention30d === null ? (
              <>
                <span aria-hidden="true">–</span>
                <span className="sr-only">no reviews yet</span>
              </>
            ) : (
              formatPercent(figures.retention30d)
            )}
          </dd>
        </div>
      </dl>
      {figures.mastery.length > 0 && (
        <div>
          <h4 className="text-xs text-slate-500 dark:text-slate-400">Mastered cards per deck</h4>
          <ul className="mt-1 grid gap-x-6 gap-y-2 sm:grid-cols-2">
            {figures.mastery.map((deck) => {
              const share = deck.total > 0 ? Math.min(1, deck.mastered / deck.total) : 0;
              return (
                <li key={deck.deckId} className="text-sm">
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="min-w-0 truncate">{deck.title}</span>
                    <span className="shrink-0 tabular-nums">
                      {deck.mastered}/{deck.total}
                      <span className="sr-only"> mastered</span>
                    </span>
                  </div>
                  <div aria-hidden="true" className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
                    <div className="h-full rounded-full bg-brand-600 dark:bg-brand-500" style={{ width: `${Math.round(share * 100)}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
