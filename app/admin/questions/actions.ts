"use server";

import { revalidatePath } from "next/cache";
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
    const message = !outcome.changed
      ? "Nothing changed."
      : outcome.cardsReset > 0
        ? `Saved as version ${outcome.version}. ${outcome.cardsReset} learner ${outcome.cardsReset === 1 ? "card was" : "cards were"} reset to new.`
        : `Saved as version ${outcome.version}.`;
    return { ok: true, message, data: outcome };
  });
}

export async function setArchivedAction(input: unknown): Promise<AdminActionState> {
  return runAdminAction(setArchivedSchema, input, async (admin, data) => {
    await setQuestionArchived(getDb(), admin.id, data);
    revalidateBank(data.id);
    return { ok: true, message: data.archived ? "Archived: learners no longer see it; their cards and history are kept." : "Restored: learners see it again." };
  });
}

export async function restoreRevisionAction(input: unknown): Promise<AdminActionState<SaveOutcome>> {
  return runAdminAction(restoreRevisionSchema, input, async (admin, data) => {
    const outcome = await restoreRevision(getDb(), admin.id, data);
    revalidateBank(outcome.id);
    revalidatePath(`/admin/questions/${outcome.id}/revisions`);
    return { ok: true, message: outcome.changed ? `Restored as version ${outcome.version}.` : "That revision is the current content already.", data: outcome };
  });
}
