/**
 * A study group's figures against PostgreSQL with a fixed clock: reviews in the last 7 × 24 h, streaks in each
 * member's own time zone (America/New_York with the day starting at 04:00, where study days and UTC dates
 * disagree), 30-day retention, deck mastery, the leaderboard with ties, privacy (shareProgress) and the number of
 * SQL statements, which must not grow with the group.
 *
 * Calendar facts used below: in January 2026 America/New_York is EST = UTC−5, so with dayStartHour 4 the study day
 * "2026-01-D" runs from D 09:00Z to D+1 09:00Z. For UTC with dayStartHour 4 it runs from D 04:00Z to D+1 04:00Z.
 * now = Thu 15 Jan 2026 15:00Z; the week starts 8 Jan 15:00Z, the 30 days on 16 Dec 2025 15:00Z.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { PrismaClient, type GroupRole } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { getGroupProgress, MASTERY_STABILITY_DAYS, type GroupProgress } from "@/lib/groups/progress";
import { dayKey } from "@/lib/srs";
import { streak } from "@/lib/study/stats";
import { clearQuestionBank, testDb, uniqueEmail } from "./helpers";

const db = testDb();
const at = (iso: string) => new Date(iso);
const NOW = at("2026-01-15T15:00:00Z");
const NEW_YORK_4 = { timeZone: "America/New_York", dayStartHour: 4 };
const EMAIL_PREFIX = "group-progress";
const GROUP_PREFIX = "GP ";

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  // This file owns the question-bank tables for its run (integration files run one at a time), like stats.test.ts;
  // deleting decks removes GroupDeck rows, deleting its own users their memberships, cards and logs (cascade).
  await clearQuestionBank(db);
  await db.studyGroup.deleteMany({ where: { name: { startsWith: GROUP_PREFIX } } });
  await db.user.deleteMany({ where: { email: { startsWith: `${EMAIL_PREFIX}-` } } });
});

// ---- fixtures -------------------------------------------------------------------------------------------------

type State = "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";

async function user(name: string, options: { timeZone?: string; dayStartHour?: number } = {}): Promise<string> {
  const created = await db.user.create({
    data: { email: uniqueEmail(EMAIL_PREFIX), name, passwordHash: "not used", timeZone: options.timeZone ?? "UTC", dayStartHour: options.dayStartHour ?? 4 },
  });
  return created.id;
}

async function deck(slug: string, order: number): Promise<string> {
  return (await db.deck.create({ data: { slug, title: `Deck ${slug}`, order } })).id;
}

async function question(deckId: string, key: string, status: "ACTIVE" | "ARCHIVED" = "ACTIVE"): Promise<string> {
  const created = await db.question.create({
    data: { key, deckId, kind: "FLASHCARD", title: `Question ${key}`, prompt: "Prompt?", answer: "Answer.", status },
  });
  return created.id;
}

async function card(userId: string, questionId: string, state: State, stability: number, suspended = false): Promise<string> {
  return (await db.card.create({ data: { userId, questionId, state, stability, suspended, due: at("2026-02-01T00:00:00Z") } })).id;
}

async function group(name: string, deckIds: string[], members: Array<{ userId: string; role?: GroupRole; shareProgress?: boolean; joinedAt: Date }>) {
  const created = await db.studyGroup.create({ data: { name: `${GROUP_PREFIX}${name}` } });
  await db.groupDeck.createMany({ data: deckIds.map((deckId) => ({ groupId: created.id, deckId })) });
  await db.groupMember.createMany({ data: members.map((member) => ({ groupId: created.id, role: "MEMBER" as const, ...member })) });
  return created.id;
}

/** Review logs of one card: [instant, stateBefore, rating]. */
async function logs(userId: string, cardId: string, rows: Array<[string, State, number]>): Promise<void> {
  await db.reviewLog.createMany({
    data: rows.map(([instant, stateBefore, rating]) => ({
      cardId, userId, rating, stateBefore, dueBefore: at(instant), stability: 1, difficulty: 5, elapsedDays: 0,
      lastElapsedDays: 0, scheduledDays: 1, learningSteps: 0, reviewedAt: at(instant), clientRequestId: randomUUID(),
    })),
  });
}

/** Alice's reviews (New York, day starts 04:00) with the study day of each, worked out by hand. */
const ALICE_REVIEWS: Array<[string, string]> = [
  ["2026-01-15T08:30:00Z", "2026-01-14"], // 03:30 EST on the 15th: before 04:00 → the 14th (UTC date: the 15th)
  ["2026-01-13T15:00:00Z", "2026-01-13"], // 10:00 EST
  ["2026-01-13T03:00:00Z", "2026-01-12"], // 22:00 EST on the 12th (UTC date: the 13th)
  ["2026-01-12T05:00:00Z", "2026-01-11"], // 00:00 EST on the 12th: before 04:00 → the 11th (UTC date: the 12th)
  ["2026-01-10T02:00:00Z", "2026-01-09"], // 21:00 EST on the 9th (UTC date: the 10th)
  ["2026-01-07T15:00:00Z", "2026-01-07"], // 8 days before now: outside the week
];

/**
 * Group "study" with decks alpha (5 ACTIVE questions + 1 archived) and beta (2), and members:
 * - Alice, owner, New York: the reviews above, all LEARNING → 5 this week, streak 4, no retention.
 * - Carol, moderator, does not share: 5 REVIEW-state reviews yesterday, all Good.
 * - Bob, Erin (nothing at all) and Frank, members.
 * Dave belongs to another group only (and has reviews); Zed to no group.
 */
async function fixture() {
  const alice = await user("Alice", NEW_YORK_4);
  const bob = await user("Bob");
  const carol = await user("Carol");
  const erin = await user("Erin");
  const frank = await user("Frank");
  const dave = await user("Dave");
  const zed = await user("Zed");

  const alpha = await deck("alpha", 1);
  const beta = await deck("beta", 2);
  const gamma = await deck("gamma", 3);
  const a1 = await question(alpha, "a1");
  const a2 = await question(alpha, "a2");
  const a3 = await question(alpha, "a3");
  const a4 = await question(alpha, "a4");
  const a5 = await question(alpha, "a5");
  const aArchived = await question(alpha, "a-archived", "ARCHIVED");
  const b1 = await question(beta, "b1");
  const b2 = await question(beta, "b2");
  const g1 = await question(gamma, "g1");

  const studyGroup = await group("study", [beta, alpha], [
    { userId: alice, role: "OWNER", joinedAt: at("2026-01-01T10:00:00Z") },
    { userId: carol, role: "MODERATOR", shareProgress: false, joinedAt: at("2026-01-02T10:00:00Z") },
    { userId: bob, joinedAt: at("2026-01-03T10:00:00Z") },
    { userId: erin, joinedAt: at("2026-01-04T10:00:00Z") },
    { userId: frank, joinedAt: at("2026-01-05T10:00:00Z") },
  ]);
  const otherGroup = await group("other", [alpha], [{ userId: dave, role: "OWNER", joinedAt: at("2026-01-01T10:00:00Z") }]);

  // Alice's cards. alpha: a1 stability 30 → mastered; a2 10 → not; a3 30 but suspended → not; a4 exactly 21 →
  // mastered; a5 25 but LEARNING → not; archived question 40 → neither mastered nor in the total: 2 of 5.
  // beta: b1 50 → 1 of 2. gamma (not a group deck) 100 → not shown.
  const aliceCard = await card(alice, a1, "REVIEW", 30);
  await card(alice, a2, "REVIEW", 10);
  await card(alice, a3, "REVIEW", 30, true);
  await card(alice, a4, "REVIEW", MASTERY_STABILITY_DAYS);
  await card(alice, a5, "LEARNING", 25);
  await card(alice, aArchived, "REVIEW", 40);
  await card(alice, b1, "REVIEW", 50);
  await card(alice, g1, "REVIEW", 100);
  await logs(alice, aliceCard, ALICE_REVIEWS.map(([instant]) => [instant, "LEARNING", 3]));

  // Bob (UTC, 04:00): a1 stability 22 → alpha 1 of 5, beta 0 of 2.
  const bobCard = await card(bob, a1, "REVIEW", 22);
  await logs(bob, bobCard, [
    ["2026-01-13T15:00:00Z", "REVIEW", 1], // two days ago: week; REVIEW state → retention (Again: lapsed)
    ["2026-01-13T15:05:00Z", "REVIEW", 3], // week; retention (Good)
    ["2026-01-13T15:10:00Z", "REVIEW", 4], // week; retention (Easy)
    ["2026-01-14T10:00:00Z", "LEARNING", 1], // week; not REVIEW state → not in retention
    ["2026-01-07T15:00:00Z", "NEW", 3], // eight days ago: not in the week; NEW → not in retention
    ["2025-12-15T15:00:00Z", "REVIEW", 1], // 31 days ago: outside both windows
  ]);

  // Carol (UTC, 04:00, not sharing): a1 stability 30 → alpha 1 of 5. Five Good reviews yesterday.
  const carolCard = await card(carol, a1, "REVIEW", 30);
  await logs(carol, carolCard, [0, 1, 2, 3, 4].map((minute) => [`2026-01-14T12:0${minute}:00Z`, "REVIEW", 3]));

  // Frank (UTC, 04:00): a NEW card, four first reviews yesterday and today.
  const frankCard = await card(frank, b2, "NEW", 0);
  await logs(frank, frankCard, [
    ["2026-01-14T12:00:00Z", "NEW", 3],
    ["2026-01-14T12:01:00Z", "NEW", 3],
    ["2026-01-15T12:00:00Z", "NEW", 3],
    ["2026-01-15T12:01:00Z", "NEW", 3],
  ]);

  // Dave (other group): lots of reviews and a mastered card; Zed (no group): the same. Neither may appear.
  for (const outsider of [dave, zed]) {
    const outsiderCard = await card(outsider, a1, "REVIEW", 40);
    await logs(outsider, outsiderCard, Array.from({ length: 10 }, (_, index): [string, State, number] => [`2026-01-14T1${index}:00:00Z`, "REVIEW", 3]));
  }

  return { alice, bob, carol, erin, frank, dave, zed, alpha, beta, studyGroup, otherGroup };
}

const deckAlpha = (alpha: string) => ({ deckId: alpha, slug: "alpha", title: "Deck alpha" });
const deckBeta = (beta: string) => ({ deckId: beta, slug: "beta", title: "Deck beta" });

// ---- figures ------------------------------------------------------------------------------------------------------

describe("getGroupProgress", () => {
  it("assigns Alice's reviews to the New York study days written above", () => {
    for (const [instant, key] of ALICE_REVIEWS) expect(dayKey(at(instant), NEW_YORK_4), instant).toBe(key);
  });

  it("returns every member's figures, the leaderboard and the decks, as worked out by hand", async () => {
    const f = await fixture();
    const progress = await getGroupProgress(db, f.studyGroup, f.bob, NOW);
    const alpha = deckAlpha(f.alpha);
    const beta = deckBeta(f.beta);

    // Decks in deck order (alpha 1, beta 2), whatever order they were added in; the archived question is left out.
    expect(progress.decks).toEqual([{ ...alpha, total: 5 }, { ...beta, total: 2 }]);

    expect(progress.members).toEqual([
      // Owner first, then the moderator, then members by name.
      {
        userId: f.alice, name: "Alice", role: "OWNER", joinedAt: at("2026-01-01T10:00:00Z"), shareProgress: true,
        figures: {
          // In [8 Jan 15:00Z, 15 Jan 15:00Z): every review but the one on 7 Jan → 5.
          reviewsThisWeek: 5,
          // Study days 7, 9, 11, 12, 13, 14 Jan; today (15th) has none yet, so the run ending yesterday counts:
          // 11–14 = 4. By UTC date (7, 10, 12, 13, 13, 15) the run would be 1.
          streakDays: 4,
          // All her reviews were of LEARNING cards: no retention figure.
          retention30d: null,
          mastery: [{ ...alpha, mastered: 2, total: 5 }, { ...beta, mastered: 1, total: 2 }],
        },
      },
      // Carol does not share and is not the viewer.
      { userId: f.carol, name: "Carol", role: "MODERATOR", joinedAt: at("2026-01-02T10:00:00Z"), shareProgress: false, figures: null },
      {
        userId: f.bob, name: "Bob", role: "MEMBER", joinedAt: at("2026-01-03T10:00:00Z"), shareProgress: true,
        figures: {
          reviewsThisWeek: 4, // three on 13 Jan and one on 14 Jan; 7 Jan and 15 Dec are earlier
          streakDays: 2, // study days 13 and 14 Jan (UTC, 04:00), ending yesterday
          retention30d: 2 / 3, // REVIEW-state ratings 1, 3, 4 in the 30 days (15 Dec is outside)
          mastery: [{ ...alpha, mastered: 1, total: 5 }, { ...beta, mastered: 0, total: 2 }],
        },
      },
      {
        userId: f.erin, name: "Erin", role: "MEMBER", joinedAt: at("2026-01-04T10:00:00Z"), shareProgress: true,
        figures: {
          reviewsThisWeek: 0, streakDays: 0, retention30d: null,
          mastery: [{ ...alpha, mastered: 0, total: 5 }, { ...beta, mastered: 0, total: 2 }],
        },
      },
      {
        userId: f.frank, name: "Frank", role: "MEMBER", joinedAt: at("2026-01-05T10:00:00Z"), shareProgress: true,
        figures: {
          reviewsThisWeek: 4,
          streakDays: 2, // 14 and 15 Jan, ending today
          retention30d: null, // first reviews only
          mastery: [{ ...alpha, mastered: 0, total: 5 }, { ...beta, mastered: 0, total: 2 }], // a NEW card
        },
      },
    ]);

    // Carol is left out; Bob and Frank tie on 4 (by name) and share rank 2, so Erin is 4th.
    expect(progress.leaderboard).toEqual([
      { userId: f.alice, name: "Alice", reviewsThisWeek: 5, rank: 1 },
      { userId: f.bob, name: "Bob", reviewsThisWeek: 4, rank: 2 },
      { userId: f.frank, name: "Frank", reviewsThisWeek: 4, rank: 2 },
      { userId: f.erin, name: "Erin", reviewsThisWeek: 0, rank: 4 },
    ]);
  });

  it("shows a member who does not share their own figures, and ranks them for themselves only", async () => {
    const f = await fixture();
    const progress = await getGroupProgress(db, f.studyGroup, f.carol, NOW);
    const carol = progress.members.find((member) => member.userId === f.carol);
    // Five REVIEW-state Good reviews on 14 Jan: week 5, retention 5/5, streak 1 (the 14th, yesterday).
    expect(carol?.figures).toEqual({
      reviewsThisWeek: 5, streakDays: 1, retention30d: 1,
      mastery: [{ ...deckAlpha(f.alpha), mastered: 1, total: 5 }, { ...deckBeta(f.beta), mastered: 0, total: 2 }],
    });
    // Alice and Carol tie on 5 (rank 1, by name), Bob and Frank on 4 (rank 3), Erin 5th.
    expect(progress.leaderboard.map(({ name, rank }) => [name, rank])).toEqual([["Alice", 1], ["Carol", 1], ["Bob", 3], ["Frank", 3], ["Erin", 5]]);
    // Everyone else's figures are as for Bob.
    const forBob = await getGroupProgress(db, f.studyGroup, f.bob, NOW);
    expect(progress.members.filter((member) => member.userId !== f.carol)).toEqual(forBob.members.filter((member) => member.userId !== f.carol));
  });

  it("never returns members of another group, and shows a viewer who is not a member only those who share", async () => {
    const f = await fixture();
    const forDave = await getGroupProgress(db, f.studyGroup, f.dave, NOW);
    const ids = forDave.members.map((member) => member.userId);
    expect(ids).toEqual([f.alice, f.carol, f.bob, f.erin, f.frank]);
    expect(forDave.members.find((member) => member.userId === f.carol)?.figures).toBeNull();
    expect(forDave.leaderboard.map((entry) => entry.name)).toEqual(["Alice", "Bob", "Frank", "Erin"]);

    // The other group: Dave alone, with his own figures (10 reviews yesterday; a1 stability 40 → 1 of 5).
    const other = await getGroupProgress(db, f.otherGroup, f.dave, NOW);
    expect(other.members.map((member) => [member.name, member.figures?.reviewsThisWeek, member.figures?.mastery.map((deck) => deck.mastered)])).toEqual([["Dave", 10, [1]]]);
    expect(other.decks).toEqual([{ ...deckAlpha(f.alpha), total: 5 }]);
    expect(other.leaderboard).toEqual([{ userId: f.dave, name: "Dave", reviewsThisWeek: 10, rank: 1 }]);
  });

  it("counts the week from exactly 7 × 24 h before now and the retention window from exactly 30 × 24 h, excluding now", async () => {
    const gina = await user("Gina");
    const alpha = await deck("alpha", 1);
    const groupId = await group("edges", [alpha], [{ userId: gina, joinedAt: at("2026-01-01T00:00:00Z") }]);
    const cardId = await card(gina, await question(alpha, "a1"), "REVIEW", 5);
    await logs(gina, cardId, [
      ["2026-01-15T15:00:00.000Z", "REVIEW", 1], // exactly now: in neither window
      ["2026-01-10T12:00:00.000Z", "REVIEW", 2], // week, retention (Hard counts as retained)
      ["2026-01-08T15:00:00.000Z", "REVIEW", 3], // exactly 7 × 24 h before now: week, retention
      ["2026-01-08T14:59:59.999Z", "REVIEW", 1], // just before: retention only
      ["2025-12-16T15:00:00.000Z", "REVIEW", 3], // exactly 30 × 24 h before now: retention
      ["2025-12-16T14:59:59.999Z", "REVIEW", 1], // just before: neither
    ]);
    const [figures] = (await getGroupProgress(db, groupId, gina, NOW)).members.map((member) => member.figures);
    // Week: 10 Jan and 8 Jan 15:00 → 2. Retention: ratings 2, 3, 1, 3 → 3/4. Streak: the review at now (15:00Z)
    // belongs to today, the 15th, and 14 Jan has none → 1.
    expect(figures).toMatchObject({ reviewsThisWeek: 2, retention30d: 3 / 4, streakDays: 1 });
  });

  it("takes the streak's today and yesterday from the member's zone and day start, ignoring later reviews", async () => {
    const f = await fixture();
    const aliceStreak = async (now: string) =>
      (await getGroupProgress(db, f.studyGroup, f.alice, at(now))).members.find((member) => member.userId === f.alice)?.figures?.streakDays;
    // 15 Jan 08:45Z = 03:45 EST: still the study day of the 14th, which has a review → run 11–14 ends today.
    expect(await aliceStreak("2026-01-15T08:45:00Z")).toBe(4);
    // 16 Jan 08:59Z = 03:59 EST: the study day of the 15th; yesterday (14th) ends the run.
    expect(await aliceStreak("2026-01-16T08:59:00Z")).toBe(4);
    // 16 Jan 09:00Z = 04:00 EST: the 16th; the 15th was missed.
    expect(await aliceStreak("2026-01-16T09:00:00Z")).toBe(0);
    // 12 Jan 04:00Z = 23:00 EST on the 11th: reviews after that study day (ends 12 Jan 09:00Z) are ignored, so the
    // days are 7, 9 and 11 Jan and the run is the 11th alone (today).
    expect(await aliceStreak("2026-01-12T04:00:00Z")).toBe(1);
  });

  it("agrees with the dashboard's streak around DST changes in Berlin and New York, for day start hours 0, 2 and 4", async () => {
    const alpha = await deck("alpha", 1);
    const questionId = await question(alpha, "a1");
    // One member per (zone, hour, gap between reviews): gaps under a day keep runs going with reviews drifting
    // across the day boundary (also into the first hours of a study day, which the walk back skips over); gaps
    // over a day now and then miss a study day. Reviews span both 2026 DST changes of both zones; with hour 2 the
    // study day starts in the skipped hour (both zones in spring) or the repeated one (Berlin in autumn).
    const members: Array<{ userId: string; options: { timeZone: string; dayStartHour: number } }> = [];
    for (const timeZone of ["Europe/Berlin", "America/New_York"]) {
      for (const dayStartHour of [0, 2, 4]) {
        for (const gapMinutes of [23 * 60 + 10, 24 * 60 + 10, 25 * 60]) {
          const userId = await user(`${timeZone} ${dayStartHour} ${gapMinutes}`, { timeZone, dayStartHour });
          const cardId = await card(userId, questionId, "REVIEW", 5);
          const instants = [["2026-02-27T00:00:00Z", 40], ["2026-10-18T00:00:00Z", 20]].flatMap(([from, days]) =>
            Array.from({ length: Math.floor((Number(days) * 24 * 60) / gapMinutes) }, (_, index) => new Date(at(String(from)).getTime() + index * gapMinutes * 60_000)));
          await logs(userId, cardId, instants.map((instant) => [instant.toISOString(), "REVIEW", 3]));
          members.push({ userId, options: { timeZone, dayStartHour } });
        }
      }
    }
    const groupId = await group("dst", [alpha], members.map(({ userId }) => ({ userId, joinedAt: at("2026-01-01T00:00:00Z") })));
    let nonZero = 0;
    for (const [from, days] of [["2026-02-28T00:00:00Z", 40], ["2026-10-19T00:00:00Z", 21]] as const) {
      for (let hours = 0; hours < days * 24; hours += 17) {
        const now = new Date(at(from).getTime() + hours * 3_600_000);
        const progress = await getGroupProgress(db, groupId, "nobody", now);
        const actual = new Map(progress.members.map((member) => [member.userId, member.figures?.streakDays]));
        for (const { userId, options } of members) {
          const expected = (await streak(db, userId, options, now)).current;
          expect(actual.get(userId), `${options.timeZone} ${options.dayStartHour} at ${now.toISOString()}`).toBe(expected);
          if (expected > 0) nonZero++;
        }
      }
    }
    expect(nonZero).toBeGreaterThan(1000); // the comparison is about real runs, not zeros
  }, 120_000);

  it("falls back to UTC for today's date when the stored zone is one PostgreSQL knows and JavaScript does not", async () => {
    const f = await fixture();
    // "Factory" is UTC in PostgreSQL's zone data; Intl rejects it. (Zones neither knows are refused on save:
    // tests/integration/study-days.test.ts.)
    await db.user.update({ where: { id: f.alice }, data: { timeZone: "Factory", dayStartHour: 4 } });
    const progress = await getGroupProgress(db, f.studyGroup, f.bob, NOW);
    // By UTC with a 04:00 start Alice's days are 7, 9, 12 (12 Jan 05:00Z, and 13 Jan 03:00Z before 04:00), 13 and
    // 15 Jan (08:30Z): the run is today alone.
    expect(progress.members.find((member) => member.userId === f.alice)?.figures?.streakDays).toBe(1);
  });

  it("returns nothing for a group without members or decks and rejects an invalid now", async () => {
    const empty = await db.studyGroup.create({ data: { name: `${GROUP_PREFIX}empty` } });
    const expected: GroupProgress = { members: [], leaderboard: [], decks: [] };
    expect(await getGroupProgress(db, empty.id, "nobody", NOW)).toEqual(expected);
    expect(await getGroupProgress(db, "no-such-group", "nobody", NOW)).toEqual(expected);
    await expect(getGroupProgress(db, empty.id, "nobody", new Date(Number.NaN))).rejects.toThrow(/valid date/);
  });
});

// ---- statements --------------------------------------------------------------------------------------------------

describe("SQL statements", () => {
  it("sends the same five statements for a group of 5 members as for one of 25", async () => {
    const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl"), max: 4 }), log: [{ emit: "event", level: "query" }] });
    try {
      const statements: string[] = [];
      logged.$on("query", (event) => statements.push(event.query));
      const count = async (groupId: string, viewerId: string) => {
        statements.length = 0;
        await getGroupProgress(logged as unknown as Db, groupId, viewerId, NOW);
        return statements.length;
      };
      const f = await fixture();
      const small = await count(f.studyGroup, f.bob);
      // Twenty more members who share, each with a card and a review.
      for (let index = 0; index < 20; index++) {
        const userId = await user(`Extra ${String(index).padStart(2, "0")}`, index % 2 ? NEW_YORK_4 : {});
        await db.groupMember.create({ data: { groupId: f.studyGroup, userId, joinedAt: at("2026-01-06T00:00:00Z") } });
        const cardId = await card(userId, (await db.question.findUniqueOrThrow({ where: { key: "a2" } })).id, "REVIEW", 30);
        await logs(userId, cardId, [["2026-01-14T12:00:00Z", "REVIEW", 3]]);
      }
      const large = await count(f.studyGroup, f.bob);
      const progress = await getGroupProgress(db, f.studyGroup, f.bob, NOW);
      expect(progress.members).toHaveLength(25);
      expect(progress.leaderboard).toHaveLength(24); // all but Carol
      expect(small).toBe(5);
      expect(large).toBe(5);
    } finally {
      await logged.$disconnect();
    }
  });
});
