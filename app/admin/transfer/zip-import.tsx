"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { applyZipImportAction, checkZipImportAction, type ZipImportCheck, type ZipImportSummary } from "./actions";
import { BUSY, type Message } from "@/app/ui/form-bits";
import { formatMegabytes } from "@/lib/format";
import { Counts } from "@/app/ui/counts";

/** A planned change's type → its label in adminBank.transfer.zip. */
const CHANGE_LABEL = {
  create: "changeCreate",
  update: "changeUpdate",
  conflict: "changeConflict",
  archive: "changeArchive",
} as const satisfies Record<ZipImportCheck["rows"][number]["type"], string>;

/** The files a content folder holds, shown as they are named (not a message tag). */
const QUESTION_FILE_PATTERN = "<deck>/<key>.md";

const tableHead = "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400";
const scrollBox = "max-h-96 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800";

/**
 * Import a zip of the content folder: "Check" uploads it for a dry run, "Apply import" uploads the same file again
 * and the server plans it again before writing (the report shown here is never sent back).
 */
export function ZipImport({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("adminBank.transfer");
  const tCommon = useTranslations("adminBank.common");
  const tShared = useTranslations("common");
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
      setFileError(t("tooLarge", { name: chosen.name, size: formatMegabytes(chosen.size), max: formatMegabytes(maxBytes) }));
      event.currentTarget.value = "";
      return;
    }
    setFileError(null);
    setFile(chosen);
  }

  async function runCheck(withForce: boolean) {
    if (pending) return;
    if (!file) {
      setFileError(t("chooseZip"));
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
        setMessage({ ok: false, text: result.message ?? t("zip.notChecked") });
        return;
      }
      const checked = result.data;
      setFileError(null);
      setReport(checked);
      const changes = checked.rows.length;
      setMessage(
        checked.issues.length > 0
          ? { ok: false, text: t("zip.checkedProblems", { name: file.name, count: checked.issues.length }) }
          : { ok: true, text: changes === 0 ? t("zip.checkedNothing", { name: file.name }) : t("zip.checkedChanges", { name: file.name, count: changes }) },
      );
    } catch {
      setMessage({ ok: false, text: tShared("networkError") });
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
        setMessage({ ok: false, text: result.message ?? t("zip.notApplied") });
        return;
      }
      setReport(null);
      setSummary(result.data);
      setMessage({ ok: result.data.failedDecks.length === 0, text: result.message ?? t("importApplied") });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: tShared("networkError") });
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
          <label htmlFor={inputId} className="field-label">{t("zip.fileLabel")}</label>
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
            {t.rich("zip.fileHint", { code: (chunks) => <code>{chunks}</code>, pattern: QUESTION_FILE_PATTERN, max: formatMegabytes(maxBytes) })}
          </p>
          {fileError && <p id={errorId} className="field-error" role="alert">{fileError}</p>}
        </div>
        <div>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" checked={force} onChange={onForceChange} aria-disabled={pending !== null || undefined} aria-describedby={forceHintId} className="mt-1" />
            <span className="font-medium">{t("zip.force")}</span>
          </label>
          <p id={forceHintId} className="mt-1 ml-7 text-xs text-slate-500 dark:text-slate-400">
            {t("zip.forceHint")}
          </p>
        </div>
        <button type="submit" className={`btn-secondary ${BUSY}`} aria-disabled={pending !== null || undefined}>{pending === "check" ? tCommon("checking") : tCommon("check")}</button>
      </form>

      <div role="status" aria-live="polite">
        {message && <p className={message.ok ? "alert-success" : "alert-error"}>{message.text}</p>}
      </div>

      {report && (
        <section aria-labelledby={`${id}-report`} className="space-y-4">
          <h3 id={`${id}-report`} className="font-semibold">
            {report.decks.length > 0 ? t("zip.dryRunDecks", { count: report.decks.length, decks: report.decks.join(", ") }) : t("zip.dryRun")}
          </h3>
          <Counts
        wide={5}
            items={[
              [t("zip.created"), report.counts.created],
              [t("zip.updated"), report.counts.updated],
              [t("zip.unchanged"), report.counts.unchanged],
              [t("zip.conflicts"), report.counts.conflicts],
              [t("zip.archived"), report.counts.archived],
            ]}
          />
          {report.counts.archived > 0 && (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t("zip.archivedNote")}
            </p>
          )}

          {report.issues.length > 0 && (
            <div className="space-y-2">
              <h4 className="text-sm font-semibold">{t("zip.problemsHeading", { count: report.issues.length })}</h4>
              <div className={scrollBox} role="region" aria-label={t("zip.problemsRegion")} tabIndex={0}>
                <table className="w-full text-left text-sm">
                  <thead className={tableHead}>
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">{t("zip.file")}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t("zip.line")}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t("zip.field")}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t("zip.problem")}</th>
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
              <h4 className="text-sm font-semibold">{t("zip.changesHeading", { count: report.rows.length })}</h4>
              <div className={scrollBox} role="region" aria-label={t("zip.changesRegion")} tabIndex={0}>
                <table className="w-full text-left text-sm">
                  <thead className={tableHead}>
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">{t("zip.change")}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t("zip.deck")}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t("zip.key")}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t("zip.file")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                    {report.rows.map((row, index) => (
                      <tr key={`${index}:${row.key}`} className="align-top">
                        <td className="px-3 py-2 whitespace-nowrap">{t(`zip.${CHANGE_LABEL[row.type]}`)}</td>
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
            report.issues.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t("zip.allMatch")}</p>
          )}

          {report.ignored.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">{t("zip.ignored", { count: report.ignored.length })}</summary>
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("zip.ignoredNote")}</p>
              <ul className="mt-2 max-h-48 list-disc space-y-0.5 overflow-auto pl-5 font-mono text-xs break-all">
                {report.ignored.map((path) => <li key={path}>{path}</li>)}
              </ul>
            </details>
          )}

          <div className="space-y-2">
            <p id={applyNoteId} className="text-sm text-slate-600 dark:text-slate-400">
              {blocked ? t("zip.blocked") : keptConflicts ? t("zip.keptConflicts", { count: keptConflicts }) : t("zip.applyNote")}
            </p>
            <button
              type="button"
              className={`btn-primary ${BUSY}`}
              onClick={onApply}
              disabled={blocked}
              aria-disabled={pending !== null || undefined}
              aria-describedby={applyNoteId}
            >
              {pending === "apply" ? t("zip.importing") : t("zip.apply")}
            </button>
          </div>
        </section>
      )}

      {summary && (
        <section aria-labelledby={`${id}-summary`} className="space-y-4">
          <h3 id={`${id}-summary`} ref={summaryHeading} tabIndex={-1} className="font-semibold">{t("zip.resultHeading")}</h3>
          <Counts
        wide={5}
            items={[
              [t("zip.created"), summary.created],
              [t("zip.updated"), summary.updated],
              [t("zip.unchanged"), summary.unchanged],
              [t("zip.conflicts"), summary.conflicts],
              [t("zip.archived"), summary.archived],
            ]}
          />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t(summary.archiveSkipped ? "zip.decksSummaryArchiveSkipped" : "zip.decksSummary", { created: summary.decksCreated, updated: summary.decksUpdated })}
          </p>
          {summary.failedDecks.length > 0 && (
            <div className="alert-error">
              <p>{t("zip.failedDecks")}</p>
              <ul className="mt-1 list-disc pl-5 font-mono text-xs">
                {summary.failedDecks.map((deck) => <li key={deck}>{deck}</li>)}
              </ul>
            </div>
          )}
          {summary.conflictKeys.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">{t("zip.keptBrowser", { count: summary.conflictKeys.length })}</summary>
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
