/**
 * Moving the bank in and out of the browser: export the whole bank (or one deck) as a zip in exactly the content/
 * format, import such a zip with a dry-run report first, and import simple flashcards from CSV.
 *
 * Imports go through the seed (lib/bank/seed.ts), so they follow the same rules as `npm run seed`: files that
 * equal the stored content change nothing, browser edits are reported as conflicts unless forced, and learners'
 * cards and history are never touched. Archiving is limited to the decks the zip contains.
 */
import type { Db } from "@/lib/db-client";
import { refreshBankOrder } from "@/lib/bank/order";
import { planSeedAgainstDb, seedQuestionBank, type SeedSummary } from "@/lib/bank/seed";
import { readDeckTranslations } from "@/lib/bank/deck-text";
import { STORED_CONTENT_SELECT, contentColumns, contentOfRow, revisionSnapshot } from "@/lib/bank/stored";
import { ContentArchiveError, exportBankFiles, packContentZip, unpackContentZip } from "@/lib/content/archive";
import type { ContentIssue } from "@/lib/content/errors";
import { loadContentFromFiles, type LoadedContent } from "@/lib/content/load";
import { countActions, type SeedCounts } from "@/lib/content/plan";
import { AppError } from "@/lib/errors";
import { z } from "zod";
import { writeAudit } from "./audit";
import { parseFlashcardCsv, type CsvImportPreview } from "./csv-flashcards";
import { assertAdmin } from "./guard";
import { parseOrThrow } from "./schemas";
import { SHARED_DECKS } from "@/lib/bank/visibility";

/** Largest upload accepted (zip or CSV), checked before anything is parsed. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_CSV_CHARACTERS = 5_000_000;

export async function exportBankZip(db: Db, actorId: string, deckSlug?: string): Promise<{ filename: string; bytes: Uint8Array; questionCount: number }> {
  await assertAdmin(db, actorId);
  const decks = await db.deck.findMany({
    // The shared bank only: learners' personal (imported) decks are theirs (lib/bank/visibility.ts).
    where: { ...SHARED_DECKS, ...(deckSlug ? { slug: deckSlug } : {}) },
    orderBy: [{ order: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, title: true, description: true, order: true, translations: true },
  });
  if (deckSlug && decks.length === 0) throw new AppError("NOT_FOUND", `There is no deck "${deckSlug}".`);
  // Archived questions stay in the database only: a content folder has no such state.
  const rows = await db.question.findMany({ where: { status: "ACTIVE", deckId: { in: decks.map((deck) => deck.id) } }, select: STORED_CONTENT_SELECT, orderBy: { key: "asc" } });
  const files = exportBankFiles(
    decks.map(({ slug, title, description, order, translations }) => ({ slug, title, description, order, translations: readDeckTranslations(translations) })),
    rows.map(contentOfRow),
  );
  return { filename: deckSlug ? `receptive-${deckSlug}.zip` : "receptive-bank.zip", bytes: packContentZip(files), questionCount: rows.length };
}

export interface ImportReportRow {
  type: "create" | "update" | "conflict" | "archive";
  deck: string;
  key: string;
  file: string | null;
}

export interface ImportReport {
  counts: SeedCounts;
  /** Every change the import would make (unchanged questions are only counted). */
  rows: ImportReportRow[];
  /** Problems in the files; an import with problems cannot be applied. */
  issues: ContentIssue[];
  ignored: string[];
  decks: string[];
}

function readArchive(bytes: Uint8Array): { content: LoadedContent; ignored: string[] } {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError("VALIDATION", `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  try {
    const unpacked = unpackContentZip(bytes);
    return { content: loadContentFromFiles(unpacked.files), ignored: unpacked.ignored };
  } catch (error) {
    if (error instanceof ContentArchiveError) throw new AppError("VALIDATION", error.message);
    throw error;
  }
}

/** The dry run: what importing the zip would do, with nothing written. */
export async function planImport(db: Db, actorId: string, bytes: Uint8Array, options: { force?: boolean } = {}): Promise<ImportReport> {
  await assertAdmin(db, actorId);
  const { content, ignored } = readArchive(bytes);
  const decks = content.decks.map((deck) => deck.slug);
  const plan = await planSeedAgainstDb(db, content, { force: options.force, archiveDecks: new Set(decks) });
  const rows: ImportReportRow[] = plan.actions.flatMap((action): ImportReportRow[] => {
    if (action.type === "unchanged") return [];
    if (action.type === "archive") return [{ type: "archive", deck: action.deck, key: action.key, file: null }];
    return [{ type: action.type, deck: action.deck, key: action.question.key, file: action.question.file }];
  });
  return { counts: countActions(plan.actions), rows, issues: content.issues, ignored, decks };
}

/** Applies an import after its dry run; refused while the files have problems. */
export async function applyImport(db: Db, actorId: string, bytes: Uint8Array, options: { force?: boolean } = {}): Promise<SeedSummary> {
  await assertAdmin(db, actorId);
  const { content } = readArchive(bytes);
  if (content.issues.length > 0) throw new AppError("VALIDATION", `The files have ${content.issues.length} problem(s); fix them and upload again.`);
  const summary = await seedQuestionBank(db, content, {
    force: options.force,
    archiveDecks: new Set(content.decks.map((deck) => deck.slug)),
    reason: "import",
    authorId: actorId,
  });
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId,
      action: "bank.import",
      targetType: "Bank",
      after: { created: summary.created, updated: summary.updated, archived: summary.archived, conflicts: summary.conflicts, forced: options.force === true },
    }),
  );
  return summary;
}

export const csvImportSchema = z.object({
  deck: z.string().trim().min(1, "Choose a deck.").max(100),
  /** Characters, not bytes: 5 million keeps even an all-CJK file (3 bytes each) within the upload limit. */
  text: z.string().max(MAX_CSV_CHARACTERS, "The CSV is too large (at most 5 million characters)."),
});

async function csvPreview(db: Db, input: z.infer<typeof csvImportSchema>): Promise<CsvImportPreview> {
  const deck = await db.deck.findFirst({ where: { slug: input.deck, ...SHARED_DECKS }, select: { id: true } });
  if (!deck) throw new AppError("VALIDATION", "Please fix the highlighted fields.", { deck: [`There is no deck "${input.deck}".`] });
  const keys = await db.question.findMany({ where: { key: { startsWith: "csv-" } }, select: { key: true } });
  return parseFlashcardCsv(input.text, { deck: input.deck, existingKeys: new Set(keys.map((row) => row.key)) });
}

/** The CSV preview: each row with its question or its errors. */
export async function previewCsvImport(db: Db, actorId: string, input: unknown): Promise<CsvImportPreview> {
  await assertAdmin(db, actorId);
  return csvPreview(db, parseOrThrow(csvImportSchema, input));
}

/** Creates the valid rows of the CSV as flashcards (made in the browser) in one transaction; invalid rows are skipped. */
export async function applyCsvImport(db: Db, actorId: string, input: unknown): Promise<{ created: number; skipped: number }> {
  await assertAdmin(db, actorId);
  const data = parseOrThrow(csvImportSchema, input);
  const preview = await csvPreview(db, data);
  if (preview.error) throw new AppError("VALIDATION", preview.error);
  const valid = preview.rows.flatMap((row) => (row.ok ? [row.question] : []));
  if (valid.length === 0) throw new AppError("VALIDATION", "No row of the CSV can be imported.");
  await db.$transaction(
    async (tx) => {
      const deck = await tx.deck.findFirstOrThrow({ where: { slug: data.deck, ...SHARED_DECKS }, select: { id: true } });
      for (const question of valid) {
        const content = { ...question, choices: null, template: null, translations: {} };
        const created = await tx.question.create({ data: { key: question.key, ...contentColumns(content, deck.id), origin: "ADMIN", version: 1 } });
        await tx.questionRevision.create({ data: { questionId: created.id, version: 1, reason: "csv-import", authorId: actorId, snapshot: revisionSnapshot(content) } });
      }
      await refreshBankOrder(tx, [deck.id]);
      await writeAudit(tx, { actorId, action: "bank.csv-import", targetType: "Deck", targetId: deck.id, after: { created: valid.length, skipped: preview.rows.length - valid.length } });
    },
    { timeout: 60_000 },
  );
  return { created: valid.length, skipped: preview.rows.length - valid.length };
}
