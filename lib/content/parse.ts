/**
 * Parses one question file: YAML front matter validated by the zod schema, then the `## Prompt`, `## Answer`,
 * `## Explanation` sections. Every problem is returned (never thrown) with the file, field and line, so a
 * content check can report all problems of all files in one run.
 */
import { createHash } from "node:crypto";
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument } from "yaml";
import type { z } from "zod";
import { checkPlaceholders } from "../numeric/placeholders";
import type { NumericTemplate } from "../numeric/schema";
import { validateTemplate } from "../numeric/validate";
import type { ContentIssue } from "./errors";
import { SECTION_MAX_LENGTH, SECTION_NAMES, frontMatterSchema, type Choice, type QuestionKindName, type SectionName } from "./schema";

export interface ParsedQuestion {
  key: string;
  deck: string;
  kind: QuestionKindName;
  title: string;
  tags: string[];
  difficulty: number;
  choices: Choice[] | null;
  /** The parsed `template:` block of a numeric question (defaults filled in), else null. */
  template: NumericTemplate | null;
  prompt: string;
  answer: string;
  explanation: string;
  /** Path relative to the content folder. */
  file: string;
  /** Hash of everything the seed stores (not the file path, so a rename alone changes nothing). */
  hash: string;
}

export interface ParseResult {
  question: ParsedQuestion | null;
  issues: ContentIssue[];
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseQuestionFile(file: string, text: string): ParseResult {
  const issues: ContentIssue[] = [];
  const issue = (field: string, message: string, line?: number) => issues.push({ file, field, message, line });

  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ""));
  if (!match) {
    issue("file", "expected YAML front matter between a first line `---` and a closing `---`", 1);
    return { question: null, issues };
  }
  const yamlText = match[1] ?? "";
  const bodyStartLine = match[0].split("\n").length;

  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of document.errors) {
    // +1: the YAML starts on the line after the opening `---`.
    issue("front matter", `invalid YAML: ${error.message.split("\n")[0]}`, lineCounter.linePos(error.pos[0]).line + 1);
  }
  if (document.errors.length > 0) return { question: null, issues };

  // The line of the field a path names: for a mapping entry, the line of its key (where a person looks).
  const lineOf = (path: PropertyKey[]): number | undefined => {
    let node: unknown = document.contents;
    let line: number | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
        if (!pair) break;
        if (isNode(pair.key) && pair.key.range) line = lineCounter.linePos(pair.key.range[0]).line + 1;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
        if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line + 1;
      } else {
        break;
      }
    }
    return line;
  };

  const parsed = frontMatterSchema.safeParse(document.toJS());
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) reportZodIssue(zodIssue, issue, lineOf);
  }

  const sections = parseSections(text.slice(match[0].length), bodyStartLine, issue);
  if (!parsed.success || !sections) return { question: null, issues };

  const front = parsed.data;
  if (front.kind === "numeric") {
    const before = issues.length;
    checkNumeric(front.template, sections, issue, lineOf(["template"]));
    if (issues.length > before) return { question: null, issues };
  }
  const question: Omit<ParsedQuestion, "hash"> = {
    key: front.key,
    deck: front.deck,
    kind: front.kind,
    title: front.title,
    tags: front.tags,
    difficulty: front.difficulty,
    choices: front.kind === "multiple-choice" ? front.choices : null,
    template: front.kind === "numeric" ? front.template : null,
    prompt: sections.Prompt,
    answer: sections.Answer,
    explanation: sections.Explanation,
    file,
  };
  return { question: { ...question, hash: questionHash(question) }, issues };
}

/** Template samples drawn per numeric file by the content check (seeds 1..50, as `validateTemplate`'s default). */
const TEMPLATE_SAMPLES = 50;

/**
 * A numeric question's checks beyond its shape: every expression compiles in the restricted scope, 50 seeded
 * instances can be drawn, each mistake can be recognised (`validateTemplate`, reported on `template`), and
 * the sections' placeholders name variables (`{{answer}}` not in the prompt; reported on the section).
 */
function checkNumeric(
  template: NumericTemplate,
  sections: Record<SectionName, string>,
  issue: (field: string, message: string, line?: number) => void,
  templateLine: number | undefined,
): void {
  for (const problem of validateTemplate(template, { samples: TEMPLATE_SAMPLES })) issue("template", problem, templateLine);
  const names = Object.keys(template.variables);
  for (const name of SECTION_NAMES) {
    for (const problem of checkPlaceholders(sections[name], names, { allowAnswer: name !== "Prompt" })) issue(name, problem);
  }
}

function reportZodIssue(
  zodIssue: z.core.$ZodIssue,
  issue: (field: string, message: string, line?: number) => void,
  lineOf: (path: PropertyKey[]) => number | undefined,
): void {
  const field = zodIssue.path.length > 0 ? zodIssue.path.map(String).join(".") : "front matter";
  if (zodIssue.code === "unrecognized_keys") {
    for (const key of zodIssue.keys) issue(field === "front matter" ? key : `${field}.${key}`, "unknown field (check its spelling)", lineOf([...zodIssue.path, key]));
    return;
  }
  issue(field, zodIssue.message, lineOf(zodIssue.path));
}

/** Splits the body on level-2 headings outside code fences; exactly Prompt, Answer, Explanation, in order. */
function parseSections(
  body: string,
  firstLine: number,
  issue: (field: string, message: string, line?: number) => void,
): Record<SectionName, string> | null {
  const found: Array<{ name: string; line: number; lines: string[] }> = [];
  const preamble: string[] = [];
  let fence: string | null = null;
  body.split(/\r?\n/).forEach((line, index) => {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    }
    const heading = fence === null ? /^##[ \t]+(.+?)[ \t#]*$/.exec(line) : null;
    if (heading) found.push({ name: heading[1]!, line: firstLine + index, lines: [] });
    else (found.at(-1)?.lines ?? preamble).push(line);
  });

  let ok = true;
  if (preamble.some((line) => line.trim() !== "")) {
    issue("body", "expected the body to start with `## Prompt`; move the text above it into a section", firstLine);
    ok = false;
  }
  const seen = new Set<string>();
  for (const section of found) {
    if (!(SECTION_NAMES as readonly string[]).includes(section.name)) {
      issue(section.name, `unknown section "## ${section.name}": expected only ## Prompt, ## Answer and ## Explanation (use ### inside a section)`, section.line);
      ok = false;
    } else if (seen.has(section.name)) {
      issue(section.name, `section "## ${section.name}" appears more than once`, section.line);
      ok = false;
    }
    seen.add(section.name);
  }
  for (const name of SECTION_NAMES) {
    if (!seen.has(name)) {
      issue(name, `missing section "## ${name}"`);
      ok = false;
    }
  }
  if (ok && found.map((section) => section.name).join() !== SECTION_NAMES.join()) {
    issue("body", `expected the sections in the order ${SECTION_NAMES.map((name) => `## ${name}`).join(", ")}`, found[0]?.line);
    ok = false;
  }
  if (!ok) return null;

  const sections = {} as Record<SectionName, string>;
  for (const section of found) {
    const content = section.lines.join("\n").trim();
    const name = section.name as SectionName;
    if (content === "") {
      issue(name, `section "## ${name}" is empty`, section.line);
      ok = false;
    } else if (content.length > SECTION_MAX_LENGTH) {
      issue(name, `section "## ${name}" has ${content.length} characters; expected at most ${SECTION_MAX_LENGTH}`, section.line);
      ok = false;
    }
    sections[name] = content;
  }
  return ok ? sections : null;
}

/** Canonical JSON (sorted keys) so the hash depends on content, not on key order or formatting. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function questionHash(question: Omit<ParsedQuestion, "hash" | "file">): string {
  const { key, deck, kind, title, tags, difficulty, choices, template, prompt, answer, explanation } = question;
  return createHash("sha256")
    .update(canonicalJson({ key, deck, kind, title, tags, difficulty, choices, template, prompt, answer, explanation }))
    .digest("hex");
}
