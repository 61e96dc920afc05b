"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { serverMessageTranslator } from "@/app/server-messages";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { updateStudySettings } from "@/lib/study/settings";

export interface SettingsState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

export async function saveStudySettingsAction(input: unknown): Promise<SettingsState> {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("settings")]);
  if (!user) return { ok: false, message: t("sessionEnded") };
  try {
    await updateStudySettings(getDb(), user.id, input);
  } catch (error) {
    const translate = await serverMessageTranslator();
    if (isAppError(error)) return { ok: false, message: translate.message(error.message), fieldErrors: translate.fieldErrors(error.fieldErrors) };
    console.error("saving study settings failed", error);
    return { ok: false, message: translate.message(GENERIC_ERROR_MESSAGE) };
  }
  revalidatePath("/home");
  revalidatePath("/study");
  return { ok: true, message: t("form.saved") };
}
