"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { previewDraft, tryAnswer, tryAnswerSchema, type DraftPreview, type TryAnswerResult } from "@/lib/admin/question-preview";
import { restoreRevision, restoreRevisionSchema, saveQuestion, saveQuestionSchema, setArchivedSchema, setQuestionArchived, type SaveOutcome } from "@/lib/admin/questions";
import { questionDraftSchema } from "@/lib/content/draft";
import { getDb } from "@/lib/db";
import { runAdminAction, type AdminActionState } from "../admin-action";

/** Learner-facing pages that show question content; refreshed after every change. */
function revalidateBank(id?: string) {
  revalidatePath("/admin/questions");
  if (id) revalidatePath(`/admin/questions/${id}`);
  revalidatePath("/decks", "layout");
}

/** The live preview: rendered sections, validation problems and numeric instances. Writes nothing. */
export async function previewDraftAction(input: unknown): Promise<AdminActionState<DraftPreview>> {
  return runAdminAction(questionDraftSchema, input, async (_admin, draft) => ({ ok: true, data: previewDraft(draft) }));
}

export async function tryAnswerAction(input: unknown): Promise<AdminActionState<TryAnswerResult>> {
  return runAdminAction(tryAnswerSchema, input, async (_admin, data) => ({ ok: true, data: tryAnswer(data) }));
}

export async function saveQuestionAction(input: unknown): Promise<AdminActionState<SaveOutcome>> {
  return runAdminAction(saveQuestionSchema, input, async (admin, data) => {
    const outcome = await saveQuestion(getDb(), admin.id, data);
    revalidateBank(outcome.id);
    const t = await getTranslations("adminBank.actions");
    const message = !outcome.changed
      ? t("nothingChanged")
      : outcome.cardsReset > 0
        ? t("savedAndReset", { version: outcome.version, count: outcome.cardsReset })
        : t("savedAsVersion", { version: outcome.version });
    return { ok: true, message, data: outcome };
  });
}

export async function setArchivedAction(input: unknown): Promise<AdminActionState> {
  return runAdminAction(setArchivedSchema, input, async (admin, data) => {
    await setQuestionArchived(getDb(), admin.id, data);
    revalidateBank(data.id);
    const t = await getTranslations("adminBank.actions");
    return { ok: true, message: data.archived ? t("archived") : t("restored") };
  });
}

export async function restoreRevisionAction(input: unknown): Promise<AdminActionState<SaveOutcome>> {
  return runAdminAction(restoreRevisionSchema, input, async (admin, data) => {
    const outcome = await restoreRevision(getDb(), admin.id, data);
    revalidateBank(outcome.id);
    revalidatePath(`/admin/questions/${outcome.id}/revisions`);
    const t = await getTranslations("adminBank.actions");
    return { ok: true, message: outcome.changed ? t("restoredAsVersion", { version: outcome.version }) : t("alreadyCurrent"), data: outcome };
  });
}
