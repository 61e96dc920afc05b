/**
 * Read side of a study group's page: every member's figures (reviews this week, current streak, 30-day retention,
 * mastery of the group's decks), a leaderboard and the group's decks. Like lib/study/stats.ts, every aggregation
 * runs in PostgreSQL and only small plain objects come back.
 *
 * The number of SQL statements does not depend on the number of members: one for the members, one for the decks,
 * then one each for the review counts, the current streaks (from StudyDay) and the mastery counts of all visible
 * members at once (five in all; the last three only when someone's figures are visible).
 *
 * Privacy: a member's figures are computed and returned only when they share their progress with the group
 * (`GroupMember.shareProgress`) or are the viewer; the aggregate queries never read the logs or cards of anyone
 * else. Figures are only ever computed for members of this group (their ids come from its GroupMember rows).
 * The caller has checked that the viewer may see the group at all.
 *
 * Not marked "server-only" so integration tests and the bench can import it (like lib/study/stats.ts).
 */
import type { GroupRole } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { DEFAULT_SCHEDULER_SETTINGS, isValidTimeZone, SrsError, studyDay, type StudyDayOptions } from "@/lib/srs";

/** A card counts as mastered once it is in REVIEW with at least this stability (days), and not suspended. */
export const MASTERY_STABILITY_DAYS = 21;
/** `reviewsThisWeek` counts the reviews of the last 7 × 24 hours before `now`. */
export const WEEK_HOURS = 7 * 24;
/** `retention30d` looks at the reviews of the last 30 × 24 hours before `now`. */
export const RETENTION_DAYS = 30;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One of the group's decks. */
export interface GroupDeckSummary {
  deckId: string;
  slug: string;
  title: string;
  /** ACTIVE questions in the deck. */
  total: number;
}

/** A member's progress on one group deck. */
export interface DeckMastery extends GroupDeckSummary {
  /**
   * The member's cards on the deck's ACTIVE questions in state REVIEW with stability >=
   * {@link MASTERY_STABILITY_DAYS} that are not suspended (so `mastered <= total`).
   */
  mastered: number;
}

/** A member's figures; see {@link getGroupProgress}. */
export interface MemberFigures {
  /**
   * Reviews (ReviewLog rows, every rating of every card) in the 7 × 24 hours before `now`: a rolling window,
   * the same for every member whatever their time zone, so the leaderboard compares like with like.
   */
  reviewsThisWeek: number;
  /**
   * Current streak of study days with at least one review, in the member's own time zone and day start hour:
   * the run ending today, else the one ending yesterday, else 0 (as `streak` in lib/study/stats.ts).
   */
  streakDays: number;
  /**
   * Among the member's reviews in the 30 × 24 hours before `now` of cards that were in REVIEW state, the share
   * rated Hard, Good or Easy (rating > 1), from 0 to 1; null when there were none.
   */
  retention30d: number | null;
  /** One entry per group deck, in the order of {@link GroupProgress.decks}. */
  mastery: DeckMastery[];
}

export interface GroupMemberProgress {
  userId: string;
  name: string;
  role: GroupRole;
  joinedAt: Date;
  shareProgress: boolean;
  /** Null when the member does not share their progress and is not the viewer. */
  figures: MemberFigures | null;
}

export interface LeaderboardEntry {
  userId: string;
  name: string;
  reviewsThisWeek: number;
  /** Competition ranking: members with equal `reviewsThisWeek` share a rank and the next rank is skipped (1, 1, 3). */
  rank: number;
}

export interface GroupProgress {
  /** Every member: owners first, then moderators, then members, each by name. */
  members: GroupMemberProgress[];
  /** Members who share their progress, plus the viewer when a member: most reviews this week first, then by name. */
  leaderboard: LeaderboardEntry[];
  /** The group's decks in deck order. */
  decks: GroupDeckSummary[];
}

interface MemberRow {
  userId: string;
  name: string;
  role: GroupRole;
  joinedAt: Date;
  shareProgress: boolean;
  timeZone: string;
  dayStartHour: number;
}

/**
 * The learner's day boundary as stored, for "today" and "yesterday" of their streak. The database only stores
 * zones PostgreSQL knows and hours 0..23; a zone it knows and the JavaScript runtime does not (such as "Factory")
 * falls back to UTC here, as lib/study/settings.ts does when loading settings, instead of failing the page.
 */
function dayOptions(member: MemberRow): StudyDayOptions {
  const hour = member.dayStartHour;
  return {
    timeZone: isValidTimeZone(member.timeZone) ? member.timeZone : DEFAULT_SCHEDULER_SETTINGS.timeZone,
    dayStartHour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_SCHEDULER_SETTINGS.dayStartHour,
  };
}

const byName = (a: { name: string; userId: string }, b: { name: string; userId: string }) =>
  a.name.localeCompare(b.name, "en") || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/**
 * The figures of a study group's page at `now`; see {@link GroupProgress} and {@link MemberFigures} for what each
 * number means. Members who do not share their progress get `figures: null` (except the viewer, who always sees
 * their own) and are left out of the leaderboard. A viewer who is not a member (say an admin) sees the members
 * who share. An unknown group gives no members and no decks.
 *
 * Sends five SQL statements however many members the group has (see the module comment).
 * Throws {@link SrsError} for an invalid `now`.
 */
export async function getGroupProgress(db: Db, groupId: string, viewerId: string, now: Date): Promise<GroupProgress> {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new SrsError({ path: "now", message: "Expected a valid date." });
  }
  const [memberRows, decks] = await Promise.all([
    // Raw SQL for one statement: Prisma's `include: { user }` would load the users with a second query.
    db.$queryRaw<MemberRow[]>`
      SELECT gm."userId", u."name", gm."role", gm."joinedAt", gm."shareProgress", u."timeZone", u."dayStartHour"
      FROM "GroupMember" gm
      JOIN "User" u ON u."id" = gm."userId"
      WHERE gm."groupId" = ${groupId}
      ORDER BY CASE gm."role" WHEN 'OWNER' THEN 0 WHEN 'MODERATOR' THEN 1 ELSE 2 END, u."name", gm."userId"`,
    // Raw SQL: Prisma's relation `_count` with a filter would take a statement per level (GroupDeck, Deck, count).
    db.$queryRaw<GroupDeckSummary[]>`
      SELECT d."id" AS "deckId", d."slug", d."title",
        (SELECT count(*) FROM "Question" q WHERE q."deckId" = d."id" AND q."status" = 'ACTIVE')::int AS "total"
      FROM "GroupDeck" gd
      JOIN "Deck" d ON d."id" = gd."deckId"
      WHERE gd."groupId" = ${groupId}
      ORDER BY d."order", d."title", d."slug"`,
  ]);

  const visible = memberRows.filter((member) => member.shareProgress || member.userId === viewerId);
  const figures = visible.length > 0 ? await figuresOf(db, groupId, visible, decks, now) : new Map<string, MemberFigures>();

  const members: GroupMemberProgress[] = memberRows.map((member) => ({
    userId: member.userId,
    name: member.name,
    role: member.role,
    joinedAt: member.joinedAt,
    shareProgress: member.shareProgress,
    figures: figures.get(member.userId) ?? null,
  }));

  const ranked = members
    .flatMap((member) => (member.figures ? [{ userId: member.userId, name: member.name, reviewsThisWeek: member.figures.reviewsThisWeek }] : []))
    .sort((a, b) => b.reviewsThisWeek - a.reviewsThisWeek || byName(a, b));
  let rank = 0;
  const leaderboard = ranked.map((entry, index) => {
    if (index === 0 || ranked[index - 1]!.reviewsThisWeek !== entry.reviewsThisWeek) rank = index + 1;
    return { ...entry, rank };
  });

  return { members, leaderboard, decks };
}

/** The three aggregate statements, for the visible members only, run side by side. */
async function figuresOf(db: Db, groupId: string, visible: MemberRow[], decks: GroupDeckSummary[], now: Date): Promise<Map<string, MemberFigures>> {
  const userIds = visible.map((member) => member.userId);
  const options = visible.map(dayOptions);
  const today = options.map((option) => studyDay(now, option));
  const weekStart = new Date(now.getTime() - WEEK_HOURS * HOUR_MS);
  const retentionStart = new Date(now.getTime() - RETENTION_DAYS * DAY_MS);

  const [counts, streaks, mastered] = await Promise.all([
    // Weekly count and retention together: both read the member's logs of the last 30 days through
    // ReviewLog(userId, reviewedAt), and conditional aggregates (FILTER) give per-user counts in one pass.
    // The week is a subset of the 30 days because 7 × 24 h < 30 × 24 h.
    db.$queryRaw<Array<{ userId: string; week: number; reviewed: number; retained: number }>>`
      SELECT r."userId",
        count(*) FILTER (WHERE r."reviewedAt" >= ${weekStart})::int AS "week",
        count(*) FILTER (WHERE r."stateBefore" = 'REVIEW')::int AS "reviewed",
        count(*) FILTER (WHERE r."stateBefore" = 'REVIEW' AND r."rating" > 1)::int AS "retained"
      FROM "ReviewLog" r
      WHERE r."userId" = ANY(${userIds}::text[]) AND r."reviewedAt" >= ${retentionStart} AND r."reviewedAt" < ${now}
      GROUP BY r."userId"`,
    // Current streaks, as `streak` in lib/study/stats.ts, from StudyDay: its rows are bucketed by each member's
    // stored zone and day start hour and carry the length of the run ending on that day (database triggers keep
    // them; see prisma/schema.prisma). The run ending today, else the one ending yesterday, else 0: two primary-key
    // probes per member, whatever the length of their history. Days after today do not matter, because a row's
    // run length only counts the days before it.
    db.$queryRaw<Array<{ userId: string; streak: number }>>`
      SELECT m."userId", COALESCE(t."streak", y."streak", 0)::int AS "streak"
      FROM unnest(${userIds}::text[], ${today.map((day) => day.key)}::date[]) AS m("userId", "today")
      LEFT JOIN "StudyDay" t ON t."userId" = m."userId" AND t."day" = m."today"
      LEFT JOIN "StudyDay" y ON y."userId" = m."userId" AND y."day" = m."today" - 1`,
    // Mastery per (member, deck): Prisma's groupBy cannot group cards by their question's deck.
    db.$queryRaw<Array<{ userId: string; deckId: string; mastered: number }>>`
      SELECT c."userId", q."deckId", count(*)::int AS "mastered"
      FROM "Card" c
      JOIN "Question" q ON q."id" = c."questionId"
      JOIN "GroupDeck" gd ON gd."deckId" = q."deckId" AND gd."groupId" = ${groupId}
      WHERE c."userId" = ANY(${userIds}::text[]) AND c."state" = 'REVIEW' AND NOT c."suspended"
        AND c."stability" >= ${MASTERY_STABILITY_DAYS}::float8 AND q."status" = 'ACTIVE'
      GROUP BY c."userId", q."deckId"`,
  ]);

  const countsOf = new Map(counts.map((row) => [row.userId, row]));
  const streakOf = new Map(streaks.map((row) => [row.userId, row.streak]));
  const masteredOf = new Map(mastered.map((row) => [`${row.userId} ${row.deckId}`, row.mastered]));
  return new Map(
    visible.map((member) => {
      const count = countsOf.get(member.userId);
      const figures: MemberFigures = {
        reviewsThisWeek: count?.week ?? 0,
        streakDays: streakOf.get(member.userId) ?? 0,
        retention30d: count && count.reviewed > 0 ? count.retained / count.reviewed : null,
        mastery: decks.map((deck) => ({ ...deck, mastered: masteredOf.get(`${member.userId} ${deck.deckId}`) ?? 0 })),
      };
      return [member.userId, figures];
    }),
  );
}
