"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import type { CsvImportPreview } from "@/lib/admin/csv-flashcards";
import { applyCsvImportAction, previewCsvImportAction } from "./actions";
import { BUSY, NETWORK_ERROR, type Message } from "@/app/ui/form-bits";
import { plural } from "@/lib/format";

const tableHead = "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400";



function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Flashcards from CSV: choose a deck, upload or paste the CSV, preview every row, then import the valid rows.
 * The import sends the same text again and the server checks it again; the preview is never sent back.
 */
export function CsvImport({ decks, maxBytes }: { decks: Array<{ slug: string; title: string }>; maxBytes: number }) {
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
      setFieldErrors({ text: [`“${chosen.name}” is ${megabytes(chosen.size)}; the limit is ${megabytes(maxBytes)}.`] });
      input.value = "";
      return;
    }
    try {
      setText(await chosen.text());
      setFieldErrors({});
    } catch {
      setFieldErrors({ text: [`“${chosen.name}” could not be read.`] });
    }
  }

  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (text.trim() === "") {
      setFieldErrors({ text: ["Choose a CSV file or paste the CSV."] });
      return;
    }
    setPending("preview");
    setMessage(null);
    setPreview(null);
    try {
      const result = await previewCsvImportAction({ deck, text });
      setFieldErrors(result.fieldErrors ?? {});
      if (!result.ok || !result.data) {
        setMessage({ ok: false, text: result.message ?? "The CSV could not be checked." });
        return;
      }
      const checked = result.data;
      setPreview(checked);
      setMessage(
        checked.error
          ? { ok: false, text: checked.error }
          : {
              ok: checked.totals.valid > 0,
              text: `${plural(checked.totals.rows, "row", "rows")}: ${checked.totals.valid} ready to import, ${plural(checked.totals.invalid, "row has", "rows have")} errors. Nothing has been written yet.`,
            },
      );
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
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
        setMessage({ ok: false, text: result.message ?? "The flashcards were not imported." });
        return;
      }
      // Cleared so the same cards cannot be imported twice by accident (they would get new keys).
      setPreview(null);
      setText("");
      if (fileRef.current) fileRef.current.value = "";
      // The preview and its button are gone: keep keyboard focus in the form, ready for the next CSV.
      textRef.current?.focus();
      setMessage({ ok: true, text: result.message ?? `Imported ${plural(result.data.created, "flashcard", "flashcards")}.` });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(null);
    }
  }

  if (decks.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        There is no deck to import into yet.{" "}
        <Link href="/admin/decks" className="font-medium text-brand-600 hover:underline dark:text-brand-500">Create a deck</Link> first.
      </p>
    );
  }

  const valid = preview && !preview.error ? preview.totals.valid : 0;

  return (
    <div className="space-y-5">
      <div id={ids.format} className="space-y-1 text-sm text-slate-600 dark:text-slate-400">
        <p>
          Columns: <strong>front</strong>, <strong>back</strong>, <strong>tags</strong> (optional). A header row <code>front,back,tags</code> is optional.
          Separate tags with <code>;</code> or <code>,</code> (quote the cell when it contains commas).
        </p>
        <p>
          Put a cell with commas or line breaks in double quotes, and write <code>&quot;&quot;</code> for a quote inside it. Cards get difficulty 3 and can be
          edited afterwards.
        </p>
      </div>
      <form onSubmit={onPreview} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={ids.deck} className="field-label">Deck</label>
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
            <label htmlFor={ids.file} className="field-label">CSV file</label>
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
            <p id={ids.fileHint} className="mt-1 text-xs text-slate-500 dark:text-slate-400">Its text is put in the box below, where you can check it. At most {megabytes(maxBytes)}.</p>
          </div>
        </div>
        <div>
          <label htmlFor={ids.text} className="field-label">CSV</label>
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
            placeholder={'front,back,tags\n"What does a 1x1 convolution do?","Mixes channels at each position.",cnn;basics'}
            className="field-input font-mono text-sm"
            aria-invalid={fieldErrors.text ? true : undefined}
            aria-describedby={[ids.format, fieldErrors.text ? ids.textError : null].filter(Boolean).join(" ")}
          />
          {fieldErrors.text && <p id={ids.textError} className="field-error" role="alert">{fieldErrors.text.join(" ")}</p>}
        </div>
        <button type="submit" className={`btn-secondary ${BUSY}`} aria-disabled={pending !== null || undefined}>
          {pending === "preview" ? "Checking…" : "Preview"}
        </button>
      </form>

      <div role="status" aria-live="polite">
        {message && <p className={message.ok ? "alert-success" : "alert-error"}>{message.text}</p>}
      </div>

      {preview && !preview.error && (
        <section aria-labelledby={ids.preview} className="space-y-3">
          <h3 id={ids.preview} className="font-semibold">
            Preview: {plural(preview.totals.rows, "row", "rows")}, {preview.totals.valid} valid, {preview.totals.invalid} with errors
          </h3>
          <div className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800" role="region" aria-label="CSV rows" tabIndex={0}>
            <table className="w-full text-left text-sm">
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Line</th>
                  <th scope="col" className="px-3 py-2 font-medium">Status</th>
                  <th scope="col" className="px-3 py-2 font-medium">Card or errors</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {preview.rows.map((row) => (
                  <tr key={row.line} className="align-top">
                    <td className="px-3 py-2 tabular-nums">{row.line}</td>
                    <td className="px-3 py-2">
                      {row.ok ? (
                        <span className="font-medium text-emerald-700 dark:text-emerald-400">OK</span>
                      ) : (
                        <span className="font-medium text-red-600 dark:text-red-400">Error</span>
                      )}
                    </td>
                    <td className="px-3 py-2 break-words">
                      {row.ok ? (
                        <div className="space-y-0.5">
                          <div className="font-medium">{row.question.title}</div>
                          <div className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">{row.question.key}</div>
                          <div className="text-xs text-slate-600 dark:text-slate-400">
                            {row.question.tags.length > 0 ? `Tags: ${row.question.tags.join(", ")}` : "No tags"}
                          </div>
                        </div>
                      ) : (
                        <div className="space-y-0.5">
                          {row.front && <div className="text-slate-600 dark:text-slate-400">{row.front.length > 120 ? `${row.front.slice(0, 119)}…` : row.front}</div>}
                          <ul className="list-disc pl-5 text-red-700 dark:text-red-300">
                            {row.errors.map((error, index) => <li key={index}>{error}</li>)}
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
            {valid === 0
              ? "No row can be imported. Fix the errors and preview again."
              : preview.totals.invalid > 0
                ? `Rows with errors are skipped; fix them and preview again to include them.`
                : "Every row is ready."}
          </p>
          <button type="button" className={`btn-primary ${BUSY}`} onClick={onImport} disabled={valid === 0} aria-disabled={pending !== null || undefined}>
            {pending === "import" ? "Importing…" : `Import ${plural(valid, "flashcard", "flashcards")}`}
          </button>
        </section>
      )}
    </div>
  );
}
