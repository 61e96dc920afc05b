import { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "./auth";

/** Validates a service's input: a VALIDATION AppError with per-field messages instead of a raw zod error. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Please fix the highlighted fields.", fieldErrorsOf(parsed.error));
  return parsed.data;
}
