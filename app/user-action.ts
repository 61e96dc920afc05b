import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/auth";
import type { z } from "zod";

export interface ActionState<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: T;
}

/**
 * The server-action pipeline: re-check the session on the server (actions are reachable by a direct POST), and
 * the admin role when asked, then validate with zod, run the service (which checks permissions again in the
 * database), and turn rule violations into messages without leaking internals.
 */
export async function runUserAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  body: (user: CurrentUser, data: z.infer<S>) => Promise<ActionState<T>>,
  options: { adminOnly?: boolean } = {},
): Promise<ActionState<T>> {
  // Who is asking comes first: someone not allowed learns nothing about the action's input format.
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Log in again." };
  if (options.adminOnly && user.role !== "ADMIN") return { ok: false, message: "Only administrators can do this." };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Please fix the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return await body(user, parsed.data);
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("server action failed", error);
    return { ok: false, message: GENERIC_ERROR_MESSAGE };
  }
}
