import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/auth";
import type { z } from "zod";

export interface GroupActionState<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: T;
}

/**
 * The study-group server-action pipeline, the learner twin of runAdminAction: re-check the session on the server
 * (actions are reachable by a direct POST), validate with zod, run the service (which checks the member's role in
 * the group again, in the database), and turn rule violations into messages without leaking internals.
 */
export async function runGroupAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  body: (user: CurrentUser, data: z.infer<S>) => Promise<GroupActionState<T>>,
): Promise<GroupActionState<T>> {
  // Who is asking comes first: a logged-out visitor learns nothing about the action's input format.
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Log in again." };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Please fix the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return await body(user, parsed.data);
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("group action failed", error);
    return { ok: false, message: GENERIC_ERROR_MESSAGE };
  }
}
