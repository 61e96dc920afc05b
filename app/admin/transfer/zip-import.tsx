"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { applyZipImportAction, checkZipImportAction, type ZipImportCheck, type ZipImportSummary } from "./actions";
import { BUSY, NETWORK_ERROR, type Message } from "@/app/ui/form-bits";
import { formatMegabytes, plural } from "@/lib/format";
import { Counts } from "@/app/ui/counts";

const CHANGE_LABEL: Record<ZipImportCheck["rows"][number]["type"], string> = {
  create: "Create",
  update: "Update",
  conflict: "Conflict (kept)",
  archive: "Archive",
};

const tableHead = "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400";
const scrollBox = "max-h-96 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800";

/**
 * Import a zip of the content folder: "Check" uploads it for a dry run, "Apply import" uploads the same file again
 * and the server plans it again before writing (the report shown here is never sent back).
 */
export function ZipImport({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-file`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const forceHintId = `${id}-force-hint`;
  const applyNoteId = `${id}-apply-note`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [force, setForce] = useState(false);
  const [pending, setPending] = useState<"check" | "apply" | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [report, setReport] = useState<ZipImportCheck | null>(null);
  const [summary, setSummary] = useState<ZipImportSummary | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);

  // Applying removes the report and its button: put focus on the result instead of losing it.
  useEffect(() => {
    if (summary) summaryHeading.current?.focus();
  }, [summary]);

  function formFor(upload: File, withForce: boolean): FormData {
    const form = new FormData();
    form.set("file", upload);
    form.set("force", String(withForce));
    return form;
  }

  function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.currentTarget.files?.[0] ?? null;
    setReport(null);
    setSummary(null);
    setMessage(null);
    if (chosen && chosen.size > maxBytes) {
      setFile(null);
      setFileError(`“${chosen.name}” is ${formatMegabytes(chosen.size)}; the limit is ${formatMegabytes(maxBytes)}.`);
      event.currentTarget.value = "";
      return;
    }
    setFileError(null);
    setFile(chosen);
  }

  async function runCheck(withForce: boolean) {
    if (pending) return;
    if (!file) {
      setFileError("Choose a .zip file of the content folder.");
      inputRef.current?.focus();
      return;
    }
    setPending("check");
    setMessage(null);
    setSummary(null);
    setReport(null);
    try {
      const result = await checkZipImportAction(formFor(file, withForce));
      if (!result.ok || !result.data) {
        setFileError(result.fieldErrors?.file?.join(" ") ?? null);
        setMessage({ ok: false, text: result.message ?? "The file could not be checked." });
        return;
      }
      const checked = result.data;
      setFileError(null);
      setReport(checked);
      const changes = checked.rows.length;
      setMessage(
        checked.issues.length > 0
          ? { ok: false, text: `Checked “${file.name}”: the files have ${plural(checked.issues.length, "problem", "problems")}, listed below. Fix them and check again.` }
          : { ok: true, text: `Checked “${file.name}”: ${changes === 0 ? "nothing to change" : plural(changes, "change", "changes")}. Nothing has been written yet.` },
      );
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(null);
    }
  }

  function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void runCheck(force);
  }

  function onForceChange(event: ChangeEvent<HTMLInputElement>) {
    // Not disabled while BUSY (that would drop keyboard focus); changes are ignored instead.
    if (pending) return;
    const next = event.currentTarget.checked;
    setForce(next);
    // The report must match what Apply would do: check again with the new setting.
    if (report && file) void runCheck(next);
  }

  async function onApply() {
    if (pending || !file || !report || report.issues.length > 0) return;
    setPending("apply");
    setMessage(null);
    try {
      const result = await applyZipImportAction(formFor(file, force));
      if (!result.ok || !result.data) {
        setMessage({ ok: false, text: result.message ?? "The import was not applied." });
        return;
      }
      setReport(null);
      setSummary(result.data);
      setMessage({ ok: result.data.failedDecks.length === 0, text: result.message ?? "Import applied." });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(null);
    }
  }

  const blocked = report !== null && report.issues.length > 0;
  const keptConflicts = report && !force ? report.counts.conflicts : 0;

  return (
    <div className="space-y-5">
      <form onSubmit={onCheck} noValidate className="space-y-4">
        <div>
          <label htmlFor={inputId} className="field-label">Content folder (.zip)</label>
          <input
            ref={inputRef}
            id={inputId}
            name="file"
            type="file"
            accept=".zip,application/zip,application/x-zip-compressed"
            onChange={onFileChange}
            disabled={pending !== null}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[hintId, fileError ? errorId : null].filter(Boolean).join(" ")}
            className="field-input file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium dark:file:bg-slate-800 dark:file:text-slate-100"
          />
          <p id={hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            A zip of the content folder or of its contents: <code>decks.yml</code> and <code>&lt;deck&gt;/&lt;key&gt;.md</code> files. At most {formatMegabytes(maxBytes)}.
            Other files are ignored.
          </p>
          {fileError && <p id={errorId} className="field-error" role="alert">{fileError}</p>}
        </div>
        <div>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" checked={force} onChange={onForceChange} aria-disabled={pending !== null || undefined} aria-describedby={forceHintId} className="mt-1" />
            <span className="font-medium">Overwrite questions edited in the browser (conflicts)</span>
          </label>
          <p id={forceHintId} className="mt-1 ml-7 text-xs text-slate-500 dark:text-slate-400">
            Without this, a question changed in the admin editor since its file was last imported keeps its browser version and is reported as a conflict.
          </p>
        </div>
        <button type="submit" className={`btn-secondary ${BUSY}`} aria-disabled={pending !== null || undefined}>{pending === "check" ? "Checking…" : "Check"}</button>
      </form>

      <div role="status" aria-live="polite">
        {message && <p className={message.ok ? "alert-success" : "alert-error"}>{message.text}</p>}
      </div>

      {report && (
        <section aria-labelledby={`${id}-report`} className="space-y-4">
          <h3 id={`${id}-report`} className="font-semibold">Dry run{report.decks.length > 0 ? ` · ${plural(report.decks.length, "deck", "decks")}: ${report.decks.join(", ")}` : ""}</h3>
          <Counts
        wide={5}
            items={[
              ["Created", report.counts.created],
              ["Updated", report.counts.updated],
              ["Unchanged", report.counts.unchanged],
              ["Conflicts", report.counts.conflicts],
              ["Archived", report.counts.archived],
            ]}
          />
          {report.counts.archived > 0 && (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Questions of these decks that are not in the zip are archived: learners stop seeing them, and their history is kept.
            </p>
          )}

          {report.issues.length > 0 && (
            <div className="space-y-2">
              <h4 className="text-sm font-semibold">Problems in the files ({report.issues.length})</h4>
              <div className={scrollBox} role="region" aria-label="Problems in the files" tabIndex={0}>
                <table className="w-full text-left text-sm">
                  <thead className={tableHead}>
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">File</th>
                      <th scope="col" className="px-3 py-2 font-medium">Line</th>
                      <th scope="col" className="px-3 py-2 font-medium">Field</th>
                      <th scope="col" className="px-3 py-2 font-medium">Problem</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                    {report.issues.map((issue, index) => (
                      <tr key={index} className="align-top">
                        <td className="px-3 py-2 font-mono text-xs break-all">{issue.file}</td>
                        <td className="px-3 py-2 tabular-nums">{issue.line ?? "–"}</td>
                        <td className="px-3 py-2 font-mono text-xs break-all">{issue.field}</td>
                        <td className="px-3 py-2 break-words">{issue.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}

          {report.rows.length > 0 ? (
            <div className="space-y-2">
              <h4 className="text-sm font-semibold">Changes ({report.rows.length})</h4>
              <div className={scrollBox} role="region" aria-label="Changes" tabIndex={0}>
                <table className="w-full text-left text-sm">
                  <thead className={tableHead}>
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">Change</th>
                      <th scope="col" className="px-3 py-2 font-medium">Deck</th>
                      <th scope="col" className="px-3 py-2 font-medium">Key</th>
                      <th scope="col" className="px-3 py-2 font-medium">File</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                    {report.rows.map((row, index) => (
                      <tr key={`${index}:${row.key}`} className="align-top">
                        <td className="px-3 py-2 whitespace-nowrap">{CHANGE_LABEL[row.type]}</td>
                        <td className="px-3 py-2 font-mono text-xs break-all">{row.deck}</td>
                        <td className="px-3 py-2 font-mono text-xs break-all">{row.key}</td>
                        <td className="px-3 py-2 font-mono text-xs break-all">{row.file ?? "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : (
            report.issues.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">Every question in the zip already matches the bank.</p>
          )}

          {report.ignored.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">{plural(report.ignored.length, "file was", "files were")} ignored</summary>
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Only decks.yml and Markdown files inside a deck folder are read.</p>
              <ul className="mt-2 max-h-48 list-disc space-y-0.5 overflow-auto pl-5 font-mono text-xs break-all">
                {report.ignored.map((path) => <li key={path}>{path}</li>)}
              </ul>
            </details>
          )}

          <div className="space-y-2">
            <p id={applyNoteId} className="text-sm text-slate-600 dark:text-slate-400">
              {blocked
                ? "The import cannot be applied while the files have problems. Fix them, then choose the file again and check it."
                : keptConflicts
                  ? `${plural(keptConflicts, "question was", "questions were")} edited in the browser and will keep the browser version. Tick “Overwrite questions edited in the browser” to replace ${keptConflicts === 1 ? "it" : "them"}.`
                  : "Applying uploads the file again; the server checks it again before writing."}
            </p>
            <button
              type="button"
              className={`btn-primary ${BUSY}`}
              onClick={onApply}
              disabled={blocked}
              aria-disabled={pending !== null || undefined}
              aria-describedby={applyNoteId}
            >
              {pending === "apply" ? "Importing…" : "Apply import"}
            </button>
          </div>
        </section>
      )}

      {summary && (
        <section aria-labelledby={`${id}-summary`} className="space-y-4">
          <h3 id={`${id}-summary`} ref={summaryHeading} tabIndex={-1} className="font-semibold">Import result</h3>
          <Counts
        wide={5}
            items={[
              ["Created", summary.created],
              ["Updated", summary.updated],
              ["Unchanged", summary.unchanged],
              ["Conflicts", summary.conflicts],
              ["Archived", summary.archived],
            ]}
          />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Decks: {summary.decksCreated} created, {summary.decksUpdated} updated.
            {summary.archiveSkipped ? " Nothing was archived because some files had problems." : ""}
          </p>
          {summary.failedDecks.length > 0 && (
            <div className="alert-error">
              <p>These decks could not be imported; their questions are as they were before. The server log has the details.</p>
              <ul className="mt-1 list-disc pl-5 font-mono text-xs">
                {summary.failedDecks.map((deck) => <li key={deck}>{deck}</li>)}
              </ul>
            </div>
          )}
          {summary.conflictKeys.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">{plural(summary.conflictKeys.length, "question kept its", "questions kept their")} browser version</summary>
              <ul className="mt-2 max-h-48 list-disc space-y-0.5 overflow-auto pl-5 font-mono text-xs break-all">
                {summary.conflictKeys.map((conflict) => <li key={conflict.key}>{conflict.key} ({conflict.file})</li>)}
              </ul>
            </details>
          )}
        </section>
      )}
    </div>
  );
}
