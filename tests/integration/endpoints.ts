/**
 * Every server action and route handler of the app, in one table: who may call it, a valid call for a case, and
 * what an allowed call changes in the database. permission-matrix.test.ts calls each entry as every actor and checks
 * allowed calls succeed and refused ones change nothing; fuzz.test.ts throws malformed variants of the same calls at
 * every entry. A new export under app/ without a row here fails the completeness check of the matrix.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exportBankZip } from "@/lib/admin/bank-transfer";
import { createPasswordResetLink } from "@/lib/admin/users";
import { serveNumericQuestion } from "@/lib/practice/numeric";
import { cardVersion, submitReview } from "@/lib/study/service";
import { loadStudySettings } from "@/lib/study/settings";
import {
  ensureOptimizerReviews,
  flashcardDraft,
  freshUser,
  numericDraft,
  optimizerSettled,
  personalDeck,
  type Actor,
  type Fixture,
  type GroupFixture,
} from "./endpoint-fixture";

/**
 * Who may call an endpoint:
 * - `public`: anyone, logged in or not;
 * - `learner`: anyone logged in, acting on their own data (the input names nobody's data);
 * - `self`: only the learner whose data the input names (another learner or an admin is refused);
 * - `admin`: instance admins;
 * - `group:…`: the listed roles in the group the input names (`admin` meaning an instance admin outside it).
 */
export type Policy =
  | "public"
  | "learner"
  | "self"
  | "admin"
  | "group:member|moderator|owner"
  | "group:moderator|owner"
  | "group:member|moderator"
  | "group:owner"
  | "group:owner|admin";

export type Table =
  | "AuditLog"
  | "Card"
  | "Deck"
  | "GroupActivity"
  | "GroupDeck"
  | "GroupInvite"
  | "GroupMember"
  | "InstanceSetting"
  | "NewCardCursor"
  | "NumericAttempt"
  | "OptimizerRun"
  | "PasswordResetToken"
  | "Question"
  | "QuestionRevision"
  | "RegistrationInvite"
  | "ReviewLog"
  | "StudyDay"
  | "StudyDeck"
  | "StudyGroup"
  | "User";

/** One call of an endpoint: the fixture, who calls, and (for group-scoped entries) a group made for this case. */
export interface Case {
  fx: Fixture;
  actor: Actor;
  group: GroupFixture | null;
}

export interface Endpoint {
  /** The module, relative to the project root. */
  module: string;
  /** The exported function: an action's name, or a route handler's HTTP method. */
  name: string;
  policy: Policy;
  /** "group": called by the group's roles and outsiders, each on a group made for the case. */
  scope?: "group";
  /** A valid call for the case (it may create rows the call needs: that happens before the state is compared). */
  args: (c: Case) => Promise<unknown[]>;
  /** Tables an allowed call changes (per actor when it differs). */
  changes: Table[] | ((actor: Actor) => Table[]);
  /** Tables an allowed call may change as well, depending on the state it finds. */
  mayChange?: Table[];
  /** Waits for work an allowed call leaves running, before the state is compared. */
  settle?: (c: Case) => Promise<void>;
  /** Set when the entry is not called by the matrix or the fuzzer: why, and what covers it instead. */
  skip?: string;
}

export const ACCOUNT_ACTORS: readonly Actor[] = ["anonymous", "learner", "otherLearner", "admin"];
/** For group-scoped entries `learner` is the outsider: logged in, not in the group. */
export const GROUP_ACTORS: readonly Actor[] = ["anonymous", "learner", "member", "moderator", "owner", "admin"];

export function actorsFor(entry: Endpoint): readonly Actor[] {
  return entry.scope === "group" ? GROUP_ACTORS : ACCOUNT_ACTORS;
}

export function isAllowed(policy: Policy, actor: Actor): boolean {
  if (policy === "public") return true;
  if (actor === "anonymous") return false;
  if (policy === "learner") return true;
  if (policy === "self") return actor === "learner";
  if (policy === "admin") return actor === "admin";
  return policy.slice("group:".length).split("|").includes(actor);
}

// Shared builders: entries stay one line each.
const one = (build: (c: Case) => unknown) => async (c: Case) => [await build(c)];
const none = async () => [];
const inGroup = (build: (group: GroupFixture, c: Case) => unknown) => async (c: Case) => [await build(c.group!, c)];
const get = (url: string) => new Request(`http://localhost${url}`);

function form(bytes: Uint8Array, name: string, extra: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.set("file", new Blob([new Uint8Array(bytes)]), name);
  for (const [key, value] of Object.entries(extra)) data.set(key, value);
  return data;
}

async function deckZip(c: Case): Promise<FormData> {
  const { bytes } = await exportBankZip(c.fx.db, c.fx.users.admin.id, c.fx.deck.slug);
  return form(bytes, "bank.zip", { force: "true" });
}

/** A review of the learner's first personal card, at its current version (personal: nobody else may review it). */
async function learnerReview(c: Case) {
  const { db, users, personal } = c.fx;
  const questionId = personal.questionIds[0]!;
  const card = await db.card.findUnique({ where: { userId_questionId: { userId: users.learner.id, questionId } } });
  return { clientRequestId: randomUUID(), questionId, cardVersion: cardVersion(card), rating: 3 };
}

const REVIEWED: Table[] = ["Card", "ReviewLog", "StudyDay", "User"];
const GROUP_FEED = (...tables: Table[]): Table[] => [...tables, "GroupActivity"];
/** Reading the queue may add a cursor, serve a numeric instance or start a card, depending on what comes first. */
const QUEUE_READ: Table[] = ["Card", "NewCardCursor", "NumericAttempt"];

const NEXTAUTH_NOTE =
  "next-auth's own handler (sign-in, CSRF, session cookie), not fuzzed here: the credential check behind it is " +
  "authenticate() in lib/auth/login.ts, covered with its rate limits, wrong and malformed credentials and disabled " +
  "accounts by tests/integration/login.test.ts and rate-limit.test.ts, and the real sign-in through this route by " +
  "e2e/auth.spec.ts (including the refused logins after too many failures).";

export const ENDPOINTS: Endpoint[] = [
  // Account
  {
    module: "app/account/actions.ts",
    name: "changePasswordAction",
    policy: "self",
    args: one((c) => ({ currentPassword: c.fx.learnerPassword, newPassword: `${c.fx.learnerPassword}!`, confirmPassword: `${c.fx.learnerPassword}!` })),
    changes: ["User"],
  },
  { module: "app/account/data/actions.ts", name: "previewApkgImportAction", policy: "learner", args: one((c) => form(c.fx.apkg, "deck.apkg")), changes: [] },
  { module: "app/account/data/actions.ts", name: "importApkgAction", policy: "learner", args: one((c) => form(c.fx.apkg, "deck.apkg")), changes: ["Deck", "Question"], mayChange: ["StudyDeck"] },
  { module: "app/account/data/actions.ts", name: "deletePersonalDeckAction", policy: "self", args: one(async (c) => ({ slug: (await personalDeck(c.fx, "doomed")).slug })), changes: ["Deck", "Question"] },

  // Admin: decks, groups, questions, settings, transfer, users
  { module: "app/admin/decks/actions.ts", name: "createDeckAction", policy: "admin", args: one((c) => ({ slug: `${c.fx.tag}-new-${(c.fx.serial += 1)}`, title: "New deck", description: "" })), changes: ["AuditLog", "Deck"] },
  { module: "app/admin/decks/actions.ts", name: "updateDeckAction", policy: "admin", args: one((c) => ({ id: c.fx.deck.id, title: `Renamed ${(c.fx.serial += 1)}`, description: "" })), changes: ["AuditLog", "Deck"] },
  {
    module: "app/admin/decks/actions.ts",
    name: "moveDeckAction",
    policy: "admin",
    // A deck of its own in second-to-last place, so "down" always has somewhere to go.
    args: one(async (c) => {
      const { db, tag } = c.fx;
      const deck = await db.deck.create({ data: { slug: `${tag}-move-${(c.fx.serial += 1)}`, title: "Moving", order: 1_000_000 }, select: { id: true } });
      await db.deck.create({ data: { slug: `${tag}-last-${c.fx.serial}`, title: "Last", order: 1_000_001 } });
      return { id: deck.id, direction: "down" };
    }),
    changes: ["AuditLog", "Deck"],
  },
  { module: "app/admin/groups/actions.ts", name: "deleteGroupAdminAction", policy: "admin", scope: "group", args: inGroup((g) => ({ groupId: g.id })), changes: ["AuditLog", "GroupActivity", "GroupInvite", "GroupMember", "StudyGroup"] },
  { module: "app/admin/questions/actions.ts", name: "previewDraftAction", policy: "admin", args: one((c) => numericDraft(c.fx, `${c.fx.tag}-preview`)), changes: [] },
  { module: "app/admin/questions/actions.ts", name: "tryAnswerAction", policy: "admin", args: one((c) => ({ draft: numericDraft(c.fx, `${c.fx.tag}-try`), seed: 1, answer: "9" })), changes: [] },
  {
    module: "app/admin/questions/actions.ts",
    name: "saveQuestionAction",
    policy: "admin",
    args: one((c) => ({ draft: flashcardDraft(c.fx, `${c.fx.tag}-saved-${(c.fx.serial += 1)}`) })),
    changes: ["AuditLog", "Deck", "Question", "QuestionRevision"],
  },
  { module: "app/admin/questions/actions.ts", name: "setArchivedAction", policy: "admin", args: one((c) => ({ id: c.fx.questions.archivable, archived: true })), changes: ["AuditLog", "Question"] },
  {
    module: "app/admin/questions/actions.ts",
    name: "restoreRevisionAction",
    policy: "admin",
    args: one(async (c) => {
      const { db, questions } = c.fx;
      const question = await db.question.findUniqueOrThrow({ where: { id: questions.restorable }, select: { version: true } });
      const first = await db.questionRevision.findFirstOrThrow({ where: { questionId: questions.restorable, version: 1 }, select: { id: true } });
      return { revisionId: first.id, expectedVersion: question.version };
    }),
    changes: ["AuditLog", "Question", "QuestionRevision"],
    mayChange: ["Deck"],
  },
  {
    module: "app/admin/settings/actions.ts",
    name: "setRegistrationModeAction",
    policy: "admin",
    // From "invite" back to "open": a real change (audited), and registration stays open for the rows below.
    args: one(async (c) => {
      const key = "registrationMode";
      await c.fx.db.instanceSetting.upsert({ where: { key }, create: { key, value: "invite" }, update: { value: "invite" } });
      return { mode: "open" };
    }),
    changes: ["AuditLog", "InstanceSetting"],
  },
  { module: "app/admin/settings/actions.ts", name: "createInviteAction", policy: "admin", args: one(() => ({ validDays: 7 })), changes: ["AuditLog", "RegistrationInvite"] },
  { module: "app/admin/transfer/actions.ts", name: "checkZipImportAction", policy: "admin", args: one(deckZip), changes: [] },
  { module: "app/admin/transfer/actions.ts", name: "applyZipImportAction", policy: "admin", args: one(deckZip), changes: ["AuditLog"], mayChange: ["Deck", "Question", "QuestionRevision"] },
  { module: "app/admin/transfer/actions.ts", name: "previewCsvImportAction", policy: "admin", args: one((c) => ({ deck: c.fx.deck.slug, text: "front,back\nWhy?,Because." })), changes: [] },
  {
    module: "app/admin/transfer/actions.ts",
    name: "applyCsvImportAction",
    policy: "admin",
    args: one((c) => ({ deck: c.fx.deck.slug, text: `front,back\nWhy ${(c.fx.serial += 1)}?,Because.` })),
    changes: ["AuditLog", "Deck", "Question", "QuestionRevision"],
  },
  { module: "app/admin/users/actions.ts", name: "changeRoleAction", policy: "admin", args: one(async (c) => ({ userId: (await freshUser(c.fx)).id, role: "ADMIN" })), changes: ["AuditLog", "User"] },
  { module: "app/admin/users/actions.ts", name: "setDisabledAction", policy: "admin", args: one(async (c) => ({ userId: (await freshUser(c.fx)).id, disabled: true })), changes: ["AuditLog", "User"] },
  { module: "app/admin/users/actions.ts", name: "createResetLinkAction", policy: "admin", args: one((c) => ({ userId: c.fx.users.bystander.id })), changes: ["AuditLog", "PasswordResetToken"] },

  // Study groups
  { module: "app/groups/actions.ts", name: "createGroupAction", policy: "learner", args: one((c) => ({ name: `${c.fx.tag} made ${(c.fx.serial += 1)}` })), changes: GROUP_FEED("GroupMember", "StudyGroup") },
  { module: "app/groups/actions.ts", name: "updateGroupAction", policy: "group:moderator|owner", scope: "group", args: inGroup((g) => ({ groupId: g.id, name: g.name, description: "Updated" })), changes: ["StudyGroup"] },
  { module: "app/groups/actions.ts", name: "createInviteAction", policy: "group:moderator|owner", scope: "group", args: inGroup((g) => ({ groupId: g.id, validDays: 3, maxUses: 2 })), changes: ["GroupInvite"] },
  { module: "app/groups/actions.ts", name: "revokeInviteAction", policy: "group:moderator|owner", scope: "group", args: inGroup((g) => ({ groupId: g.id, inviteId: g.inviteId })), changes: ["GroupInvite"] },
  {
    module: "app/groups/actions.ts",
    name: "joinGroupAction",
    policy: "learner",
    scope: "group",
    args: inGroup((g) => ({ code: g.code })),
    // Members are already in: joining again changes nothing.
    changes: (actor) => (["member", "moderator", "owner"].includes(actor) ? [] : GROUP_FEED("GroupInvite", "GroupMember")),
  },
  { module: "app/groups/actions.ts", name: "leaveGroupAction", policy: "group:member|moderator", scope: "group", args: inGroup((g) => ({ groupId: g.id })), changes: GROUP_FEED("GroupMember") },
  { module: "app/groups/actions.ts", name: "removeMemberAction", policy: "group:moderator|owner", scope: "group", args: inGroup((g, c) => ({ groupId: g.id, userId: c.fx.users.bystander.id })), changes: GROUP_FEED("GroupMember") },
  { module: "app/groups/actions.ts", name: "setMemberRoleAction", policy: "group:owner", scope: "group", args: inGroup((g, c) => ({ groupId: g.id, userId: c.fx.users.bystander.id, role: "MODERATOR" })), changes: GROUP_FEED("GroupMember") },
  { module: "app/groups/actions.ts", name: "transferOwnershipAction", policy: "group:owner", scope: "group", args: inGroup((g, c) => ({ groupId: g.id, userId: c.fx.users.bystander.id })), changes: GROUP_FEED("GroupMember") },
  {
    module: "app/groups/actions.ts",
    name: "deleteGroupAction",
    policy: "group:owner|admin",
    scope: "group",
    args: inGroup((g) => ({ groupId: g.id })),
    // An admin outside the group leaves a trace in the audit log; the owner does not.
    changes: (actor) => [...(actor === "admin" ? (["AuditLog"] as Table[]) : []), ...GROUP_FEED("GroupInvite", "GroupMember", "StudyGroup")],
  },
  { module: "app/groups/actions.ts", name: "setGroupDecksAction", policy: "group:moderator|owner", scope: "group", args: inGroup((g, c) => ({ groupId: g.id, deckIds: [c.fx.deck.id] })), changes: GROUP_FEED("GroupDeck") },
  { module: "app/groups/actions.ts", name: "setGroupGoalAction", policy: "group:moderator|owner", scope: "group", args: inGroup((g) => ({ groupId: g.id, kind: "REVIEWS", target: 10 })), changes: GROUP_FEED("StudyGroup") },
  { module: "app/groups/actions.ts", name: "setShareProgressAction", policy: "group:member|moderator|owner", scope: "group", args: inGroup((g) => ({ groupId: g.id, share: false })), changes: ["GroupMember"] },

  // Numeric practice
  { module: "app/practice/actions.ts", name: "nextPracticeItemAction", policy: "learner", args: one((c) => ({ deck: c.fx.deck.slug })), changes: ["NumericAttempt"] },
  {
    module: "app/practice/actions.ts",
    name: "submitPracticeAnswerAction",
    policy: "self",
    args: one(async (c) => ({ attemptId: (await serveNumericQuestion(c.fx.db, c.fx.users.learner.id, c.fx.questions.numeric)).attemptId, answer: "9" })),
    changes: ["NumericAttempt"],
  },

  // Public account pages
  {
    module: "app/register/actions.ts",
    name: "registerAction",
    policy: "public",
    args: one((c) => ({ name: "Newcomer", email: `${c.fx.tag}-new-${(c.fx.serial += 1)}@example.test`, password: "newcomer horse battery", confirmPassword: "newcomer horse battery" })),
    changes: ["User"],
  },
  {
    module: "app/reset-password/[token]/actions.ts",
    name: "resetPasswordAction",
    policy: "public",
    // The token is the credential: whoever holds it may use it, logged in or not.
    args: async (c) => {
      const target = await freshUser(c.fx);
      const { token } = await createPasswordResetLink(c.fx.db, c.fx.users.admin.id, { userId: target.id });
      return [token, { password: "reset horse battery", confirmPassword: "reset horse battery" }];
    },
    changes: ["AuditLog", "PasswordResetToken", "User"],
  },

  // Settings and the scheduler optimiser
  { module: "app/settings/actions.ts", name: "saveStudySettingsAction", policy: "learner", args: one(() => ({ newCardsPerDay: 15 })), changes: ["User"], mayChange: ["StudyDay", "StudyDeck"] },
  {
    module: "app/settings/optimizer-actions.ts",
    name: "startOptimizerAction",
    policy: "self",
    // Only the learner has the 400 reviews a run needs.
    args: async (c) => {
      await ensureOptimizerReviews(c.fx);
      return [];
    },
    changes: ["OptimizerRun"],
    settle: (c) => optimizerSettled(c.fx.db, c.fx.users.learner.id),
  },
  { module: "app/settings/optimizer-actions.ts", name: "resetFsrsParametersAction", policy: "learner", args: none, changes: ["User"] },

  // Interface language: anyone may choose one (a cookie); a logged-in caller's choice is saved on the account.
  { module: "app/locale-actions.ts", name: "setLocaleAction", policy: "public", args: one(() => "zh-Hans"), changes: (actor) => (actor === "anonymous" ? [] : ["User"]) },

  // Studying
  { module: "app/study/actions.ts", name: "nextStudyCardAction", policy: "learner", args: one(() => ({})), changes: [], mayChange: QUEUE_READ },
  { module: "app/study/actions.ts", name: "checkChoiceAction", policy: "learner", args: one((c) => ({ questionId: c.fx.questions.choice, choiceIndex: 0 })), changes: [] },
  { module: "app/study/actions.ts", name: "cardInLanguageAction", policy: "learner", args: one((c) => ({ questionId: c.fx.questions.choice, language: "zh" })), changes: [] },
  { module: "app/study/actions.ts", name: "submitReviewAction", policy: "self", args: one(learnerReview), changes: REVIEWED },
  {
    module: "app/study/actions.ts",
    name: "undoLastReviewAction",
    policy: "self",
    // The learner's latest review is one made for this case; the others have none.
    args: async (c) => {
      const { db, users } = c.fx;
      await submitReview(db, users.learner.id, await learnerReview(c), await loadStudySettings(db, users.learner.id));
      return [];
    },
    changes: ["Card", "ReviewLog", "StudyDay"],
  },
  { module: "app/study/actions.ts", name: "suspendCardAction", policy: "self", args: one((c) => ({ questionId: c.fx.personal.questionIds[1], suspended: true })), changes: ["Card"] },
  {
    module: "app/study/actions.ts",
    name: "reportTimeZoneAction",
    policy: "learner",
    // Only a first report is taken: the caller has not reported one yet.
    args: async (c) => {
      if (c.actor !== "anonymous") await c.fx.db.user.update({ where: { id: c.fx.users[c.actor].id }, data: { timeZoneConfirmed: false } });
      return ["Europe/Berlin"];
    },
    changes: ["User"],
    mayChange: ["StudyDay"],
  },

  // Route handlers
  { module: "app/admin/export/route.ts", name: "GET", policy: "admin", args: async (c) => [get(`/admin/export?deck=${c.fx.deck.slug}`)], changes: [] },
  { module: "app/api/auth/[...nextauth]/route.ts", name: "GET", policy: "public", args: none, changes: [], skip: NEXTAUTH_NOTE },
  { module: "app/api/auth/[...nextauth]/route.ts", name: "POST", policy: "public", args: none, changes: [], skip: NEXTAUTH_NOTE },
  { module: "app/api/health/route.ts", name: "GET", policy: "public", args: none, changes: [] },
  { module: "app/api/me/cards.json/route.ts", name: "GET", policy: "learner", args: none, changes: [] },
  { module: "app/api/me/reviews.csv/route.ts", name: "GET", policy: "learner", args: none, changes: [] },
  { module: "app/api/optimizer/route.ts", name: "GET", policy: "learner", args: none, changes: [] },
  { module: "app/api/study/next/route.ts", name: "GET", policy: "learner", args: async () => [get("/api/study/next")], changes: [], mayChange: QUEUE_READ },
  {
    module: "app/api/study/review/route.ts",
    name: "POST",
    policy: "self",
    args: async (c) => [new Request("http://localhost/api/study/review", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(await learnerReview(c)) })],
    changes: REVIEWED,
  },
  {
    module: "app/content-assets/[...path]/route.ts",
    name: "GET",
    policy: "public",
    args: async (c) => [get(`/content-assets/${c.fx.asset.join("/")}`), { params: Promise.resolve({ path: c.fx.asset }) }],
    changes: [],
  },
];

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The entry's key, as the completeness check names it. */
export function keyOf(entry: Pick<Endpoint, "module" | "name">): string {
  return `${entry.module}#${entry.name}`;
}

type Callable = (...args: unknown[]) => unknown;

/** The entry's function, imported through the test's module graph (so the test file's mocks apply). */
export async function load(entry: Pick<Endpoint, "module" | "name">): Promise<Callable> {
  const exports = (await import(/* @vite-ignore */ path.join(ROOT, entry.module))) as Record<string, unknown>;
  const fn = exports[entry.name];
  if (typeof fn !== "function") throw new Error(`${keyOf(entry)} is not an exported function`);
  return fn as Callable;
}
