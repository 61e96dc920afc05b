import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/auth";
import type { z } from "zod";
import { serverMessageTranslator } from "./server-messages";

export interface ActionState<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: T;
}

/**
 * The server-action pipeline: re-check the session on the server (actions are reachable by a direct POST), and
 * the admin role when asked, then validate with zod, run the service (which checks permissions again in the
 * database), and turn rule violations into messages without leaking internals. The messages of a failure (this
 * file's, an AppError's, zod's) are written in English and translated here, into the request's language, through
 * the `server` catalogue; what `body` returns is already in the user's language.
 */
export async function runUserAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  body: (user: CurrentUser, data: z.infer<S>) => Promise<ActionState<T>>,
  options: { adminOnly?: boolean } = {},
): Promise<ActionState<T>> {
  // Who is asking comes first: someone not allowed learns nothing about the action's input format.
  const user = await getCurrentUser();
  if (!user) return failure("Your session has ended. Log in again.");
  if (options.adminOnly && user.role !== "ADMIN") return failure("Only administrators can do this.");
  const parsed = schema.safeParse(input);
  if (!parsed.success) return failure("Please fix the highlighted fields.", fieldErrorsOf(parsed.error));
  try {
    return await body(user, parsed.data);
  } catch (error) {
    if (isAppError(error)) return failure(error.message, error.fieldErrors);
    console.error("server action failed", error);
    return failure(GENERIC_ERROR_MESSAGE);
  }
}

/** A failed result with its English message and field errors translated into the request's language. */
async function failure<T>(message: string, fieldErrors?: Record<string, string[]>): Promise<ActionState<T>> {
  const translate = await serverMessageTranslator();
  return { ok: false, message: translate.message(message), fieldErrors: translate.fieldErrors(fieldErrors) };
}
