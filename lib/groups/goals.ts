/**
 * "Goal met" in a group's feed: after a learner's review, each of their groups with a daily goal (so many
 * reviews, or so many new cards, per study day) gets one `goal.met` entry per member and study day once the
 * member's count for that day reaches the target. Days are the member's own study days (time zone and day start).
 */
import type { Db } from "@/lib/db-client";
import { studyDay, type StudyDayOptions } from "@/lib/srs/day";

/** Records goals the learner has met today; returns the ids of the groups that got a new entry. */
export async function recordGoalsMet(db: Db, userId: string, day: StudyDayOptions, now: Date): Promise<string[]> {
  const groups = await db.groupMember.findMany({
    where: { userId, group: { goalKind: { not: null }, goalTarget: { not: null } } },
    select: { group: { select: { id: true, goalKind: true, goalTarget: true } } },
  });
  if (groups.length === 0) return [];
  const today = studyDay(now, day);
  // One grouped count serves both goal kinds: all reviews, and reviews of cards that were new.
  const counts = await db.reviewLog.groupBy({
    by: ["stateBefore"],
    where: { userId, reviewedAt: { gte: today.start, lt: today.end } },
    _count: { _all: true },
  });
  const reviews = counts.reduce((sum, row) => sum + row._count._all, 0);
  const newCards = counts.find((row) => row.stateBefore === "NEW")?._count._all ?? 0;
  const reached = groups.filter(({ group }) => (group.goalKind === "NEW_CARDS" ? newCards : reviews) >= group.goalTarget!);
  if (reached.length === 0) return [];
  // One read of today's entries for every group reached, not one per group.
  const already = await db.groupActivity.findMany({
    where: { groupId: { in: reached.map(({ group }) => group.id) }, actorId: userId, kind: "goal.met", data: { path: ["day"], equals: today.key } },
    select: { groupId: true },
  });
  const done = new Set(already.map((entry) => entry.groupId));
  const fresh = reached.filter(({ group }) => !done.has(group.id));
  if (fresh.length > 0) {
    await db.groupActivity.createMany({
      data: fresh.map(({ group }) => ({ groupId: group.id, actorId: userId, kind: "goal.met", data: { day: today.key, goalKind: group.goalKind, target: group.goalTarget } })),
    });
  }
  const recorded = fresh.map(({ group }) => group.id);
  return recorded;
}

/**
 * For the review endpoints: records goals met without ever failing the review that triggered it (the review is
 * already stored; a feed entry is not worth an error for the learner).
 */
export async function recordGoalsMetAfterReview(db: Db, userId: string, day: StudyDayOptions, now = new Date()): Promise<void> {
  try {
    await recordGoalsMet(db, userId, day, now);
  } catch (error) {
    console.error("recording group goals failed", error);
  }
}
