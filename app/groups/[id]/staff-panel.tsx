"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormField } from "@/app/ui/form-field";
import { setGroupDecksAction, setGroupGoalAction, updateGroupAction } from "../actions";
import { BUSY, DESCRIPTION_MAX, StatusMessage, TextAreaField, type Message } from "@/app/ui/form-bits";

type ActionResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

/** Pending flag, status message and field errors around one server action; refreshes the page on success. */
function useAction(failure: string) {
  const t = useTranslations("groups.settings");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function run(action: () => Promise<ActionResult>) {
    if (pending) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await action();
      setFieldErrors(result.fieldErrors ?? {});
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("saved") : failure) });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(false);
    }
  }

  return { pending, message, fieldErrors, run };
}

/** Name and description, for the owner and moderators. */
export function EditGroupForm({ groupId, name, description }: { groupId: string; name: string; description: string }) {
  const t = useTranslations("groups.settings");
  const { pending, message, fieldErrors, run } = useAction(t("notSaved"));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(() => updateGroupAction({ groupId, name: data.get("name"), description: data.get("description") ?? "" }));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormField id="group-name" name="name" label={t("name")} autoComplete="off" minLength={2} maxLength={80} required defaultValue={name} errors={fieldErrors.name} />
      <TextAreaField
        id="group-description"
        name="description"
        label={t("description")}
        rows={3}
        maxLength={DESCRIPTION_MAX}
        defaultValue={description}
        hint={t("descriptionHint", { max: DESCRIPTION_MAX })}
        errors={fieldErrors.description}
      />
      <button type="submit" className={`btn-primary ${BUSY}`} aria-disabled={pending || undefined}>{pending ? t("saving") : t("save")}</button>
      <StatusMessage message={message} />
    </form>
  );
}

/** Which decks the group studies: a checkbox per deck of the instance. */
export function DecksForm({ groupId, decks, selected }: { groupId: string; decks: Array<{ id: string; title: string; count: number }>; selected: string[] }) {
  const t = useTranslations("groups.decks");
  const { pending, message, fieldErrors, run } = useAction(t("notSaved"));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(() => setGroupDecksAction({ groupId, deckIds: data.getAll("deckIds").map(String) }));
  }

  if (decks.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("noDecksOnInstance")}</p>;
  const errors = Object.entries(fieldErrors).flatMap(([, value]) => value);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset className="grid gap-2 sm:grid-cols-2" aria-describedby={errors.length ? "group-decks-error" : undefined}>
        <legend className="field-label">{t("legend")}</legend>
        {decks.map((deck) => (
          <label key={deck.id} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="deckIds" value={deck.id} defaultChecked={selected.includes(deck.id)} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
            <span>
              {deck.title} <span className="text-xs text-slate-500 dark:text-slate-400">{t("questionCount", { count: deck.count })}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {errors.length > 0 && <p id="group-decks-error" className="field-error" role="alert">{errors.join(" ")}</p>}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t("hint")}
      </p>
      <button type="submit" className={`btn-primary ${BUSY}`} aria-disabled={pending || undefined}>{pending ? t("saving") : t("save")}</button>
      <StatusMessage message={message} />
    </form>
  );
}

type GoalKind = "NONE" | "REVIEWS" | "NEW_CARDS";

/** The group's daily goal: none, so many reviews, or so many new cards a day. */
export function GoalForm({ groupId, goal }: { groupId: string; goal: { kind: "REVIEWS" | "NEW_CARDS"; target: number } | null }) {
  const t = useTranslations("groups.goals");
  const { pending, message, fieldErrors, run } = useAction(t("notSaved"));
  const [kind, setKind] = useState<GoalKind>(goal?.kind ?? "NONE");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // With no goal the number is not sent: the schema would read an empty field as 0 and reject it.
    void run(() => setGroupGoalAction({ groupId, kind, target: kind === "NONE" ? undefined : data.get("target") }));
  }

  const options: Array<{ value: GoalKind; label: string }> = [
    { value: "NONE", label: t("optionNone") },
    { value: "REVIEWS", label: t("optionReviews") },
    { value: "NEW_CARDS", label: t("optionNewCards") },
  ];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset>
        <legend className="field-label">{t("legend")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {options.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={option.value} checked={kind === option.value} onChange={() => setKind(option.value)} className="size-4 accent-brand-600" />
              {option.label}
            </label>
          ))}
        </div>
        {fieldErrors.kind?.length ? <p className="field-error" role="alert">{fieldErrors.kind.join(" ")}</p> : null}
      </fieldset>
      {kind !== "NONE" && (
        <div className="max-w-40">
          <FormField
            id="group-goal-target"
            name="target"
            label={kind === "REVIEWS" ? t("reviewsPerDay") : t("newCardsPerDay")}
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            required
            defaultValue={goal?.target ?? (kind === "REVIEWS" ? 50 : 10)}
            errors={fieldErrors.target}
          />
        </div>
      )}
      <button type="submit" className={`btn-primary ${BUSY}`} aria-disabled={pending || undefined}>{pending ? t("saving") : t("save")}</button>
      <StatusMessage message={message} />
    </form>
  );
}
