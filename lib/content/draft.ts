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
});
export type QuestionDraft = z.infer<typeof questionDraftSchema>;

/** A problem in a draft, on the editor field it belongs to (`title`, `choices.1.why`, `template.answer`, `prompt`...). */
export interface DraftIssue {
  field: string;
  message: string;
}

export type DraftResult = { ok: true; content: QuestionFileInput } | { ok: false; issues: DraftIssue[] };

const SECTION_FIELDS: Record<string, string> = { Prompt: "prompt", Answer: "answer", Explanation: "explanation" };

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
  for (const [name, field] of Object.entries(SECTION_FIELDS)) {
    const line = sectionHeadingLine(draft[field as "prompt" | "answer" | "explanation"]);
    if (line !== null) issues.push({ field, message: `line ${line}: "## " headings are reserved for the file's sections; use ### inside ${name}` });
  }
  if (issues.length > 0) return { ok: false, issues };

  const text = `---\n${stringify(front, { lineWidth: 0 })}---\n## Prompt\n${draft.prompt.trim()}\n\n## Answer\n${draft.answer.trim()}\n\n## Explanation\n${draft.explanation.trim()}\n`;
  const parsed = parseQuestionFile("draft.md", text);
  issues.push(...parsed.issues.map(toDraftIssue));
  if (!parsed.question || issues.length > 0) return { ok: false, issues: issues.length > 0 ? issues : [{ field: "form", message: "The question could not be read." }] };
  return { ok: true, content: questionFileInput(parsed.question) };
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
  };
}
