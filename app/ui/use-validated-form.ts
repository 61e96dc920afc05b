"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/validation/auth";
import { useServerMessage } from "./use-server-message";

/** What a form's submit step reports: success, or a message with optional per-field errors. */
export type FormOutcome = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** English, like the schemas' messages: translated through the `server` catalogue when shown. */
const NETWORK_ERROR = "Could not reach the server. Check your connection and try again.";

/**
 * The account forms' shared flow: read the fields, validate them with the same zod schema the server uses (field
 * errors show at once, nothing is sent), then run `submit` and show what it reports. A thrown error means the
 * request never completed. The schemas' messages are English (lib/ is shared with the server), so they are shown
 * through the `server` catalogue, like what `submit` reports (already translated messages pass unchanged).
 */
export function useValidatedForm<Schema extends z.ZodType>(
  schema: Schema,
  readInput: (data: FormData) => Record<string, unknown>,
  submit: (input: Record<string, unknown>, parsed: z.output<Schema>) => Promise<FormOutcome>,
) {
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const serverMessage = useServerMessage();
  const translateFieldErrors = (errors: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map(serverMessage)]));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = readInput(new FormData(event.currentTarget));
    setFormError(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(translateFieldErrors(fieldErrorsOf(parsed.error)));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const outcome = await submit(input, parsed.data);
      if (!outcome.ok) {
        setFormError(serverMessage(outcome.message));
        setFieldErrors(translateFieldErrors(outcome.fieldErrors ?? {}));
      }
    } catch {
      setFormError(serverMessage(NETWORK_ERROR));
    } finally {
      setPending(false);
    }
  }

  return { pending, formError, fieldErrors, onSubmit };
}
