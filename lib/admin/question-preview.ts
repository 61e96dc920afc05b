/**
 * The editor's live preview: the draft rendered by the same Markdown pipeline (and sanitiser) learners get, the
 * validation problems from the content-file rules, and for numeric questions ten generated instances with their
 * answers and worked solutions, plus "try an answer" graded by the same checker learners are graded by.
 * Pure: nothing is read from or written to the database.
 */
import { z } from "zod";
import { questionDraftSchema, validateDraft, type DraftIssue, type QuestionDraft } from "@/lib/content/draft";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";
import {
  checkAnswer,
  fillPlaceholders,
  formatNumber,
  generateInstance,
  parseLearnerAnswer,
  renderSolution,
  unitLabel,
  type NumericTemplate,
} from "@/lib/numeric";

/** Seeds of the preview instances: fixed, so the same draft previews the same ten instances. */
export const PREVIEW_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface PreviewInstance {
  seed: number;
  promptHtml: string;
  answerText: string;
  solutionHtml: string;
}

export interface DraftPreview {
  issues: DraftIssue[];
  html: { prompt: string; answer: string; explanation: string };
  choices: Array<{ html: string; correct: boolean; whyHtml: string }>;
  /** Numeric drafts that pass validation: the instances; otherwise null. */
  instances: PreviewInstance[] | null;
  unit: string | null;
}

function safeRender(markdown: string, assetBaseUrl: string): string {
  try {
    return renderMarkdown(markdown, { assetBaseUrl });
  } catch {
    return "";
  }
}

function safeInline(markdown: string): string {
  try {
    return renderInlineMarkdown(markdown);
  } catch {
    return "";
  }
}

export function previewDraft(draft: QuestionDraft): DraftPreview {
  const base = `/content-assets/${/^[a-z0-9-]+$/.test(draft.deck) ? draft.deck : "unknown"}/`;
  const result = validateDraft(draft);
  const template = result.ok ? result.content.template : null;
  return {
    issues: result.ok ? [] : result.issues,
    html: { prompt: safeRender(draft.prompt, base), answer: safeRender(draft.answer, base), explanation: safeRender(draft.explanation, base) },
    choices: draft.kind === "multiple-choice" ? draft.choices.map((choice) => ({ html: safeInline(choice.text), correct: choice.correct, whyHtml: safeInline(choice.why) })) : [],
    instances: template ? PREVIEW_SEEDS.map((seed) => previewInstance(template, draft.prompt, seed, base)) : null,
    unit: template ? unitLabel(template.unit) : null,
  };
}

function previewInstance(template: NumericTemplate, prompt: string, seed: number, base: string): PreviewInstance {
  const instance = generateInstance(template, seed);
  return {
    seed,
    promptHtml: safeRender(fillPlaceholders(prompt, instance.values), base),
    answerText: formatNumber(instance.answer),
    solutionHtml: safeRender(renderSolution(template, instance), base),
  };
}

export const tryAnswerSchema = z.object({
  draft: questionDraftSchema,
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  answer: z.string().max(200),
});

export type TryAnswerResult =
  | { ok: false; message: string }
  | { ok: true; verdict: "correct" | "mistake" | "incorrect"; feedback: string | null; understood: string; correctAnswer: string };

/** Grades `answer` against the draft's instance for `seed`, exactly as a learner's answer would be graded. */
export function tryAnswer(input: z.infer<typeof tryAnswerSchema>): TryAnswerResult {
  const result = validateDraft(input.draft);
  if (!result.ok || !result.content.template) return { ok: false, message: "Fix the template first: the checker needs a valid numeric question." };
  const template = result.content.template;
  const parsed = parseLearnerAnswer(input.answer, template.unit);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const instance = generateInstance(template, input.seed);
  const check = checkAnswer(template, instance, parsed.value);
  return {
    ok: true,
    verdict: check.verdict,
    feedback: check.verdict === "mistake" ? check.feedback : null,
    understood: parsed.normalized,
    correctAnswer: formatNumber(instance.answer),
  };
}
