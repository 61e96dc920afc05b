/**
 * Questions edited in the browser are checked by writing them as a content file and parsing that file: the
 * editor, `content:check` and the seed therefore apply exactly the same rules (zod schema, sections, numeric
 * template checks), and anything the editor accepts can be exported as a file and imported again unchanged.
 */
import { LineCounter, parseDocument, stringify } from "yaml";
import { z } from "zod";
import type { ContentIssue } from "./errors";
import { parseQuestionFile } from "./parse";
import { SECTION_MAX_LENGTH } from "./schema";
import { questionFileInput, type QuestionFileInput } from "./serialize";
import { englishFingerprint, isStale } from "./translations";

/** The Chinese texts of a draft; empty strings mean "not written yet" (an all-empty translation is none). */
export const translationDraftSchema = z.object({
  title: z.string().max(1000),
  prompt: z.string().max(SECTION_MAX_LENGTH * 2),
  answer: z.string().max(SECTION_MAX_LENGTH * 2),
  explanation: z.string().max(SECTION_MAX_LENGTH * 2),
  /** By English choice index: the translated text and reason. */
  choices: z.array(z.object({ text: z.string().max(5000), why: z.string().max(2000) })).max(20).default([]),
  solution: z.string().max(50_000).default(""),
  /** By template mistake index. */
  mistakes: z.array(z.object({ feedback: z.string().max(5000) })).max(50).default([]),
  /** The English fingerprint the stored translation was made from ("" for a new translation). */
  source: z.string().max(64).default(""),
  /**
   * The admin confirms the Chinese matches the English as saved (the editor ticks it when a Chinese field is
   * edited): `source` becomes the new English's fingerprint. Otherwise an English edit leaves the translation stale.
   */
  current: z.boolean().default(false),
});
export type TranslationDraft = z.infer<typeof translationDraftSchema>;

/** Transport bounds only (what a request may carry); the content rules come from the file format. */
export const questionDraftSchema = z.object({
  key: z.string().trim().max(200),
  deck: z.string().trim().max(200),
  kind: z.enum(["flashcard", "multiple-choice", "numeric"], { error: "Choose a kind." }),
  title: z.string().max(1000),
  tags: z.array(z.string().trim().max(100)).max(50),
  difficulty: z.number().int().min(0).max(10),
  choices: z
    .array(z.object({ text: z.string().max(5000), correct: z.boolean(), why: z.string().max(2000) }))
    .max(20)
    .default([]),
  /** The numeric template as YAML, exactly the `template:` block of a content file. */
  templateYaml: z.string().max(50_000).default(""),
  prompt: z.string().max(SECTION_MAX_LENGTH * 2),
  answer: z.string().max(SECTION_MAX_LENGTH * 2),
  explanation: z.string().max(SECTION_MAX_LENGTH * 2),
  /** The Chinese translation, or null for none. */
  translations: z.object({ zh: translationDraftSchema.nullable().default(null) }).default({ zh: null }),
});
export type QuestionDraft = z.infer<typeof questionDraftSchema>;

/** A problem in a draft, on the editor field it belongs to (`title`, `choices.1.why`, `template.answer`, `prompt`...). */
export interface DraftIssue {
  field: string;
  message: string;
}

export type DraftResult = { ok: true; content: QuestionFileInput } | { ok: false; issues: DraftIssue[] };

const SECTION_FIELDS: Record<string, string> = {
  Prompt: "prompt",
  Answer: "answer",
  Explanation: "explanation",
  "Prompt (zh)": "translations.zh.prompt",
  "Answer (zh)": "translations.zh.answer",
  "Explanation (zh)": "translations.zh.explanation",
};

/** True when a translation draft has any text (otherwise the question has no translation). */
export function hasTranslationText(draft: TranslationDraft | null): draft is TranslationDraft {
  if (!draft) return false;
  const texts = [draft.title, draft.prompt, draft.answer, draft.explanation, draft.solution, ...draft.choices.flatMap((choice) => [choice.text, choice.why]), ...draft.mistakes.map((mistake) => mistake.feedback)];
  return texts.some((text) => text.trim() !== "");
}

/** Validates a draft with the content-file rules; returns the question content or every problem found. */
export function validateDraft(draft: QuestionDraft): DraftResult {
  const issues: DraftIssue[] = [];
  const front: Record<string, unknown> = {
    key: draft.key,
    deck: draft.deck,
    kind: draft.kind,
    title: draft.title,
    tags: draft.tags,
    difficulty: draft.difficulty,
  };
  if (draft.kind === "multiple-choice") {
    // An empty "why" means none (a right choice needs none); the schema then asks for it on wrong ones.
    front.choices = draft.choices.map((choice) => ({ text: choice.text, ...(choice.correct ? { correct: true } : {}), ...(choice.why.trim() ? { why: choice.why } : {}) }));
  }
  if (draft.kind === "numeric") {
    const template = parseTemplateYaml(draft.templateYaml, issues);
    if (template === undefined) return { ok: false, issues };
    front.template = template;
  }
  const zh = hasTranslationText(draft.translations.zh) ? draft.translations.zh : null;
  const sectionTexts: Record<string, string> = {
    prompt: draft.prompt,
    answer: draft.answer,
    explanation: draft.explanation,
    "translations.zh.prompt": zh?.prompt ?? "",
    "translations.zh.answer": zh?.answer ?? "",
    "translations.zh.explanation": zh?.explanation ?? "",
  };
  for (const [name, field] of Object.entries(SECTION_FIELDS)) {
    const line = sectionHeadingLine(sectionTexts[field] ?? "");
    if (line !== null) issues.push({ field, message: `line ${line}: "## " headings are reserved for the file's sections; use ### inside ${name}` });
  }
  if (issues.length > 0) return { ok: false, issues };

  // The English alone first: a translation is checked against it, and its fingerprint becomes the source.
  const body = `## Prompt\n${draft.prompt.trim()}\n\n## Answer\n${draft.answer.trim()}\n\n## Explanation\n${draft.explanation.trim()}\n`;
  const english = parseQuestionFile("draft.md", `---\n${stringify(front, { lineWidth: 0 })}---\n${body}`);
  issues.push(...english.issues.map(toDraftIssue));
  if (!english.question || issues.length > 0) return { ok: false, issues: issues.length > 0 ? issues : [{ field: "form", message: "The question could not be read." }] };
  if (!zh) return { ok: true, content: questionFileInput(english.question) };

  const source = zh.current || !/^[0-9a-f]{16}$/.test(zh.source) ? englishFingerprint(english.question) : zh.source;
  front.translations = { zh: translationFront(draft, zh, source) };
  const translatedBody = `${body}\n## Prompt (zh)\n${zh.prompt.trim()}\n\n## Answer (zh)\n${zh.answer.trim()}\n\n## Explanation (zh)\n${zh.explanation.trim()}\n`;
  const parsed = parseQuestionFile("draft.md", `---\n${stringify(front, { lineWidth: 0 })}---\n${translatedBody}`);
  issues.push(...parsed.issues.map(toDraftIssue));
  if (!parsed.question || issues.length > 0) return { ok: false, issues: issues.length > 0 ? issues : [{ field: "form", message: "The question could not be read." }] };
  return { ok: true, content: questionFileInput(parsed.question) };
}

/** The front matter's `translations.zh` block from a draft: only the parts the question's kind has. */
function translationFront(draft: QuestionDraft, zh: TranslationDraft, source: string): Record<string, unknown> {
  const block: Record<string, unknown> = { source, title: zh.title };
  if (draft.kind === "multiple-choice") {
    block.choices = draft.choices.map((choice, index) => {
      const translated = zh.choices[index] ?? { text: "", why: "" };
      // A reason is translated where the English choice has one; an empty one is reported as missing.
      return { text: translated.text, ...(choice.why.trim() ? { why: translated.why } : {}) };
    });
  }
  if (draft.kind === "numeric") {
    block.solution = zh.solution;
    block.mistakes = zh.mistakes.map((mistake) => ({ feedback: mistake.feedback }));
  }
  return block;
}

function toDraftIssue(issue: ContentIssue): DraftIssue {
  const field = SECTION_FIELDS[issue.field] ?? (issue.field === "front matter" || issue.field === "body" ? "form" : issue.field);
  return { field, message: issue.message };
}

/** The template block as data, or undefined (with an issue on `template`) when it is not valid YAML. */
function parseTemplateYaml(text: string, issues: DraftIssue[]): unknown {
  if (text.trim() === "") {
    issues.push({ field: "template", message: "A numeric question needs a template." });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    issues.push({ field: "template", message: `line ${lineCounter.linePos(error.pos[0]).line}: invalid YAML: ${error.message.split("\n")[0]}` });
    return undefined;
  }
  return document.toJS();
}

/** The 1-based line of the first level-2 heading outside a code fence, or null (such a line would end the section). */
function sectionHeadingLine(markdown: string): number | null {
  let fence: string | null = null;
  const lines = markdown.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence === null && /^##[ \t]+\S/.test(line)) return index + 1;
  }
  return null;
}

/** The editor's starting point for a stored or parsed question (the inverse of {@link validateDraft}). */
export function draftFromContent(content: QuestionFileInput): QuestionDraft {
  return {
    key: content.key,
    deck: content.deck,
    kind: content.kind,
    title: content.title,
    tags: content.tags,
    difficulty: content.difficulty,
    choices: (content.choices ?? []).map((choice) => ({ text: choice.text, correct: choice.correct === true, why: choice.why ?? "" })),
    templateYaml: content.template ? stringify(content.template, { lineWidth: 0 }) : "",
    prompt: content.prompt,
    answer: content.answer,
    explanation: content.explanation,
    translations: { zh: translationDraftOf(content) },
  };
}

function translationDraftOf(content: QuestionFileInput): TranslationDraft | null {
  const zh = content.translations.zh;
  if (!zh) return null;
  return {
    title: zh.title,
    prompt: zh.prompt,
    answer: zh.answer,
    explanation: zh.explanation,
    choices: (content.choices ?? []).map((_, index) => ({ text: zh.choices?.[index]?.text ?? "", why: zh.choices?.[index]?.why ?? "" })),
    solution: zh.solution ?? "",
    mistakes: (content.template?.mistakes ?? []).map((_, index) => ({ feedback: zh.mistakes?.[index]?.feedback ?? "" })),
    source: zh.source,
    current: false,
  };
}

/** Whether a stored question's translation was made from older English (the editor shows a warning). */
export function translationIsStale(content: QuestionFileInput): boolean {
  const zh = content.translations.zh;
  return zh ? isStale(content, zh) : false;
}
