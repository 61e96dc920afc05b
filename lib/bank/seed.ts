/**
 * Carries out a seed plan: decks are upserted, then each deck's question changes run in one transaction, so a
 * crash leaves every deck either fully seeded or untouched. Unchanged files write nothing. Learners' cards and
 * review history are never touched: removed files archive their question instead of deleting it.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/generated/prisma/client";
import { countActions, planSeed, type SeedAction, type SeedCounts, type SeedPlan, type StoredQuestion } from "@/lib/content/plan";
import type { LoadedContent } from "@/lib/content/load";
import { readDeckTranslations } from "./deck-text";
import { STORED_CONTENT_SELECT, contentColumns, revisionSnapshot, storedContentHash } from "./stored";
import { refreshBankOrder } from "./order";
import { SHARED_DECKS } from "./visibility";

export interface SeedOptions {
  force?: boolean;
  /** Archive missing files only in these decks (see PlanOptions.archiveDecks); default every deck. */
  archiveDecks?: ReadonlySet<string>;
  /** Revision reason for changes (default "seed"; "seed-force" is used for forced overwrites either way). */
  reason?: string;
  /** Who made the change (an admin importing in the browser), kept on the revisions. */
  authorId?: string;
  /** See PlanOptions.adoptEqualFiles; true when seeding from the server's content folder. */
  adoptEqualFiles?: boolean;
  /** Called after each question is handled, with the running count and the total. */
  onProgress?: (done: number, total: number, action: SeedAction) => void;
  /** Test hook: runs inside a deck's transaction after each write; throwing aborts that deck. */
  afterWrite?: (action: SeedAction) => void | Promise<void>;
}

export interface SeedSummary extends SeedCounts {
  errors: number;
  decksCreated: number;
  decksUpdated: number;
  archiveSkipped: boolean;
  conflictKeys: Array<{ key: string; file: string }>;
  /** Decks whose transaction failed, with the reason; their questions are as before the run. */
  failedDecks: Array<{ deck: string; message: string }>;
}

async function upsertDecks(db: Db, content: LoadedContent): Promise<{ created: number; updated: number; ids: Map<string, string> }> {
  // Personal (imported) decks are not the seed's business.
  const existing = await db.deck.findMany({ where: SHARED_DECKS });
  const bySlug = new Map(existing.map((deck) => [deck.slug, deck]));
  let created = 0;
  let updated = 0;
  await db.$transaction(async (tx) => {
    for (const deck of content.decks) {
      const current = bySlug.get(deck.slug);
      if (!current) {
        bySlug.set(deck.slug, await tx.deck.create({ data: deck }));
        created++;
      } else if (
        current.title !== deck.title ||
        current.description !== deck.description ||
        current.order !== deck.order ||
        JSON.stringify(readDeckTranslations(current.translations)) !== JSON.stringify(deck.translations)
      ) {
        await tx.deck.update({ where: { id: current.id }, data: { title: deck.title, description: deck.description, order: deck.order, translations: deck.translations } });
        updated++;
      }
    }
  });
  return { created, updated, ids: new Map([...bySlug].map(([slug, deck]) => [slug, deck.id])) };
}

/** The seed plan for `content` against the questions stored now: what a run would do, without writing. */
export async function planSeedAgainstDb(db: Db, content: LoadedContent, options: Pick<SeedOptions, "force" | "archiveDecks" | "adoptEqualFiles"> = {}): Promise<SeedPlan> {
  // Only the shared bank: questions of personal decks are never updated, flagged or archived by a seed.
  const stored = await db.question.findMany({
    where: { deck: SHARED_DECKS },
    select: { id: true, contentHash: true, editedAt: true, status: true, origin: true, ...STORED_CONTENT_SELECT },
  });
  const storedQuestions: StoredQuestion[] = stored.map((question) => ({
    id: question.id,
    key: question.key,
    deckSlug: question.deck.slug,
    contentHash: question.contentHash,
    editedAt: question.editedAt,
    status: question.status,
    origin: question.origin,
    currentHash: storedContentHash(question) ?? undefined,
  }));
  return planSeed(content.questions, storedQuestions, {
    force: options.force,
    hasInvalidFiles: content.issues.length > 0,
    archiveDecks: options.archiveDecks,
    adoptEqualFiles: options.adoptEqualFiles,
  });
}

export async function seedQuestionBank(db: Db, content: LoadedContent, options: SeedOptions = {}): Promise<SeedSummary> {
  const decks = await upsertDecks(db, content);
  const plan = await planSeedAgainstDb(db, content, options);
  const byDeck = new Map<string, SeedAction[]>();
  for (const action of plan.actions) byDeck.set(action.deck, [...(byDeck.get(action.deck) ?? []), action]);

  const total = plan.actions.length;
  let done = 0;
  const failedDecks: SeedSummary["failedDecks"] = [];
  const applied: SeedAction[] = [];
  for (const [deck, actions] of byDeck) {
    const writes = actions.filter((action) => action.type === "create" || action.type === "update" || action.type === "archive" || (action.type === "unchanged" && action.adopt));
    try {
      if (writes.length > 0) {
        await db.$transaction(
          async (tx) => {
            for (const action of writes) {
              await applyAction(tx, action, decks.ids, options);
              await options.afterWrite?.(action);
            }
            // A created, restored or moved-in question may sit below a learner's new-card cursor: retire the
            // deck's cursors whenever a question was written into it (seeds that change something are rare).
            const gained = writes.some((action) => action.type === "create" || action.type === "update");
            const deckId = decks.ids.get(deck);
            await refreshBankOrder(tx, gained && deckId ? [deckId] : []);
          },
          { timeout: 60_000 },
        );
      }
      applied.push(...actions);
    } catch (error) {
      failedDecks.push({ deck, message: error instanceof Error ? error.message : String(error) });
      applied.push(...actions.filter((action) => action.type === "unchanged" || action.type === "conflict"));
    }
    for (const action of actions) {
      done++;
      options.onProgress?.(done, total, action);
    }
  }

  const conflictKeys = plan.actions.flatMap((action) => (action.type === "conflict" ? [{ key: action.question.key, file: action.question.file }] : []));
  return {
    ...countActions(applied),
    errors: content.issues.length,
    decksCreated: decks.created,
    decksUpdated: decks.updated,
    archiveSkipped: plan.archiveSkipped,
    conflictKeys,
    failedDecks,
  };
}

async function applyAction(tx: Prisma.TransactionClient, action: SeedAction, deckIds: Map<string, string>, options: SeedOptions): Promise<void> {
  if (action.type === "unchanged" && action.adopt) {
    // Same content as stored: only the bookkeeping changes (no new version, no revision).
    await tx.question.update({ where: { id: action.adopt.id }, data: { contentHash: action.adopt.hash, editedAt: null, origin: "CONTENT" } });
    return;
  }
  if (action.type === "archive") {
    await tx.question.update({ where: { id: action.id }, data: { status: "ARCHIVED" } });
    return;
  }
  if (action.type !== "create" && action.type !== "update") return;
  const deckId = deckIds.get(action.question.deck);
  if (!deckId) throw new Error(`deck "${action.question.deck}" is not in the database`);
  if (action.type === "create") {
    const created = await tx.question.create({
      data: { key: action.question.key, ...contentColumns(action.question, deckId), contentHash: action.question.hash, origin: "CONTENT", version: 1 },
    });
    await tx.questionRevision.create({
      data: { questionId: created.id, version: 1, reason: options.reason ?? "seed", authorId: options.authorId, snapshot: revisionSnapshot(action.question, action.question.file) },
    });
    return;
  }
  const updated = await tx.question.update({
    where: { id: action.id },
    data: { ...contentColumns(action.question, deckId), contentHash: action.question.hash, status: "ACTIVE", editedAt: null, version: { increment: 1 } },
  });
  await tx.questionRevision.create({
    data: {
      questionId: updated.id,
      version: updated.version,
      reason: action.forced ? "seed-force" : (options.reason ?? "seed"),
      authorId: options.authorId,
      snapshot: revisionSnapshot(action.question, action.question.file),
    },
  });
}
