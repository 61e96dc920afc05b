"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { BUSY, type Message } from "@/app/ui/form-bits";
import { useServerMessage } from "@/app/ui/use-server-message";
import { formatMegabytes } from "@/lib/format";
import type { ApkgImportReport } from "@/lib/learner-data/import";
import { importApkgAction, previewApkgImportAction } from "./actions";
import { Counts } from "@/app/ui/counts";

/** What the package holds and what is left out: the same view for the dry run and the finished import. */
function ReportDetails({ report }: { report: ApkgImportReport }) {
  const t = useTranslations("account.data.report");
  const tCommon = useTranslations("common");
  // The reasons are written in English by lib/learner-data: translated with the server catalogue.
  const serverMessage = useServerMessage();
  const separator = tCommon("listSeparator");
  // "Already imported" is one of the skip groups, counted in its own box.
  const skippedCount = report.skipped.reduce((sum, group) => sum + group.count, 0) - report.alreadyImported;
  const media = report.removedMedia;
  const mediaParts = [
    media.images > 0 ? t("images", { count: media.images }) : null,
    media.sounds > 0 ? t("sounds", { count: media.sounds }) : null,
    media.other > 0 ? t("otherMedia", { count: media.other }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <div className="space-y-4">
      <Counts
        wide={4}
        items={[
          [t("notes"), report.notes],
          [report.deck ? t("cardsCreated") : t("cardsToCreate"), report.cards],
          [t("alreadyImported"), report.alreadyImported],
          [t("leftOut"), skippedCount],
        ]}
      />
      {report.noteTypes.length > 0 && (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">{t("noteTypes")}</h4>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800">
            {report.noteTypes.map((type) => (
              <li key={type.id} className="flex flex-col gap-0.5 px-3 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                <span className="font-medium break-words">{type.name}</span>
                <span className={type.kind === "unsupported" ? "text-amber-700 dark:text-amber-400" : "text-slate-600 dark:text-slate-400"}>
                  {type.kind === "unsupported"
                    ? t("noteTypeUnsupported", { kind: t(`kind.${type.kind}`), notes: type.notes, reason: type.reason ? serverMessage(type.reason) : t("notSupported") })
                    : t("noteTypeImported", { kind: t(`kind.${type.kind}`), notes: type.notes, cards: type.cards })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.skipped.length > 0 && (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">{t("leftOut")}</h4>
          <ul className="space-y-2 text-sm">
            {report.skipped.map((group) => (
              <li key={group.reason} className="rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800">
                <p>
                  {t.rich("skippedGroup", {
                    unit: group.unit,
                    count: group.count,
                    reason: serverMessage(group.reason),
                    amount: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
                  })}
                </p>
                {group.examples.length > 0 && (
                  <p className="mt-1 text-xs break-words text-slate-500 dark:text-slate-400">
                    {t("examples", { examples: group.examples.map((example) => t("example", { text: example })).join(separator) })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {mediaParts.length > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("media", { list: mediaParts.join(separator) })}</p>
      )}
    </div>
  );
}

/**
 * Import an .apkg: "Check package" uploads it for a dry run and shows what would be created and left out; "Import"
 * uploads the same file again and the server reads it again before writing (the report shown here is never sent).
 */
export function ApkgImport({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("account.data.import");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-file`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState<"check" | "import" | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [report, setReport] = useState<ApkgImportReport | null>(null);
  const [imported, setImported] = useState<ApkgImportReport | null>(null);

  // Importing replaces the dry run and its button: put focus on the result instead of losing it.
  useEffect(() => {
    if (imported) resultHeading.current?.focus();
  }, [imported]);

  function formFor(upload: File): FormData {
    const form = new FormData();
    form.set("file", upload);
    return form;
  }

  function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.currentTarget.files?.[0] ?? null;
    setReport(null);
    setImported(null);
    setMessage(null);
    if (chosen && chosen.size > maxBytes) {
      setFile(null);
      setFileError(t("fileTooLarge", { name: chosen.name, size: formatMegabytes(chosen.size), limit: formatMegabytes(maxBytes) }));
      event.currentTarget.value = "";
      return;
    }
    setFileError(null);
    setFile(chosen);
  }

  async function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!file) {
      setFileError(t("chooseFile"));
      inputRef.current?.focus();
      return;
    }
    setPending("check");
    setMessage(null);
    setReport(null);
    setImported(null);
    try {
      const result = await previewApkgImportAction(formFor(file));
      if (!result.ok || !result.data) {
        setFileError(result.fieldErrors?.file?.join(" ") ?? null);
        setMessage({ ok: false, text: result.message ?? t("checkFailed") });
        return;
      }
      const checked = result.data;
      setFileError(null);
      setReport(checked);
      setMessage(
        checked.cards > 0
          ? { ok: true, text: t("checked", { name: checked.fileName, count: checked.cards }) }
          : checked.alreadyImported > 0
            ? { ok: false, text: t("alreadyImportedAll", { name: checked.fileName }) }
            : { ok: false, text: t("nothingToImport", { name: checked.fileName }) },
      );
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(null);
    }
  }

  async function onImport() {
    if (pending || !file || !report || report.cards === 0) return;
    setPending("import");
    setMessage(null);
    try {
      const result = await importApkgAction(formFor(file));
      if (!result.ok || !result.data) {
        setMessage({ ok: false, text: result.message ?? t("importFailed") });
        return;
      }
      setReport(null);
      setImported(result.data);
      setMessage({ ok: true, text: result.message ?? t("imported") });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onCheck} noValidate className="space-y-4">
        <div>
          <label htmlFor={inputId} className="field-label">{t("fileLabel")}</label>
          <input
            ref={inputRef}
            id={inputId}
            name="file"
            type="file"
            accept=".apkg,application/octet-stream,application/zip"
            onChange={onFileChange}
            disabled={pending !== null}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[hintId, fileError ? errorId : null].filter(Boolean).join(" ")}
            className="field-input file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium dark:file:bg-slate-800 dark:file:text-slate-100"
          />
          <p id={hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("fileHint", { limit: formatMegabytes(maxBytes) })}</p>
          {fileError && <p id={errorId} className="field-error" role="alert">{fileError}</p>}
        </div>
        <button type="submit" className={`btn-secondary ${BUSY}`} aria-disabled={pending !== null || undefined}>
          {pending === "check" ? t("checking") : t("check")}
        </button>
      </form>

      <div role="status" aria-live="polite">
        {message && <p className={message.ok ? "alert-success" : "alert-error"}>{message.text}</p>}
      </div>

      {report && (
        <section aria-labelledby={`${id}-report`} className="space-y-4">
          <h3 id={`${id}-report`} className="font-semibold break-words">{t("dryRunTitle", { title: report.deckTitle })}</h3>
          <ReportDetails report={report} />
          {report.cards > 0 && (
            <div className="space-y-2">
              <p id={`${id}-import-note`} className="text-sm text-slate-600 dark:text-slate-400">{t("importNote")}</p>
              <button
                type="button"
                className={`btn-primary ${BUSY}`}
                onClick={onImport}
                aria-disabled={pending !== null || undefined}
                aria-describedby={`${id}-import-note`}
              >
                {pending === "import" ? t("importing") : t("importButton", { count: report.cards })}
              </button>
            </div>
          )}
        </section>
      )}

      {imported?.deck && (
        <section aria-labelledby={`${id}-result`} className="space-y-4">
          <h3 id={`${id}-result`} ref={resultHeading} tabIndex={-1} className="font-semibold break-words">{t("importedInto", { title: imported.deck.title })}</h3>
          <div className="flex flex-wrap gap-2">
            <Link href={`/decks/${imported.deck.slug}`} className="btn-primary">{t("openDeck")}</Link>
            <Link href="/study" className="btn-secondary">{t("studyNow")}</Link>
          </div>
          <ReportDetails report={imported} />
        </section>
      )}
    </div>
  );
}
