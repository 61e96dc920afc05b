"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormField } from "@/app/ui/form-field";
import { createGroupAction } from "./actions";
import { BUSY, DESCRIPTION_MAX, NETWORK_ERROR, StatusMessage, TextAreaField, type Message } from "@/app/ui/form-bits";

/** Creates a group with the learner as its owner, then opens it. */
export function CreateGroupForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    try {
      const result = await createGroupAction({ name: data.get("name"), description: data.get("description") ?? "" });
      if (result.ok && result.data) {
        setFieldErrors({});
        setMessage({ ok: true, text: `${result.message ?? "Group created."} Opening it…` });
        router.push(`/groups/${result.data.id}`);
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.message ?? "The group was not created." });
      }
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormField id="new-group-name" name="name" label="Name" autoComplete="off" minLength={2} maxLength={80} required placeholder="Vision interview crew" errors={fieldErrors.name} />
      <TextAreaField
        id="new-group-description"
        name="description"
        label="Description (optional)"
        rows={3}
        maxLength={DESCRIPTION_MAX}
        hint={`What the group prepares for, when you meet. At most ${DESCRIPTION_MAX} characters.`}
        errors={fieldErrors.description}
      />
      <button type="submit" className={`btn-primary ${BUSY}`} aria-disabled={pending || undefined}>{pending ? "Creating…" : "Create group"}</button>
      <StatusMessage message={message} />
    </form>
  );
}
