"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { runUserAction, type ActionState } from "@/app/user-action";
import { getDb } from "@/lib/db";
import { MAX_PACKAGE_BYTES } from "@/lib/learner-data/apkg-archive";
import { formatMegabytes } from "@/lib/format";
import { importApkg, previewApkgImport, type ApkgImportReport } from "@/lib/learner-data/import";
import { deletePersonalDeck, deletePersonalDeckSchema } from "@/lib/learner-data/personal-decks";

/**
 * The multipart form of both actions: `file`, the .apkg. Its size is checked from the part's metadata before a
 * byte is read; runUserAction has checked the session before this runs. Built per request, for its messages'
 * language.
 */
async function apkgUploadSchema() {
  const t = await getTranslations("account.data.import");
  return z.instanceof(FormData).transform((form, context) => {
    const file = form.get("file");
    if (!(file instanceof Blob) || file.size === 0) {
      context.addIssue({ code: "custom", message: t("chooseFile"), path: ["file"] });
      return z.NEVER;
    }
    if (file.size > MAX_PACKAGE_BYTES) {
      context.addIssue({ code: "custom", message: t("uploadTooLarge", { size: formatMegabytes(file.size), limit: formatMegabytes(MAX_PACKAGE_BYTES) }), path: ["file"] });
      return z.NEVER;
    }
    return file;
  });
}

async function upload(file: Blob) {
  return { fileName: file instanceof File ? file.name : "package.apkg", bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The dry run: what importing the package would create and leave out. Writes nothing. */
export async function previewApkgImportAction(form: FormData): Promise<ActionState<ApkgImportReport>> {
  return runUserAction(await apkgUploadSchema(), form, async (user, file) => ({ ok: true, data: await previewApkgImport(getDb(), user.id, await upload(file)) }));
}

/** Imports the package (sent again and read again here: the dry run's report is never trusted) into a new personal deck. */
export async function importApkgAction(form: FormData): Promise<ActionState<ApkgImportReport>> {
  return runUserAction(await apkgUploadSchema(), form, async (user, file) => {
    const report = await importApkg(getDb(), user.id, await upload(file));
    revalidatePath("/account/data");
    revalidatePath("/decks", "layout");
    revalidatePath("/home");
    revalidatePath("/settings");
    const t = await getTranslations("account.data.import");
    return { ok: true, message: t("importedMessage", { count: report.cards, title: report.deckTitle }), data: report };
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
    const t = await getTranslations("account.data.decks");
    return { ok: true, message: t("deletedMessage", { title: deleted.title, count: deleted.questions }) };
  });
}
