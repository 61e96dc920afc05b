"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { FormField } from "@/app/ui/form-field";
import { BUSY, DESCRIPTION_MAX, StatusMessage, TextAreaField, type Message } from "@/app/ui/form-bits";
import { createDeckAction, moveDeckAction, updateDeckAction } from "./actions";

export interface DeckRowData {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** The Chinese title and description ("" for none). */
  zhTitle: string;
  zhDescription: string;
  active: number;
  archived: number;
}

/** The deck's Chinese title and description as the actions take them (both empty: no translation). */
function translationsOf(data: FormData) {
  return { zh: { title: data.get("zhTitle") ?? "", description: data.get("zhDescription") ?? "" } };
}

/** The Chinese title and description inputs of both deck forms; their problems come on `translations.zh.*`. */
function ChineseFields({ idPrefix, errors, defaults }: { idPrefix: string; errors: Record<string, string[]>; defaults?: { title: string; description: string } }) {
  const t = useTranslations("adminBank.decks");
  const other = Object.entries(errors).flatMap(([field, messages]) => (field.startsWith("translations") && field !== "translations.zh.title" && field !== "translations.zh.description" ? messages : []));
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 text-sm font-medium">{t("zhLegend")}</legend>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t("zhHint")}</p>
      <FormField
        id={`${idPrefix}-zh-title`}
        name="zhTitle"
        label={t("zhTitle")}
        lang="zh-Hans"
        autoComplete="off"
        maxLength={120}
        defaultValue={defaults?.title}
        errors={[...(errors["translations.zh.title"] ?? []), ...other]}
      />
      <TextAreaField
        id={`${idPrefix}-zh-description`}
        name="zhDescription"
        label={t("zhDescription")}
        lang="zh-Hans"
        rows={2}
        maxLength={DESCRIPTION_MAX}
        defaultValue={defaults?.description}
        hint={t("zhDescriptionHint", { max: DESCRIPTION_MAX })}
        errors={errors["translations.zh.description"]}
      />
    </fieldset>
  );
}


/**
 * One deck of the admin list: its details, Move up / Move down, and an inline editor for title and description.
 * The server checks every action again; the disabled buttons at the ends are only a convenience.
 */
export function DeckRow({ deck, index, total }: { deck: DeckRowData; index: number; total: number }) {
  const t = useTranslations("adminBank");
  const tShared = useTranslations("common");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [editing, setEditing] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  // After a move the row is re-rendered at its new place (the DOM node moves and loses focus): put focus back on
  // the button just used, or on the other one when the deck reached an end and that button is now disabled.
  const refocus = useRef<"up" | "down" | null>(null);
  const isFirst = index === 0;
  const isLast = index === total - 1;
  const formId = `deck-edit-${deck.id}`;

  useEffect(() => {
    const direction = refocus.current;
    if (!direction) return;
    refocus.current = null;
    const target = direction === "up" ? (isFirst ? downRef : upRef) : isLast ? upRef : downRef;
    target.current?.focus();
  }, [index, isFirst, isLast]);

  async function move(direction: "up" | "down") {
    if (pending) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await moveDeckAction({ id: deck.id, direction });
      if (result.ok) {
        const position = direction === "up" ? index : index + 2;
        const values = { title: deck.title, position, total };
        setMessage({ ok: true, text: direction === "up" ? t("decks.movedUp", values) : t("decks.movedDown", values) });
        refocus.current = direction;
        router.refresh();
      } else {
        setMessage({ ok: false, text: result.message ?? t("decks.notMoved") });
      }
    } catch {
      setMessage({ ok: false, text: tShared("networkError") });
    } finally {
      setPending(false);
    }
  }

  function closeEditor() {
    setEditing(false);
    setFieldErrors({});
    editRef.current?.focus();
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    try {
      const result = await updateDeckAction({ id: deck.id, title: data.get("title"), description: data.get("description"), translations: translationsOf(data) });
      if (result.ok) {
        setMessage({ ok: true, text: result.message ?? t("common.saved") });
        closeEditor();
        router.refresh();
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.message ?? t("decks.notSaved") });
      }
    } catch {
      setMessage({ ok: false, text: tShared("networkError") });
    } finally {
      setPending(false);
    }
  }

  function onEditorKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      closeEditor();
    }
  }

  const smallButton = `btn-secondary min-h-9 px-3 py-1 text-xs ${BUSY}`;

  return (
    <div className="space-y-3 px-4 py-4 sm:px-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h3 className="font-semibold">
            <span className="mr-1 text-slate-500 tabular-nums dark:text-slate-400">{index + 1}.</span>
            {deck.title}
          </h3>
          <p className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">
            <span className="sr-only">{t("decks.slugPrefix")}</span>
            {deck.slug}
          </p>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {deck.description || <span className="text-slate-500 italic dark:text-slate-400">{t("decks.noDescription")}</span>}
          </p>
          {deck.zhTitle && (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t("decks.zhShown")} <span lang="zh-Hans">{deck.zhTitle}</span>
            </p>
          )}
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t("decks.questionCounts", { active: deck.active, archived: deck.archived })}
          </p>
          <Link
            href={`/admin/questions?deck=${encodeURIComponent(deck.slug)}`}
            className="inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-500"
            aria-label={t("decks.viewQuestionsAria", { title: deck.title })}
          >
            {t("decks.viewQuestions")}
          </Link>
        </div>
        <div className="flex flex-wrap gap-2 sm:shrink-0 sm:justify-end">
          <button
            ref={upRef}
            type="button"
            className={smallButton}
            disabled={isFirst}
            aria-disabled={pending || undefined}
            onClick={() => move("up")}
            aria-label={t("decks.moveUpAria", { title: deck.title })}
          >
            {t("decks.moveUp")}
          </button>
          <button
            ref={downRef}
            type="button"
            className={smallButton}
            disabled={isLast}
            aria-disabled={pending || undefined}
            onClick={() => move("down")}
            aria-label={t("decks.moveDownAria", { title: deck.title })}
          >
            {t("decks.moveDown")}
          </button>
          <button
            ref={editRef}
            type="button"
            className={smallButton}
            aria-expanded={editing}
            aria-controls={editing ? formId : undefined}
            onClick={() => (editing ? closeEditor() : setEditing(true))}
            aria-label={editing ? t("decks.closeAria", { title: deck.title }) : t("decks.editAria", { title: deck.title })}
          >
            {editing ? t("decks.close") : t("decks.edit")}
          </button>
        </div>
      </div>
      {editing && (
        <form
          id={formId}
          onSubmit={onSave}
          onKeyDown={onEditorKeyDown}
          noValidate
          aria-label={t("decks.editAria", { title: deck.title })}
          className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <FormField
            id={`${formId}-title`}
            name="title"
            label={t("decks.title")}
            defaultValue={deck.title}
            maxLength={120}
            required
            autoFocus
            errors={fieldErrors.title}
          />
          <TextAreaField
            id={`${formId}-description`}
            name="description"
            label={t("decks.description")}
            rows={3}
            maxLength={DESCRIPTION_MAX}
            defaultValue={deck.description}
            hint={t("decks.descriptionHint", { max: DESCRIPTION_MAX })}
            errors={fieldErrors.description}
          />
          <ChineseFields idPrefix={formId} errors={fieldErrors} defaults={{ title: deck.zhTitle, description: deck.zhDescription }} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={`btn-primary ${BUSY}`} aria-disabled={pending || undefined}>{pending ? t("common.saving") : t("common.saveChanges")}</button>
            <button type="button" className="btn-ghost" onClick={closeEditor}>{t("common.cancel")}</button>
          </div>
        </form>
      )}
      <StatusMessage message={message} />
    </div>
  );
}

/** Creates a deck at the end of the study order. */
export function NewDeckForm() {
  const t = useTranslations("adminBank");
  const tShared = useTranslations("common");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setMessage(null);
    try {
      const result = await createDeckAction({ slug: data.get("slug"), title: data.get("title"), description: data.get("description"), translations: translationsOf(data) });
      if (result.ok) {
        setFieldErrors({});
        setMessage({ ok: true, text: result.message ?? t("decks.created") });
        form.reset();
        router.refresh();
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.message ?? t("decks.notCreated") });
      }
    } catch {
      setMessage({ ok: false, text: tShared("networkError") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="new-deck-slug"
          name="slug"
          label={t("decks.slug")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={100}
          placeholder={t("decks.slugPlaceholder")}
          required
          className="field-input font-mono"
          hint={t("decks.slugHint")}
          errors={fieldErrors.slug}
        />
        <FormField
          id="new-deck-title"
          name="title"
          label={t("decks.title")}
          autoComplete="off"
          maxLength={120}
          required
          placeholder={t("decks.titlePlaceholder")}
          errors={fieldErrors.title}
        />
      </div>
      <TextAreaField
        id="new-deck-description"
        name="description"
        label={t("decks.description")}
        rows={3}
        maxLength={DESCRIPTION_MAX}
        hint={t("decks.descriptionHint", { max: DESCRIPTION_MAX })}
        errors={fieldErrors.description}
      />
      <ChineseFields idPrefix="new-deck" errors={fieldErrors} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={`btn-primary ${BUSY}`} aria-disabled={pending || undefined}>{pending ? t("decks.creating") : t("decks.create")}</button>
      </div>
      <StatusMessage message={message} />
    </form>
  );
}
