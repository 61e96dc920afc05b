"use server";

import { getTranslations } from "next-intl/server";
import { serverMessageTranslator } from "@/app/server-messages";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { changePassword } from "@/lib/users/service";

export interface ChangePasswordState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

export async function changePasswordAction(input: unknown): Promise<ChangePasswordState> {
  // Server actions are reachable by a direct POST: check the session here, not only on the page.
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: (await getTranslations("account"))("sessionEnded") };
  try {
    await changePassword(getDb(), user.id, input);
    return { ok: true };
  } catch (error) {
    const translate = await serverMessageTranslator();
    if (isAppError(error)) return { ok: false, message: translate.message(error.message), fieldErrors: translate.fieldErrors(error.fieldErrors) };
    console.error("password change failed", error);
    return { ok: false, message: translate.message(GENERIC_ERROR_MESSAGE) };
  }
}
