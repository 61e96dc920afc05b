/**
 * What changed between two saved revisions of a question (QuestionRevision.snapshot, written by lib/bank/seed.ts
 * and the admin editor), in a form an admin page can render without knowing the snapshot format.
 * Framework-free: no Prisma, no `next/*`.
 */
import { diffLines } from "diff";
import { Document, isScalar, visit } from "yaml";
import { z } from "zod";

/**
 * Snapshots are JSON from the database, possibly written by an older version of the app, so this schema only
 * checks the shape a diff needs. In particular the template is kept as the stored object (not re-validated with
 * the numeric schema): an old revision must stay readable even after template rules tighten, and a restore can
 * still run `fromStoredTemplate` on it (which needs `variableOrder`, kept here when present).
 */
const snapshotSchema = z.object({
  deck: z.string(),
  kind: z.enum(["flashcard", "multiple-choice", "numeric"]),
  title: z.string(),
  tags: z.array(z.string()),
  difficulty: z.number(),
  choices: z
    .array(
      z.object({
        text: z.string(),
        // JSON may hold null for an absent flag or reason; treat anything but the right type as absent.
        correct: z.boolean().optional().catch(undefined),
        why: z.string().optional().catch(undefined),
      }),
    )
    .nullable()
    .default(null),
  template: z.record(z.string(), z.unknown()).nullable().default(null),
  prompt: z.string(),
  answer: z.string(),
  explanation: z.string(),
  // Other languages (lib/content/translations.ts); absent in revisions from before translations existed.
  translations: z.record(z.string(), z.unknown()).optional().catch(undefined),
  // The content file a seed revision came from; absent for editor revisions, and not worth rejecting a row over.
  source: z.string().optional().catch(undefined),
});

/** One stored revision of a question: the `snapshot()` shape of lib/bank/seed.ts. */
export type RevisionSnapshot = z.infer<typeof snapshotSchema>;

/** Reads a QuestionRevision.snapshot; null when the JSON does not have the snapshot shape. */
export function parseRevisionSnapshot(value: unknown): RevisionSnapshot | null {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type RevisionField = "title" | "deck" | "kind" | "tags" | "difficulty" | "choices" | "template" | "prompt" | "answer" | "explanation" | "translations";

/** A line of a line diff; `skip` stands for `count` unchanged lines left out between the shown context. */
export type DiffLine = { op: "add" | "remove" | "same"; text: string } | { op: "skip"; count: number };

export type FieldChange = { field: RevisionField; label: string } & (
  | { type: "value"; before: string; after: string }
  | { type: "lines"; lines: DiffLine[] }
);

/** Unchanged lines shown before and after each change in a line diff. */
export const DIFF_CONTEXT_LINES = 3;

// Short fields are shown as "before → after"; the order here is the order of the returned changes.
const VALUE_FIELDS: ReadonlyArray<{ field: RevisionField; label: string; text: (snapshot: RevisionSnapshot) => string }> = [
  { field: "title", label: "Title", text: (snapshot) => snapshot.title },
  { field: "deck", label: "Deck", text: (snapshot) => snapshot.deck },
  { field: "kind", label: "Kind", text: (snapshot) => snapshot.kind },
  { field: "tags", label: "Tags", text: (snapshot) => snapshot.tags.join(", ") },
  { field: "difficulty", label: "Difficulty", text: (snapshot) => String(snapshot.difficulty) },
];

// Long fields are diffed line by line; choices and template as stable YAML so a reviewer can read them.
const LINE_FIELDS: ReadonlyArray<{ field: RevisionField; label: string; text: (snapshot: RevisionSnapshot) => string }> = [
  { field: "choices", label: "Choices", text: (snapshot) => (snapshot.choices ? toYaml(snapshot.choices.map(normaliseChoice)) : "") },
  { field: "template", label: "Template", text: (snapshot) => (snapshot.template ? toYaml(normaliseTemplate(snapshot.template)) : "") },
  { field: "prompt", label: "Prompt", text: (snapshot) => snapshot.prompt },
  { field: "answer", label: "Answer", text: (snapshot) => snapshot.answer },
  { field: "explanation", label: "Explanation", text: (snapshot) => snapshot.explanation },
  { field: "translations", label: "Translations", text: (snapshot) => (snapshot.translations && Object.keys(snapshot.translations).length > 0 ? toYaml(snapshot.translations) : "") },
];

/**
 * The fields that differ between two revisions, in the order title, deck, kind, tags, difficulty, choices,
 * template, prompt, answer, explanation. Unchanged fields are left out. For the first revision (`before` null)
 * every non-empty field is reported as added. Choices and templates are compared as stable YAML (fixed key
 * order, variables by name), so jsonb reordering object keys is not a change.
 */
export function diffSnapshots(before: RevisionSnapshot | null, after: RevisionSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, label, text } of VALUE_FIELDS) {
    const old = before ? text(before) : "";
    const now = text(after);
    if (old !== now) changes.push({ field, label, type: "value", before: old, after: now });
  }
  for (const { field, label, text } of LINE_FIELDS) {
    const old = before ? text(before) : "";
    const now = text(after);
    if (old !== now) changes.push({ field, label, type: "lines", lines: collapseContext(lineDiff(old, now)) });
  }
  return changes;
}

/**
 * Whether a revision changes what decides if a learner's answer is right, so past reviews may no longer mean the
 * same (an admin may want to reset learners' progress on it). Material:
 * - `kind`;
 * - the answer text (what flashcard learners compare themselves with);
 * - the choices' text or `correct` flags, including their order (answers are submitted as a choice index),
 *   adding or removing a choice; a changed `why` alone is not material (it only explains a wrong pick);
 * - any template field but `solution`: variables, constraints, answer expression, tolerance, unit and mistakes
 *   (mistake feedback too: it is part of the grading a learner sees). Variable order (`variableOrder`, or key
 *   order) is not compared: jsonb does not keep it, and it changes which numbers are drawn, not what is right.
 * Not material on their own: title, deck, tags, difficulty, prompt, explanation, the template's solution,
 * choices' `why`. The first revision (`before` null) is material.
 */
export function isMaterialChange(before: RevisionSnapshot | null, after: RevisionSnapshot): boolean {
  if (!before) return true;
  if (before.kind !== after.kind || before.answer !== after.answer) return true;
  if (gradedChoices(before) !== gradedChoices(after)) return true;
  return gradedTemplate(before) !== gradedTemplate(after);
}

function gradedChoices(snapshot: RevisionSnapshot): string {
  return JSON.stringify(snapshot.choices?.map((choice) => [choice.text, choice.correct === true]) ?? null);
}

function gradedTemplate(snapshot: RevisionSnapshot): string {
  if (!snapshot.template) return "null";
  const graded = normaliseTemplate(snapshot.template);
  delete graded.solution;
  return JSON.stringify(graded);
}

/** A choice with its keys in reading order and absent flags left out. */
function normaliseChoice(choice: NonNullable<RevisionSnapshot["choices"]>[number]): Record<string, unknown> {
  return {
    text: choice.text,
    ...(choice.correct !== undefined ? { correct: choice.correct } : {}),
    ...(choice.why !== undefined ? { why: choice.why } : {}),
  };
}

// The order of content/README.md, so the YAML reads like the content file.
const TEMPLATE_KEYS = ["variables", "constraints", "answer", "tolerance", "unit", "mistakes", "solution"];
const VARIABLE_KEYS = ["choices", "range", "step", "derive"];

/**
 * A template with a fixed key order at every level and without `variableOrder` (storage metadata), so two
 * revisions that differ only in how jsonb ordered their keys render identically. Variables are sorted by name.
 */
function normaliseTemplate(template: Record<string, unknown>): Record<string, unknown> {
  // The schema's defaults, so a template stored without them equals one stored with them.
  const result = ordered({ constraints: [], mistakes: [], ...template }, TEMPLATE_KEYS);
  delete result.variableOrder;
  if (isPlainObject(result.variables)) {
    const variables = result.variables;
    result.variables = Object.fromEntries(
      Object.keys(variables)
        .sort(compareText)
        .map((name) => [name, isPlainObject(variables[name]) ? ordered(variables[name], VARIABLE_KEYS) : variables[name]]),
    );
  }
  if (isPlainObject(result.tolerance)) result.tolerance = ordered(result.tolerance, ["type", "value"]);
  if (Array.isArray(result.mistakes)) result.mistakes = result.mistakes.map((mistake) => (isPlainObject(mistake) ? ordered(mistake, ["when", "feedback"]) : mistake));
  return result;
}

/** The object's keys in `first` order (those present), then the others sorted; nested objects sorted too. */
function ordered(value: Record<string, unknown>, first: readonly string[]): Record<string, unknown> {
  const keys = [...first.filter((key) => key in value), ...Object.keys(value).filter((key) => !first.includes(key)).sort(compareText)];
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, sortKeys(value[key])]));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  return isPlainObject(value) ? ordered(value, []) : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Code-unit order, not localeCompare: the same on every server, whatever its locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * YAML without line folding (a folded line would show as changed when a nearby word changes) and with lists of
 * plain values in flow style (`choices: [1, 3, 5]`), so a template reads like its content file.
 */
function toYaml(value: unknown): string {
  const document = new Document(value, { aliasDuplicateObjects: false });
  visit(document, {
    Seq(_key, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item) && typeof item.value !== "string")) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Line diff of two texts; each text is given a final newline so the last line compares like the others. */
function lineDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(withFinalNewline(before), withFinalNewline(after))) {
    const op = change.added ? "add" : change.removed ? "remove" : "same";
    for (const text of change.value.replace(/\n$/, "").split("\n")) lines.push({ op, text });
  }
  return lines;
}

function withFinalNewline(text: string): string {
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

/** Replaces unchanged lines farther than DIFF_CONTEXT_LINES from any change with `skip` markers. */
function collapseContext(lines: DiffLine[]): DiffLine[] {
  // Marked from each change outwards: linear, even for a rewritten 20,000-character explanation.
  const keep = lines.map((line) => line.op !== "same");
  lines.forEach((line, index) => {
    if (line.op === "same") return;
    for (let near = Math.max(0, index - DIFF_CONTEXT_LINES); near <= Math.min(lines.length - 1, index + DIFF_CONTEXT_LINES); near++) keep[near] = true;
  });
  const result: DiffLine[] = [];
  lines.forEach((line, index) => {
    const last = result.at(-1);
    if (keep[index]) result.push(line);
    else if (last?.op === "skip") last.count++;
    else result.push({ op: "skip", count: 1 });
  });
  return result;
}
