"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runUserAction, type ActionState } from "@/app/user-action";
import { getDb } from "@/lib/db";
import { MAX_PACKAGE_BYTES } from "@/lib/learner-data/apkg-archive";
import { formatMegabytes } from "@/lib/format";
import { importApkg, previewApkgImport, type ApkgImportReport } from "@/lib/learner-data/import";
import { deletePersonalDeck, deletePersonalDeckSchema } from "@/lib/learner-data/personal-decks";

/**
 * The multipart form of both actions: `file`, the .apkg. Its size is checked from the part's metadata before a
 * byte is read; runUserAction has checked the session before this runs.
 */
const apkgUploadSchema = z.instanceof(FormData).transform((form, context) => {
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) {
    context.addIssue({ code: "custom", message: "Choose an Anki package (.apkg) to import.", path: ["file"] });
    return z.NEVER;
  }
  if (file.size > MAX_PACKAGE_BYTES) {
    context.addIssue({ code: "custom", message: `The file is ${formatMegabytes(file.size)}; the limit is ${formatMegabytes(MAX_PACKAGE_BYTES)}.`, path: ["file"] });
    return z.NEVER;
  }
  return file;
});

async function upload(file: Blob) {
  return { fileName: file instanceof File ? file.name : "package.apkg", bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The dry run: what importing the package would create and leave out. Writes nothing. */
export async function previewApkgImportAction(form: FormData): Promise<ActionState<ApkgImportReport>> {
  return runUserAction(apkgUploadSchema, form, async (user, file) => ({ ok: true, data: await previewApkgImport(getDb(), user.id, await upload(file)) }));
}

/** Imports the package (sent again and read again here: the dry run's report is never trusted) into a new personal deck. */
export async function importApkgAction(form: FormData): Promise<ActionState<ApkgImportReport>> {
  return runUserAction(apkgUploadSchema, form, async (user, file) => {
    const report = await importApkg(getDb(), user.id, await upload(file));
    revalidatePath("/account/data");
    revalidatePath("/decks", "layout");
    revalidatePath("/home");
    revalidatePath("/settings");
    const cards = `${report.cards} ${report.cards === 1 ? "flashcard" : "flashcards"}`;
    return { ok: true, message: `Imported ${cards} into your new deck “${report.deckTitle}”.`, data: report };
  });
}

/** Deletes one of the learner's imported decks with its cards and reviews (the service checks ownership). */
export async function deletePersonalDeckAction(input: unknown): Promise<ActionState> {
  return runUserAction(deletePersonalDeckSchema, input, async (user, data) => {
    const deleted = await deletePersonalDeck(getDb(), user.id, data);
    revalidatePath("/account/data");
    revalidatePath("/decks", "layout");
    revalidatePath("/home");
    revalidatePath("/settings");
    return { ok: true, message: `Deleted “${deleted.title}” (${deleted.questions} ${deleted.questions === 1 ? "flashcard" : "flashcards"}).` };
  });
}
