"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { MAX_UPLOAD_BYTES, applyCsvImport, applyImport, csvImportSchema, planImport, previewCsvImport } from "@/lib/admin/bank-transfer";
import type { CsvImportPreview } from "@/lib/admin/csv-flashcards";
import { getDb } from "@/lib/db";
import { runAdminAction, type AdminActionState } from "../admin-action";

/** The dry-run report of a zip import, as plain data for the browser. */
export interface ZipImportCheck {
  counts: { created: number; updated: number; unchanged: number; conflicts: number; archived: number };
  rows: Array<{ type: "create" | "update" | "conflict" | "archive"; deck: string; key: string; file: string | null }>;
  issues: Array<{ file: string; line: number | null; field: string; message: string }>;
  ignored: string[];
  decks: string[];
}

/** What an applied zip import did (lib/bank/seed.ts SeedSummary), as plain data for the browser. */
export interface ZipImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  archived: number;
  decksCreated: number;
  decksUpdated: number;
  archiveSkipped: boolean;
  conflictKeys: Array<{ key: string; file: string }>;
  /** Decks whose changes were rolled back; the reason is in the server log only. */
  failedDecks: string[];
}

const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

/**
 * The multipart form of the zip actions: `file` (the .zip) and `force` ("true" to overwrite browser edits). The
 * size is checked from the part's metadata, before a byte of it is read. runAdminAction checks the session and
 * the admin role before this runs. Built per request, so its messages are in the admin's language.
 */
async function zipUploadSchema() {
  const t = await getTranslations("adminBank.transfer");
  return z.instanceof(FormData).transform((form, context) => {
    const file = form.get("file");
    if (!(file instanceof Blob) || file.size === 0) {
      context.addIssue({ code: "custom", message: t("chooseZip"), path: ["file"] });
      return z.NEVER;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      const size = (file.size / 1024 / 1024).toFixed(1);
      context.addIssue({ code: "custom", message: t("zipTooLarge", { size, max: MAX_UPLOAD_MB }), path: ["file"] });
      return z.NEVER;
    }
    return { file, force: form.get("force") === "true" };
  });
}

async function readUpload(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The dry run: what importing the uploaded zip would change. Writes nothing. */
export async function checkZipImportAction(form: FormData): Promise<AdminActionState<ZipImportCheck>> {
  return runAdminAction(await zipUploadSchema(), form, async (admin, { file, force }) => {
    const report = await planImport(getDb(), admin.id, await readUpload(file), { force });
    return {
      ok: true,
      data: {
        counts: { created: report.counts.created, updated: report.counts.updated, unchanged: report.counts.unchanged, conflicts: report.counts.conflicts, archived: report.counts.archived },
        rows: report.rows.map(({ type, deck, key, file: path }) => ({ type, deck, key, file: path })),
        issues: report.issues.map(({ file: path, line, field, message }) => ({ file: path, line: line ?? null, field, message })),
        ignored: [...report.ignored],
        decks: [...report.decks],
      },
    };
  });
}

/** Applies the uploaded zip. The file is sent again and planned again here: a plan from the browser is never trusted. */
export async function applyZipImportAction(form: FormData): Promise<AdminActionState<ZipImportSummary>> {
  return runAdminAction(await zipUploadSchema(), form, async (admin, { file, force }) => {
    const summary = await applyImport(getDb(), admin.id, await readUpload(file), { force });
    revalidatePath("/admin/questions");
    revalidatePath("/admin/decks");
    revalidatePath("/admin/transfer");
    revalidatePath("/decks", "layout");
    for (const failed of summary.failedDecks) console.error(`bank import: deck "${failed.deck}" failed`, failed.message);
    const failedDecks = summary.failedDecks.map((failed) => failed.deck);
    const t = await getTranslations("adminBank.transfer");
    return {
      ok: true,
      message: failedDecks.length > 0 ? t("importAppliedExcept", { count: failedDecks.length }) : t("importApplied"),
      data: {
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        conflicts: summary.conflicts,
        archived: summary.archived,
        decksCreated: summary.decksCreated,
        decksUpdated: summary.decksUpdated,
        archiveSkipped: summary.archiveSkipped,
        conflictKeys: summary.conflictKeys.map(({ key, file }) => ({ key, file })),
        failedDecks,
      },
    };
  });
}

/** The CSV preview: every row with its flashcard or its errors. Writes nothing. */
export async function previewCsvImportAction(input: unknown): Promise<AdminActionState<CsvImportPreview>> {
  return runAdminAction(csvImportSchema, input, async (admin, data) => ({ ok: true, data: await previewCsvImport(getDb(), admin.id, data) }));
}

/** Creates the valid rows of the CSV (sent again and checked again here) as flashcards. */
export async function applyCsvImportAction(input: unknown): Promise<AdminActionState<{ created: number; skipped: number }>> {
  return runAdminAction(csvImportSchema, input, async (admin, data) => {
    const result = await applyCsvImport(getDb(), admin.id, data);
    revalidatePath("/admin/questions");
    revalidatePath("/admin/decks");
    revalidatePath("/decks", "layout");
    const t = await getTranslations("adminBank.transfer");
    const values = { created: result.created, deck: data.deck, skipped: result.skipped };
    return { ok: true, message: result.skipped > 0 ? t("csvImportedSkipped", values) : t("csvImported", values), data: result };
  });
}
