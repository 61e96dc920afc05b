"use server";

import { revalidatePath } from "next/cache";
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
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Log in again." };
  try {
    await updateStudySettings(getDb(), user.id, input);
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("saving study settings failed", error);
    return { ok: false, message: GENERIC_ERROR_MESSAGE };
  }
  revalidatePath("/home");
  revalidatePath("/study");
  return { ok: true, message: "Settings saved." };
}
