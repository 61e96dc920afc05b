"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { serverMessageTranslator } from "@/app/server-messages";
import { resetPasswordWithToken } from "@/lib/admin/password-reset";
import { resetPasswordSchema } from "@/lib/admin/schemas";
import { getDb } from "@/lib/db";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/auth";

export interface ResetPasswordState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

const tokenSchema = z.string().min(1).max(200);

/** Public: the token is the credential. It is checked (hash, expiry, single use) by the service. */
export async function resetPasswordAction(token: unknown, input: unknown): Promise<ResetPasswordState> {
  const [t, translate] = await Promise.all([getTranslations("auth"), serverMessageTranslator()]);
  const parsedToken = tokenSchema.safeParse(token);
  if (!parsedToken.success) return { ok: false, message: t("reset.linkNotValid") };
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: t("reset.fixFields"), fieldErrors: translate.fieldErrors(fieldErrorsOf(parsed.error)) };
  try {
    await resetPasswordWithToken(getDb(), parsedToken.data, parsed.data);
    return { ok: true, message: t("reset.success") };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: translate.message(error.message), fieldErrors: translate.fieldErrors(error.fieldErrors) };
    console.error("password reset failed", error);
    return { ok: false, message: translate.message(GENERIC_ERROR_MESSAGE) };
  }
}
