"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { DraftPreview, TryAnswerResult } from "@/lib/admin/question-preview";
import { addedOrigin, alignTranslation, englishTextsKey, movedOrigin, rearrange, removedOrigin, type EnglishListChanges, type Origin } from "@/lib/admin/translation-draft";
import type { QuestionDraft } from "@/lib/content/draft";
import { useServerMessage } from "@/app/ui/use-server-message";
import { previewDraftAction, saveQuestionAction, tryAnswerAction } from "./actions";
import { errorsFor, FieldErrors, groupIssues, Labelled, type Errors } from "./editor-fields";
import { TemplateEditor } from "./template-editor";
import { TranslationEditor } from "./translation-editor";

interface Props {
  /** Absent for a new question. */
  question?: { id: string; version: number; affectedLearners: number; translationStale: boolean };
  initial: QuestionDraft;
  decks: Array<{ slug: string; title: string }>;
}

const KINDS = [
  { value: "flashcard", labelKey: "FLASHCARD" },
  { value: "multiple-choice", labelKey: "MULTIPLE_CHOICE" },
  { value: "numeric", labelKey: "NUMERIC" },
] as const;

/** Written into the hints as they are: `{{name}}` is template syntax, not a message argument. */
const PLACEHOLDER = "{{name}}";

const TEMPLATE_EXAMPLE = `variables:
  k: { choices: [3, 5] }
  c: { range: [16, 256], step: 16 }
answer: "k * k * c * c + c"
tolerance: { type: exact }
unit: parameters
mistakes:
  - when: "k * k * c * c"
    feedback: "You left out the {{c}} biases."
solution: "{{k}}·{{k}}·{{c}}·{{c}} + {{c}} = {{answer}}"
`;

const PREVIEW_DELAY_MS = 350;

/**
 * The question editor: every field of a content file, a live preview rendered by the server with the learners'
 * renderer, validation from the content-file rules as you type, and for numeric questions ten instances and a
 * "try an answer" box. Ctrl/Cmd+S saves.
 */
export function QuestionEditor({ question, initial, decks }: Props) {
  const t = useTranslations("adminBank");
  const router = useRouter();
  const [draft, setDraft] = useState<QuestionDraft>(initial);
  const [dirty, setDirty] = useState(false);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [saveErrors, setSaveErrors] = useState<Errors | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetCards, setResetCards] = useState(false);
  const [version, setVersion] = useState(question?.version);
  // The tags field keeps what was typed ("a, "), the draft gets the parsed list.
  const [tagsText, setTagsText] = useState(initial.tags.join(", "));
  // The translation's state as saved: stale when made from older English; the English it was last saved with.
  const [translationStale, setTranslationStale] = useState(question?.translationStale ?? false);
  const [savedEnglish, setSavedEnglish] = useState(() => englishTextsKey(initial));
  const englishEdited = useMemo(() => englishTextsKey(draft) !== savedEnglish, [draft, savedEnglish]);
  const requestNumber = useRef(0);

  // Debounced preview: the newest request wins, older answers are dropped.
  useEffect(() => {
    const number = ++requestNumber.current;
    const timer = setTimeout(async () => {
      try {
        const result = await previewDraftAction(draft);
        if (number !== requestNumber.current) return;
        if (result.ok && result.data) {
          setPreview(result.data);
          setPreviewError(null);
        } else {
          setPreviewError(result.message ?? t("editor.previewUnavailable"));
        }
      } catch {
        if (number === requestNumber.current) setPreviewError(t("editor.previewUnreachable"));
      }
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, t]);

  // The translation follows the English choices and template mistakes (moved, removed, added: see `changes`).
  const update = (patch: Partial<QuestionDraft>, changes?: EnglishListChanges) => {
    setDraft((current) => alignTranslation({ ...current, ...patch }, changes));
    setDirty(true);
    setSaveErrors(null);
  };

  // Live problems once the admin has typed; after a failed save, the server's answer.
  const errors: Errors = saveErrors ?? (dirty && preview ? groupIssues(preview.issues) : {});

  async function save() {
    if (saving) return;
    setSaving(true);
    setMessage(null);
    const sent = draft;
    try {
      const result = await saveQuestionAction({ id: question?.id, expectedVersion: version, draft: sent, resetCards });
      if (!result.ok) {
        setSaveErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.message ?? t("editor.notSaved") });
        return;
      }
      setDirty(false);
      setMessage({ ok: true, text: result.message ?? t("common.saved") });
      if (!question && result.data) {
        router.push(`/admin/questions/${result.data.id}?created=1`);
        return;
      }
      if (result.data) setVersion(result.data.version);
      savedTranslation(sent, result.data?.translation ?? null);
      setResetCards(false);
      router.refresh();
    } catch {
      setMessage({ ok: false, text: t("editor.unreachable") });
    } finally {
      setSaving(false);
    }
  }

  /**
   * After a save: the translation now records the saved source, "matches this English" starts unticked again
   * (unless the admin edited the Chinese while saving), and the stale warning shows the saved state.
   */
  function savedTranslation(sent: QuestionDraft, saved: { source: string; stale: boolean } | null) {
    setTranslationStale(saved?.stale ?? false);
    setSavedEnglish(englishTextsKey(sent));
    if (!saved) return;
    setDraft((current) => {
      const zh = current.translations.zh;
      if (!zh) return current;
      return { ...current, translations: { ...current.translations, zh: { ...zh, source: saved.source, current: zh === sent.translations.zh ? false : zh.current } } };
    });
  }

  // Ctrl/Cmd+S saves from anywhere on the page (by submitting the form, so it runs the current state's save).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  const textarea = "field-input font-mono text-sm leading-relaxed";
  const sectionField = (name: "prompt" | "answer" | "explanation", label: string, hint: string) => (
    <Labelled id={`q-${name}`} label={label} hint={hint} errors={errorsFor(errors, name)}>
      <textarea
        id={`q-${name}`}
        value={draft[name]}
        onChange={(event) => update({ [name]: event.target.value })}
        rows={name === "explanation" ? 8 : 5}
        className={textarea}
        aria-invalid={errorsFor(errors, name).length > 0 || undefined}
        aria-describedby={errorsFor(errors, name).length > 0 ? `q-${name}-error` : undefined}
      />
    </Labelled>
  );

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        ref={formRef}
        className="min-w-0 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        aria-label={t("editor.formLabel")}
      >
        <div className="card space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Labelled id="q-key" label={t("fields.key")} hint={question ? t("editor.keyHintFixed") : t("editor.keyHintNew")} errors={errorsFor(errors, "key")}>
              <input id="q-key" value={draft.key} onChange={(event) => update({ key: event.target.value })} disabled={Boolean(question)} className="field-input font-mono" autoComplete="off" />
            </Labelled>
            <Labelled id="q-deck" label={t("fields.deck")} errors={errorsFor(errors, "deck")}>
              <select id="q-deck" value={draft.deck} onChange={(event) => update({ deck: event.target.value })} className="field-input">
                {!decks.some((deck) => deck.slug === draft.deck) && <option value={draft.deck}>{t("editor.chooseDeck")}</option>}
                {decks.map((deck) => <option key={deck.slug} value={deck.slug}>{deck.title}</option>)}
              </select>
            </Labelled>
            <Labelled id="q-kind" label={t("fields.kind")} errors={errorsFor(errors, "kind")}>
              <select
                id="q-kind"
                value={draft.kind}
                onChange={(event) => {
                  const kind = event.target.value as QuestionDraft["kind"];
                  update({
                    kind,
                    ...(kind === "multiple-choice" && draft.choices.length === 0 ? { choices: [{ text: "", correct: true, why: "" }, { text: "", correct: false, why: "" }] } : {}),
                    ...(kind === "numeric" && draft.templateYaml.trim() === "" ? { templateYaml: TEMPLATE_EXAMPLE } : {}),
                  });
                }}
                className="field-input"
              >
                {KINDS.map((kind) => <option key={kind.value} value={kind.value}>{t(`kinds.${kind.labelKey}`)}</option>)}
              </select>
            </Labelled>
            <Labelled id="q-difficulty" label={t("fields.difficulty")} errors={errorsFor(errors, "difficulty")}>
              <select id="q-difficulty" value={draft.difficulty} onChange={(event) => update({ difficulty: Number(event.target.value) })} className="field-input">
                {[1, 2, 3, 4, 5].map((level) => <option key={level} value={level}>{level === 1 ? t("editor.easiest", { level }) : level === 5 ? t("editor.hardest", { level }) : level}</option>)}
              </select>
            </Labelled>
          </div>
          <Labelled id="q-title" label={t("fields.title")} errors={errorsFor(errors, "title")}>
            <input id="q-title" value={draft.title} onChange={(event) => update({ title: event.target.value })} className="field-input" />
          </Labelled>
          <Labelled id="q-tags" label={t("fields.tags")} hint={t("editor.tagsHint")} errors={errorsFor(errors, "tags")}>
            <input
              id="q-tags"
              value={tagsText}
              onChange={(event) => {
                setTagsText(event.target.value);
                update({ tags: event.target.value.split(",").map((tag) => tag.trim()).filter(Boolean) });
              }}
              className="field-input"
            />
          </Labelled>
        </div>

        <div className="card space-y-4">
          {sectionField("prompt", t("fields.prompt"), draft.kind === "numeric" ? t("editor.promptHintNumeric", { placeholder: PLACEHOLDER }) : t("editor.promptHint"))}
          {draft.kind === "multiple-choice" && <ChoicesEditor choices={draft.choices} errors={errors} onChange={(choices, origin) => update({ choices }, { choices: origin })} />}
          {draft.kind === "numeric" && <TemplateEditor yaml={draft.templateYaml} onChange={(templateYaml, mistakes) => update({ templateYaml }, { mistakes })} errors={errors} />}
          {sectionField("answer", t("fields.answer"), t("editor.answerHint"))}
          {sectionField("explanation", t("fields.explanation"), t("editor.explanationHint"))}
        </div>

        <TranslationEditor draft={draft} errors={errors} stale={translationStale} englishEdited={englishEdited} onChange={(zh) => update({ translations: { zh } })} />

        <FieldErrors id="q-form-error" messages={errorsFor(errors, "form")} />
        <div className="card space-y-3">
          {question && question.affectedLearners > 0 && (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" checked={resetCards} onChange={(event) => setResetCards(event.target.checked)} className="mt-0.5 h-4 w-4" />
              <span>{t.rich("editor.resetCards", { count: question.affectedLearners, strong: (chunks) => <strong>{chunks}</strong> })}</span>
            </label>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn-primary" disabled={saving} aria-keyshortcuts="Control+S">
              {saving ? t("common.saving") : question ? t("common.saveChanges") : t("editor.createQuestion")}
            </button>
            <span className="text-xs text-slate-500 dark:text-slate-400">
              {dirty ? t("editor.unsaved") : version ? t("editor.version", { version }) : ""}
            </span>
          </div>
          <div role="status" aria-live="polite">
            {message && <p className={message.ok ? "alert-success" : "alert-error"}>{message.text}</p>}
          </div>
        </div>
      </form>

      <PreviewPanel draft={draft} preview={preview} error={previewError} />
    </div>
  );
}

/** `origin` says where each choice came from when choices move, go or come (the translation follows it). */
function ChoicesEditor({ choices, errors, onChange }: { choices: QuestionDraft["choices"]; errors: Errors; onChange: (choices: QuestionDraft["choices"], origin?: Origin) => void }) {
  const t = useTranslations("adminBank.choices");
  const tCommon = useTranslations("adminBank.common");
  const set = (index: number, patch: Partial<QuestionDraft["choices"][number]>) => onChange(choices.map((choice, i) => (i === index ? { ...choice, ...patch } : choice)));
  const rearranged = (origin: Origin) => onChange(rearrange(choices, origin, () => ({ text: "", correct: false, why: "" })), origin);
  const move = (index: number, by: number) => rearranged(movedOrigin(choices.length, index, by));
  return (
    <fieldset className="space-y-3">
      <legend className="field-label">{t("legend")}</legend>
      <FieldErrors id="q-choices-error" messages={errorsFor(errors, "choices", { nested: false })} />
      {choices.map((choice, index) => (
        <div key={index} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="text-sm font-medium">{t("choice", { number: index + 1 })}</span>
            <div className="flex gap-1">
              <button type="button" className="btn-ghost px-2 py-1 text-xs" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t("moveUp", { number: index + 1 })}>↑</button>
              <button type="button" className="btn-ghost px-2 py-1 text-xs" onClick={() => move(index, 1)} disabled={index === choices.length - 1} aria-label={t("moveDown", { number: index + 1 })}>↓</button>
              <button type="button" className="btn-ghost px-2 py-1 text-xs text-red-700 dark:text-red-300" onClick={() => rearranged(removedOrigin(choices.length, index))} aria-label={t("remove", { number: index + 1 })}>{tCommon("remove")}</button>
            </div>
          </div>
          <label htmlFor={`q-choice-${index}`} className="sr-only">{t("text", { number: index + 1 })}</label>
          <input id={`q-choice-${index}`} value={choice.text} onChange={(event) => set(index, { text: event.target.value })} placeholder={t("textPlaceholder")} className="field-input" />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={choice.correct} onChange={(event) => set(index, { correct: event.target.checked })} className="h-4 w-4" />
            {t("correct")}
          </label>
          <label htmlFor={`q-why-${index}`} className="sr-only">{choice.correct ? t("whyRight", { number: index + 1 }) : t("whyWrong", { number: index + 1 })}</label>
          <input
            id={`q-why-${index}`}
            value={choice.why}
            onChange={(event) => set(index, { why: event.target.value })}
            placeholder={choice.correct ? t("whyRightPlaceholder") : t("whyWrongPlaceholder")}
            className="field-input"
          />
          <FieldErrors id={`q-choice-${index}-error`} messages={errorsFor(errors, `choices.${index}`)} />
        </div>
      ))}
      <button type="button" className="btn-secondary" onClick={() => rearranged(addedOrigin(choices.length))} disabled={choices.length >= 6}>
        {t("add")}
      </button>
    </fieldset>
  );
}

function Html({ html, emptyText }: { html: string; emptyText: string }) {
  // The server rendered and sanitised this with the learners' pipeline (lib/markdown).
  return html ? <div className="prose-receptive" dangerouslySetInnerHTML={{ __html: html }} /> : <p className="text-sm italic text-slate-500">{emptyText}</p>;
}

function PreviewPanel({ draft, preview, error }: { draft: QuestionDraft; preview: DraftPreview | null; error: string | null }) {
  const t = useTranslations("adminBank");
  return (
    <aside className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto" aria-label={t("preview.ariaLabel")}>
      <div className="card space-y-4">
        <div className="flex items-center justify-between gap-2">
          <h2 className="font-semibold">{t("preview.heading")}</h2>
          <span className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
            {error ? error : !preview ? t("preview.rendering") : preview.issues.length === 0 ? t("preview.valid") : t("preview.problems", { count: preview.issues.length })}
          </span>
        </div>
        <h3 className="text-lg font-semibold">{draft.title || <span className="italic text-slate-500">{t("preview.untitled")}</span>}</h3>
        {preview && (
          <>
            <Html html={preview.html.prompt} emptyText={t("preview.emptyPrompt")} />
            {preview.choices.length > 0 && (
              <ol className="space-y-2">
                {preview.choices.map((choice, index) => (
                  <li key={index} className={`rounded-lg border p-3 text-sm ${choice.correct ? "border-emerald-400 dark:border-emerald-700" : "border-slate-200 dark:border-slate-800"}`}>
                    <span className="mr-2 font-mono text-xs text-slate-500">{index + 1}</span>
                    <span dangerouslySetInnerHTML={{ __html: choice.html }} />
                    {choice.correct && <span className="ml-2 text-xs font-medium text-emerald-700 dark:text-emerald-300">{t("preview.correct")}</span>}
                    {choice.whyHtml && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" dangerouslySetInnerHTML={{ __html: choice.whyHtml }} />}
                  </li>
                ))}
              </ol>
            )}
            <div className="border-t border-slate-200 pt-3 dark:border-slate-800">
              <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{t("fields.answer")}</p>
              <Html html={preview.html.answer} emptyText={t("preview.emptyAnswer")} />
            </div>
            <div className="border-t border-slate-200 pt-3 dark:border-slate-800">
              <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{t("fields.explanation")}</p>
              <Html html={preview.html.explanation} emptyText={t("preview.emptyExplanation")} />
            </div>
          </>
        )}
      </div>
      {draft.kind === "numeric" && <NumericPreview draft={draft} preview={preview} />}
    </aside>
  );
}

function NumericPreview({ draft, preview }: { draft: QuestionDraft; preview: DraftPreview | null }) {
  const t = useTranslations("adminBank");
  // The checker's refusals ("Fix the template first…", an unreadable answer) are written in English by lib/.
  const serverMessage = useServerMessage();
  const [seed, setSeed] = useState(1);
  const [answer, setAnswer] = useState("");
  const [result, setResult] = useState<TryAnswerResult | null>(null);
  const [pending, setPending] = useState(false);
  const instances = preview?.instances ?? null;

  async function check() {
    setPending(true);
    try {
      const response = await tryAnswerAction({ draft, seed, answer });
      setResult(response.ok && response.data ? response.data : { ok: false, message: response.message ?? t("numeric.checkerUnavailable") });
    } catch {
      setResult({ ok: false, message: t("common.unreachable") });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="card space-y-4">
      <h2 className="font-semibold">{t("numeric.heading")}</h2>
      {!instances ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("numeric.notValid")}</p>
      ) : (
        <>
          <ol className="space-y-2">
            {instances.map((instance) => (
              <li key={instance.seed}>
                <details className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
                  <summary className="cursor-pointer">
                    {t.rich("numeric.instanceSummary", {
                      seed: instance.seed,
                      answer: instance.answerText,
                      unit: preview?.unit ?? "",
                      strong: (chunks) => <strong className="tabular-nums">{chunks}</strong>,
                    })}
                  </summary>
                  <div className="mt-2 space-y-2">
                    <div className="prose-receptive" dangerouslySetInnerHTML={{ __html: instance.promptHtml }} />
                    <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("numeric.workedSolution")}</p>
                    <div className="prose-receptive" dangerouslySetInnerHTML={{ __html: instance.solutionHtml }} />
                  </div>
                </details>
              </li>
            ))}
          </ol>
          <form
            className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-800"
            onSubmit={(event) => {
              event.preventDefault();
              void check();
            }}
            aria-label={t("numeric.tryAnswer")}
          >
            <h3 className="text-sm font-semibold">{t("numeric.tryAnswer")}</h3>
            <div className="flex flex-wrap gap-2">
              <label htmlFor="try-seed" className="sr-only">{t("numeric.instance")}</label>
              <select id="try-seed" value={seed} onChange={(event) => setSeed(Number(event.target.value))} className="field-input w-auto">
                {instances.map((instance) => <option key={instance.seed} value={instance.seed}>{t("numeric.instanceOption", { seed: instance.seed })}</option>)}
              </select>
              <label htmlFor="try-answer" className="sr-only">{t("numeric.answerToCheck")}</label>
              <input id="try-answer" value={answer} onChange={(event) => setAnswer(event.target.value)} placeholder={t("numeric.answerPlaceholder")} className="field-input min-w-0 flex-1" />
              <button type="submit" className="btn-secondary" disabled={pending || answer.trim() === ""}>{pending ? t("common.checking") : t("common.check")}</button>
            </div>
            <div role="status" aria-live="polite" className="text-sm">
              {result && !result.ok && <p className="alert-error">{serverMessage(result.message)}</p>}
              {result?.ok && (
                <p className={result.verdict === "correct" ? "alert-success" : "alert-error"}>
                  {t("numeric.result", {
                    verdict: result.verdict === "correct" ? t("numeric.verdictCorrect") : result.verdict === "mistake" ? t("numeric.verdictMistake") : t("numeric.verdictIncorrect"),
                    understood: result.understood,
                    correctAnswer: result.correctAnswer,
                  })}
                  {result.feedback && <span className="mt-1 block">{t("numeric.feedback", { feedback: result.feedback })}</span>}
                </p>
              )}
            </div>
          </form>
        </>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">{t("numeric.seedsNote")}</p>
    </div>
  );
}
