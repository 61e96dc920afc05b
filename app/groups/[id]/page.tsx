import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { questionLanguageForRequest } from "@/app/content-language";
import { requireUser } from "@/lib/auth/session";
import { deckTextLookup } from "@/lib/bank/deck-text";
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
import { groupWords } from "./format";
import { InvitePanel } from "./invite-panel";
import { MemberControls, MemberStatusProvider } from "./member-controls";
import { MembershipPanel } from "./membership-panel";
import { DecksForm, EditGroupForm, GoalForm } from "./staff-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.page");
  return { title: t("metaTitle") };
}

const ROLE_ORDER: Record<GroupRoleName, number> = { OWNER: 0, MODERATOR: 1, MEMBER: 2 };

type GroupWords = Awaited<ReturnType<typeof groupWords>>;

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
async function deckOptions(db: Db): Promise<Array<{ id: string; slug: string; title: string; count: number }>> {
  const [decks, ids] = await Promise.all([listDecks(db, null), db.deck.findMany({ where: SHARED_DECKS, select: { id: true, slug: true } })]);
  const idOf = new Map(ids.map((deck) => [deck.slug, deck.id]));
  return decks.flatMap((deck) => {
    const id = idOf.get(deck.slug);
    return id ? [{ id, slug: deck.slug, title: deck.title, count: deck.questionCount }] : [];
  });
}

/** `progress` with its deck titles (the group's decks and each member's mastery) as `title` gives them. */
function withDeckTitles(progress: GroupProgress, title: (deck: { slug: string; title: string }) => string): GroupProgress {
  const titled = <T extends { slug: string; title: string }>(deck: T): T => ({ ...deck, title: title(deck) });
  return {
    ...progress,
    decks: progress.decks.map(titled),
    members: progress.members.map((member) => (member.figures ? { ...member, figures: { ...member.figures, mastery: member.figures.mastery.map(titled) } } : member)),
  };
}

function memberRows(group: GroupDetail, progress: GroupProgress | null, locale: string): MemberRow[] {
  if (progress) return progress.members.map(({ userId, name, role, joinedAt, figures }) => ({ userId, name, role, joinedAt, figures }));
  return group.members
    .map(({ userId, name, role, joinedAt }) => ({ userId, name, role, joinedAt, figures: undefined }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, locale));
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
  const { language, script } = await questionLanguageForRequest();
  const [figures, options, deckText] = await Promise.all([
    can(viewer, "viewFigures") ? getGroupProgressForViewer(db, user.id, group.id, now) : null,
    can(viewer, "changeDecks") ? deckOptions(db) : null,
    deckTextLookup(db, user.id, language),
  ]);
  const deckTitle = (deck: { slug: string; title: string }) => script(deckText.title(deck.slug, deck.title), language);
  const progress = figures && withDeckTitles(figures, deckTitle);
  const decks = options?.map(({ id: deckId, title, count, slug }) => ({ id: deckId, title: deckTitle({ slug, title }), count })) ?? null;
  const words = await groupWords();
  const { t, activitySentence, dateTime, goalLabel, relativeTime } = words;
  const members = memberRows(group, progress, words.locale);
  const me = group.members.find((member) => member.userId === user.id);
  const nameOf = new Map(group.members.map((member) => [member.userId, member.name]));
  const isStaff = can(viewer, "edit") || can(viewer, "invite") || can(viewer, "changeDecks") || can(viewer, "changeGoal");

  return (
    <div className="space-y-6">
      <div>
        <Link href={isMember || !viewer.isAdmin ? "/groups" : "/admin/groups"} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500">
          ← {isMember || !viewer.isAdmin ? t("page.backToGroups") : t("page.backToAdmin")}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="min-w-0 text-2xl font-bold tracking-tight break-words">{group.name}</h1>
          {viewer.role && <GroupRoleBadge role={viewer.role} />}
        </div>
        {group.description && <p className="mt-1 break-words text-slate-600 dark:text-slate-400">{group.description}</p>}
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {t("page.summary", { count: group.members.length, goal: goalLabel(group.goal) })}
        </p>
      </div>

      {!isMember && viewer.isAdmin && (
        <p className="alert-success" role="note">
          {t("page.adminNote")}
        </p>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="decks-heading" className="card space-y-3">
          <h2 id="decks-heading" className="font-semibold">{t("decks.title")}</h2>
          {group.decks.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {can(viewer, "changeDecks") ? t("decks.noneChooseBelow") : t("decks.none")}
            </p>
          ) : (
            <ul className="space-y-1">
              {group.decks.map((deck) => (
                <li key={deck.id}>
                  <Link href={`/decks/${deck.slug}`} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500">{deckTitle(deck)}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        {progress && (
          <section aria-labelledby="leaderboard-heading" className="card space-y-3">
            <div>
              <h2 id="leaderboard-heading" className="font-semibold">{t("leaderboard.title")}</h2>
              <p className="text-xs text-slate-500 dark:text-slate-400">{t("leaderboard.hint")}</p>
            </div>
            {progress.leaderboard.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("leaderboard.empty")}</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {progress.leaderboard.map((entry) => (
                  <li key={entry.userId} className="flex items-baseline gap-3">
                    <span className="w-8 shrink-0 text-right text-slate-500 tabular-nums dark:text-slate-400">
                      <span className="sr-only">{t("leaderboard.rank")} </span>
                      {entry.rank}.
                    </span>
                    <span className={`min-w-0 flex-1 truncate ${entry.userId === user.id ? "font-semibold" : ""}`}>
                      {entry.userId === user.id ? t("leaderboard.you", { name: entry.name }) : entry.name}
                    </span>
                    <span className="shrink-0 tabular-nums">{t("leaderboard.reviews", { count: entry.reviewsThisWeek })}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        )}
      </div>

      <section aria-labelledby="members-heading" className="card overflow-hidden p-0">
        <h2 id="members-heading" tabIndex={-1} className="px-4 pt-5 font-semibold focus:outline-none sm:px-6">
          {t("members.title", { count: group.members.length })}
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
                        <span className="break-words">{self ? t("members.you", { name: member.name }) : member.name}</span>
                        <GroupRoleBadge role={member.role} />
                      </h3>
                      <p className="text-xs text-slate-500 dark:text-slate-400">{t("members.joined", { date: words.date(member.joinedAt) })}</p>
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
                  {member.figures === null && <p className="text-sm text-slate-500 italic dark:text-slate-400">{t("members.keepsPrivate")}</p>}
                  {member.figures && <Figures figures={member.figures} privateToViewer={self && me?.shareProgress === false} t={t} formatPercent={words.formatPercent} />}
                </li>
              );
            })}
          </ul>
        </MemberStatusProvider>
      </section>

      {me && (
        <section aria-labelledby="membership-heading" className="card space-y-3">
          <h2 id="membership-heading" className="font-semibold">{t("membership.title")}</h2>
          <MembershipPanel groupId={group.id} groupName={group.name} share={me.shareProgress} canLeave={can(viewer, "leave")} />
          {viewer.role === "OWNER" && (
            <p className="text-xs text-slate-500 dark:text-slate-400">{t("membership.ownerCannotLeave")}</p>
          )}
        </section>
      )}

      {isStaff && (
        <section aria-labelledby="settings-heading" className="card space-y-6">
          <div>
            <h2 id="settings-heading" className="font-semibold">{t("settings.title")}</h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("settings.intro")}</p>
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
            <h2 id="invite-heading" className="font-semibold">{t("invites.title")}</h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("invites.intro")}</p>
          </div>
          <InvitePanel
            groupId={group.id}
            invites={(group.invites ?? []).map((invite) => ({
              id: invite.id,
              uses: invite.uses,
              maxUses: invite.maxUses,
              expiresLabel: dateTime(invite.expiresAt),
              createdLabel: dateTime(invite.createdAt),
            }))}
          />
        </section>
      )}

      <section aria-labelledby="activity-heading" className="card space-y-3">
        <h2 id="activity-heading" className="font-semibold">{t("activity.title")}</h2>
        {group.activity.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("activity.empty")}</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {group.activity.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="min-w-0 break-words">{activitySentence(entry, nameOf)}</span>
                <time dateTime={entry.createdAt.toISOString()} title={dateTime(entry.createdAt)} className="shrink-0 text-xs text-slate-500 dark:text-slate-400">
                  {relativeTime(entry.createdAt, now)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>

      {can(viewer, "delete") && (
        <section aria-labelledby="delete-heading" className="card space-y-3 border-red-200 dark:border-red-900">
          <h2 id="delete-heading" className="font-semibold">{t("delete.title")}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t("delete.intro")}
          </p>
          <DeleteGroupButton groupId={group.id} groupName={group.name} next={isMember ? "/groups" : "/admin/groups"} />
        </section>
      )}
    </div>
  );
}

/** A member's figures: this week, streak, 30-day retention, and mastery per group deck. */
function Figures({
  figures,
  privateToViewer,
  t,
  formatPercent,
}: {
  figures: MemberFigures;
  privateToViewer: boolean;
  t: GroupWords["t"];
  formatPercent: GroupWords["formatPercent"];
}) {
  return (
    <div className="space-y-3">
      {privateToViewer && <p className="text-xs text-slate-500 italic dark:text-slate-400">{t("members.privateToViewer")}</p>}
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("members.thisWeek")}</dt>
          <dd className="font-medium tabular-nums">{t("members.reviews", { count: figures.reviewsThisWeek })}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("members.streak")}</dt>
          <dd className="font-medium tabular-nums">{t("members.streakDays", { count: figures.streakDays })}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("members.retention")}</dt>
          <dd className="font-medium tabular-nums">
            {figures.retention30d === null ? (
              <>
                <span aria-hidden="true">–</span>
                <span className="sr-only">{t("members.noReviews")}</span>
              </>
            ) : (
              formatPercent(figures.retention30d)
            )}
          </dd>
        </div>
      </dl>
      {figures.mastery.length > 0 && (
        <div>
          <h4 className="text-xs text-slate-500 dark:text-slate-400">{t("members.mastery")}</h4>
          <ul className="mt-1 grid gap-x-6 gap-y-2 sm:grid-cols-2">
            {figures.mastery.map((deck) => {
              const share = deck.total > 0 ? Math.min(1, deck.mastered / deck.total) : 0;
              return (
                <li key={deck.deckId} className="text-sm">
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="min-w-0 truncate">{deck.title}</span>
                    <span className="shrink-0 tabular-nums">
                      {t.rich("members.masteredOf", {
                        mastered: deck.mastered,
                        total: deck.total,
                        sr: (chunks) => <span className="sr-only">{chunks}</span>,
                      })}
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
