"use server";

import { getLocale } from "next-intl/server";
import { serverMessageTranslator } from "@/app/server-messages";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { isAppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { registerUser } from "@/lib/users/service";

export interface RegisterState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

/** Creates the account; the form then logs in with the same credentials through next-auth. */
export async function registerAction(input: unknown): Promise<RegisterState> {
  try {
    // registerUser applies the admin's stored mode; the environment variable is only the default.
    await registerUser(getDb(), input, { mode: serverEnv().REGISTRATION_MODE, locale: await getLocale() });
    return { ok: true };
  } catch (error) {
    const translate = await serverMessageTranslator();
    if (isAppError(error)) return { ok: false, message: translate.message(error.message), fieldErrors: translate.fieldErrors(error.fieldErrors) };
    console.error("registration failed", error);
    return { ok: false, message: translate.message(GENERIC_ERROR_MESSAGE) };
  }
}
