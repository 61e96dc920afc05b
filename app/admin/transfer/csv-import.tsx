"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import type { CsvImportPreview } from "@/lib/admin/csv-flashcards";
import { applyCsvImportAction, previewCsvImportAction } from "./actions";
import { BUSY, type Message } from "@/app/ui/form-bits";
import { useServerMessage } from "@/app/ui/use-server-message";

const tableHead = "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400";



function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Flashcards from CSV: choose a deck, upload or paste the CSV, preview every row, then import the valid rows.
 * The import sends the same text again and the server checks it again; the preview is never sent back.
 */
export function CsvImport({ decks, maxBytes }: { decks: Array<{ slug: string; title: string }>; maxBytes: number }) {
  const t = useTranslations("adminBank.transfer");
  const tCommon = useTranslations("adminBank.common");
  const tShared = useTranslations("common");
  // The CSV's own problems (a row's errors, an unreadable file) are written in English by lib/admin.
  const serverMessage = useServerMessage();
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [deck, setDeck] = useState(decks[0]?.slug ?? "");
  const [text, setText] = useState("");
  const [pending, setPending] = useState<"preview" | "import" | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [preview, setPreview] = useState<CsvImportPreview | null>(null);

  const ids = {
    deck: `${id}-deck`,
    deckError: `${id}-deck-error`,
    file: `${id}-file`,
    fileHint: `${id}-file-hint`,
    text: `${id}-text`,
    textError: `${id}-text-error`,
    format: `${id}-format`,
    preview: `${id}-preview`,
  };

  // Anything that changes the input makes the preview stale: it must be previewed again before importing.
  function invalidate() {
    setPreview(null);
    setMessage(null);
  }

  async function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    invalidate();
    if (!chosen) return;
    if (chosen.size > maxBytes) {
      setFieldErrors({ text: [t("tooLarge", { name: chosen.name, size: megabytes(chosen.size), max: megabytes(maxBytes) })] });
      input.value = "";
      return;
    }
    try {
      setText(await chosen.text());
      setFieldErrors({});
    } catch {
      setFieldErrors({ text: [t("csv.unreadable", { name: chosen.name })] });
    }
  }

  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (text.trim() === "") {
      setFieldErrors({ text: [t("csv.chooseCsv")] });
      return;
    }
    setPending("preview");
    setMessage(null);
    setPreview(null);
    try {
      const result = await previewCsvImportAction({ deck, text });
      setFieldErrors(result.fieldErrors ?? {});
      if (!result.ok || !result.data) {
        setMessage({ ok: false, text: result.message ?? t("csv.notChecked") });
        return;
      }
      const checked = result.data;
      setPreview(checked);
      setMessage(
        checked.error
          ? { ok: false, text: serverMessage(checked.error) }
          : {
              ok: checked.totals.valid > 0,
              text: t("csv.checked", { rows: checked.totals.rows, valid: checked.totals.valid, invalid: checked.totals.invalid }),
            },
      );
    } catch {
      setMessage({ ok: false, text: tShared("networkError") });
    } finally {
      setPending(null);
    }
  }

  async function onImport() {
    if (pending || !preview || preview.error || preview.totals.valid === 0) return;
    setPending("import");
    setMessage(null);
    try {
      const result = await applyCsvImportAction({ deck, text });
      if (!result.ok || !result.data) {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.message ?? t("csv.notImported") });
        return;
      }
      // Cleared so the same cards cannot be imported twice by accident (they would get new keys).
      setPreview(null);
      setText("");
      if (fileRef.current) fileRef.current.value = "";
      // The preview and its button are gone: keep keyboard focus in the form, ready for the next CSV.
      textRef.current?.focus();
      setMessage({ ok: true, text: result.message ?? t("csv.imported", { count: result.data.created }) });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: tShared("networkError") });
    } finally {
      setPending(null);
    }
  }

  if (decks.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t.rich("csv.noDeck", {
          link: (chunks) => <Link href="/admin/decks" className="font-medium text-brand-600 hover:underline dark:text-brand-500">{chunks}</Link>,
        })}
      </p>
    );
  }

  const valid = preview && !preview.error ? preview.totals.valid : 0;

  return (
    <div className="space-y-5">
      <div id={ids.format} className="space-y-1 text-sm text-slate-600 dark:text-slate-400">
        <p>{t.rich("csv.formatColumns", { strong: (chunks) => <strong>{chunks}</strong>, code: (chunks) => <code>{chunks}</code> })}</p>
        <p>{t.rich("csv.formatQuotes", { code: (chunks) => <code>{chunks}</code> })}</p>
      </div>
      <form onSubmit={onPreview} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={ids.deck} className="field-label">{t("csv.deck")}</label>
            <select
              id={ids.deck}
              name="deck"
              value={deck}
              onChange={(event) => {
                setDeck(event.currentTarget.value);
                invalidate();
              }}
              className="field-input"
              aria-invalid={fieldErrors.deck ? true : undefined}
              aria-describedby={fieldErrors.deck ? ids.deckError : undefined}
            >
              {decks.map((option) => <option key={option.slug} value={option.slug}>{option.title}</option>)}
            </select>
            {fieldErrors.deck && <p id={ids.deckError} className="field-error" role="alert">{fieldErrors.deck.join(" ")}</p>}
          </div>
          <div>
            <label htmlFor={ids.file} className="field-label">{t("csv.file")}</label>
            <input
              ref={fileRef}
              id={ids.file}
              name="file"
              type="file"
              accept=".csv,text/csv"
              onChange={onFileChange}
              disabled={pending !== null}
              aria-describedby={ids.fileHint}
              className="field-input file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium dark:file:bg-slate-800 dark:file:text-slate-100"
            />
            <p id={ids.fileHint} className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("csv.fileHint", { max: megabytes(maxBytes) })}</p>
          </div>
        </div>
        <div>
          <label htmlFor={ids.text} className="field-label">{t("csv.text")}</label>
          <textarea
            ref={textRef}
            id={ids.text}
            name="text"
            rows={8}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              invalidate();
            }}
            spellCheck={false}
            placeholder={t("csv.placeholder")}
            className="field-input font-mono text-sm"
            aria-invalid={fieldErrors.text ? true : undefined}
            aria-describedby={[ids.format, fieldErrors.text ? ids.textError : null].filter(Boolean).join(" ")}
          />
          {fieldErrors.text && <p id={ids.textError} className="field-error" role="alert">{fieldErrors.text.join(" ")}</p>}
        </div>
        <button type="submit" className={`btn-secondary ${BUSY}`} aria-disabled={pending !== null || undefined}>
          {pending === "preview" ? tCommon("checking") : t("csv.preview")}
        </button>
      </form>

      <div role="status" aria-live="polite">
        {message && <p className={message.ok ? "alert-success" : "alert-error"}>{message.text}</p>}
      </div>

      {preview && !preview.error && (
        <section aria-labelledby={ids.preview} className="space-y-3">
          <h3 id={ids.preview} className="font-semibold">
            {t("csv.previewHeading", { rows: preview.totals.rows, valid: preview.totals.valid, invalid: preview.totals.invalid })}
          </h3>
          <div className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800" role="region" aria-label={t("csv.rowsRegion")} tabIndex={0}>
            <table className="w-full text-left text-sm">
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("csv.line")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("csv.status")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("csv.cardOrErrors")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {preview.rows.map((row) => (
                  <tr key={row.line} className="align-top">
                    <td className="px-3 py-2 tabular-nums">{row.line}</td>
                    <td className="px-3 py-2">
                      {row.ok ? (
                        <span className="font-medium text-emerald-700 dark:text-emerald-400">{t("csv.ok")}</span>
                      ) : (
                        <span className="font-medium text-red-600 dark:text-red-400">{t("csv.error")}</span>
                      )}
                    </td>
                    <td className="px-3 py-2 break-words">
                      {row.ok ? (
                        <div className="space-y-0.5">
                          <div className="font-medium">{row.question.title}</div>
                          <div className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">{row.question.key}</div>
                          <div className="text-xs text-slate-600 dark:text-slate-400">
                            {row.question.tags.length > 0 ? t("csv.tags", { tags: row.question.tags.join(", ") }) : t("csv.noTags")}
                          </div>
                        </div>
                      ) : (
                        <div className="space-y-0.5">
                          {row.front && <div className="text-slate-600 dark:text-slate-400">{row.front.length > 120 ? `${row.front.slice(0, 119)}…` : row.front}</div>}
                          <ul className="list-disc pl-5 text-red-700 dark:text-red-300">
                            {row.errors.map((error, index) => <li key={index}>{serverMessage(error)}</li>)}
                          </ul>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {valid === 0 ? t("csv.noneValid") : preview.totals.invalid > 0 ? t("csv.someInvalid") : t("csv.allValid")}
          </p>
          <button type="button" className={`btn-primary ${BUSY}`} onClick={onImport} disabled={valid === 0} aria-disabled={pending !== null || undefined}>
            {pending === "import" ? t("csv.importing") : t("csv.import", { count: valid })}
          </button>
        </section>
      )}
    </div>
  );
}
