"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormField } from "@/app/ui/form-field";
import { createGroupAction } from "./actions";
import { BUSY, DESCRIPTION_MAX, StatusMessage, TextAreaField, type Message } from "@/app/ui/form-bits";

/** Creates a group with the learner as its owner, then opens it. */
export function CreateGroupForm() {
  const t = useTranslations("groups.create");
  const tCommon = useTranslations("common");
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
        setMessage({ ok: true, text: t("opening", { message: result.message ?? t("created") }) });
        router.push(`/groups/${result.data.id}`);
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.message ?? t("failed") });
      }
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormField id="new-group-name" name="name" label={t("name")} autoComplete="off" minLength={2} maxLength={80} required placeholder={t("namePlaceholder")} errors={fieldErrors.name} />
      <TextAreaField
        id="new-group-description"
        name="description"
        label={t("description")}
        rows={3}
        maxLength={DESCRIPTION_MAX}
        hint={t("descriptionHint", { max: DESCRIPTION_MAX })}
        errors={fieldErrors.description}
      />
      <button type="submit" className={`btn-primary ${BUSY}`} aria-disabled={pending || undefined}>{pending ? t("submitting") : t("submit")}</button>
      <StatusMessage message={message} />
    </form>
  );
}
