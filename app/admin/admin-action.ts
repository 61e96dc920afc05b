import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import type { z } from "zod";
import { runUserAction, type ActionState } from "../user-action";

export type AdminActionState<T = undefined> = ActionState<T>;

/** runUserAction for admin pages: the session and the admin role are checked on the server before anything else. */
export function runAdminAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  body: (admin: CurrentUser, data: z.infer<S>) => Promise<AdminActionState<T>>,
): Promise<AdminActionState<T>> {
  return runUserAction(schema, input, body, { adminOnly: true });
}
