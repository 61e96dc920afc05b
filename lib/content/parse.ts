/**
 * Parses one question file: YAML front matter validated by the zod schema, then the `## Prompt`, `## Answer`,
 * `## Explanation` sections, then optionally the same three per translation (`## Prompt (zh)`…; see
 * translations.ts). Every problem is returned (never thrown) with the file, field and line, so a
 * content check can report all problems of all files in one run.
 */
import { createHash } from "node:crypto";
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument } from "yaml";
import type { z } from "zod";
import { checkPlaceholders } from "../numeric/placeholders";
import type { NumericTemplate } from "../numeric/schema";
import { validateTemplate } from "../numeric/validate";
import type { ContentIssue } from "./errors";
import { SECTION_MAX_LENGTH, SECTION_NAMES, frontMatterSchema, translatedSectionName, type Choice, type QuestionKindName, type SectionName } from "./schema";
import { TRANSLATION_LANGUAGES, isStale, translationProblems, type QuestionTranslation, type QuestionTranslations, type TranslationLanguage, type TranslationProblem } from "./translations";

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
  /** The question in other languages (`translations:` in the front matter plus `## Prompt (zh)`… sections). */
  translations: QuestionTranslations;
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
    checkNumeric(front.template, sections.english, issue, lineOf(["template"]));
    if (issues.length > before) return { question: null, issues };
  }
  const english = {
    title: front.title,
    prompt: sections.english.Prompt,
    answer: sections.english.Answer,
    explanation: sections.english.Explanation,
    choices: front.kind === "multiple-choice" ? front.choices : null,
    template: front.kind === "numeric" ? front.template : null,
  };
  const translations: QuestionTranslations = {};
  for (const language of TRANSLATION_LANGUAGES) {
    const block = front.translations?.[language];
    const translatedSections = sections.translated[language];
    if (!block && !translatedSections) continue;
    if (!block) {
      issue(`translations.${language}`, `the file has "## Prompt (${language})" sections but no \`translations: { ${language}: … }\` block with the translated title and \`source\``);
      continue;
    }
    if (!translatedSections) {
      issue(`translations.${language}`, `expected the sections ${SECTION_NAMES.map((name) => `## ${translatedSectionName(name, language)}`).join(", ")} after the English ones`, lineOf(["translations", language]));
      continue;
    }
    const translation = { ...block, prompt: translatedSections.Prompt, answer: translatedSections.Answer, explanation: translatedSections.Explanation };
    // A current translation must match its English exactly (placeholders, formulas, counts). A stale one was made
    // from other English, so it cannot: it only has to stay renderable, and is reported as stale instead (content
    // check, editor, learners' marker). Otherwise editing the English would be blocked by the old translation.
    const problems = isStale(english, translation) ? renderabilityProblems(english.template, translation) : translationProblems(english, translation);
    for (const problem of problems) {
      const section = problem.field === "prompt" || problem.field === "answer" || problem.field === "explanation" ? problem.field : null;
      const inSection = section !== null;
      const field = section ? translatedSectionName(sectionOf(section), language) : `translations.${language}.${problem.field}`;
      issue(field, problem.message, inSection ? undefined : lineOf(["translations", language, ...problem.field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part))]) ?? lineOf(["translations", language]));
    }
    translations[language] = translation;
  }
  if (issues.length > 0) return { question: null, issues };

  const question: Omit<ParsedQuestion, "hash"> = {
    key: front.key,
    deck: front.deck,
    kind: front.kind,
    title: front.title,
    tags: front.tags,
    difficulty: front.difficulty,
    choices: front.kind === "multiple-choice" ? front.choices : null,
    template: front.kind === "numeric" ? front.template : null,
    prompt: sections.english.Prompt,
    answer: sections.english.Answer,
    explanation: sections.english.Explanation,
    translations,
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

/**
 * What a stale translation of a numeric question must still get right to be shown: its placeholders name the
 * template's variables (and the prompt does not give the answer away). Other questions fill no placeholders.
 */
function renderabilityProblems(template: NumericTemplate | null, translation: QuestionTranslation): TranslationProblem[] {
  if (!template) return [];
  const names = Object.keys(template.variables);
  const texts: Array<[string, string, boolean]> = [
    ["prompt", translation.prompt, false],
    ["answer", translation.answer, true],
    ["explanation", translation.explanation, true],
    ["solution", translation.solution ?? "", true],
    ...(translation.mistakes ?? []).map((mistake, index): [string, string, boolean] => [`mistakes.${index}.feedback`, mistake.feedback, true]),
  ];
  return texts.flatMap(([field, text, allowAnswer]) => checkPlaceholders(text, names, { allowAnswer }).map((message) => ({ field, message })));
}

function sectionOf(field: "prompt" | "answer" | "explanation"): SectionName {
  return field === "prompt" ? "Prompt" : field === "answer" ? "Answer" : "Explanation";
}

interface BodySections {
  english: Record<SectionName, string>;
  /** Per translated language, all three sections or none. */
  translated: Partial<Record<TranslationLanguage, Record<SectionName, string>>>;
}

/**
 * Splits the body on level-2 headings outside code fences: exactly Prompt, Answer, Explanation, in order, then
 * for each translation the same three with the language in parentheses (`## Prompt (zh)`), in order.
 */
function parseSections(
  body: string,
  firstLine: number,
  issue: (field: string, message: string, line?: number) => void,
): BodySections | null {
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

  const expectedOrder = [
    ...SECTION_NAMES,
    ...TRANSLATION_LANGUAGES.flatMap((language) => SECTION_NAMES.map((name) => translatedSectionName(name, language))),
  ];
  let ok = true;
  if (preamble.some((line) => line.trim() !== "")) {
    issue("body", "expected the body to start with `## Prompt`; move the text above it into a section", firstLine);
    ok = false;
  }
  const seen = new Set<string>();
  for (const section of found) {
    if (!expectedOrder.includes(section.name)) {
      issue(
        section.name,
        `unknown section "## ${section.name}": expected only ## Prompt, ## Answer and ## Explanation, and for a translation ## Prompt (zh), ## Answer (zh), ## Explanation (zh) (use ### inside a section)`,
        section.line,
      );
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
  for (const language of TRANSLATION_LANGUAGES) {
    const names = SECTION_NAMES.map((name) => translatedSectionName(name, language));
    const present = names.filter((name) => seen.has(name));
    if (present.length > 0 && present.length < names.length) {
      for (const name of names.filter((candidate) => !seen.has(candidate))) issue(name, `missing section "## ${name}" (a translation has all three sections)`);
      ok = false;
    }
  }
  const order = found.map((section) => section.name);
  if (ok && order.join() !== expectedOrder.filter((name) => seen.has(name)).join()) {
    issue("body", `expected the sections in the order ${expectedOrder.filter((name) => seen.has(name)).map((name) => `## ${name}`).join(", ")}`, found[0]?.line);
    ok = false;
  }
  if (!ok) return null;

  const content = new Map<string, string>();
  for (const section of found) {
    const text = section.lines.join("\n").trim();
    if (text === "") {
      issue(section.name, `section "## ${section.name}" is empty`, section.line);
      ok = false;
    } else if (text.length > SECTION_MAX_LENGTH) {
      issue(section.name, `section "## ${section.name}" has ${text.length} characters; expected at most ${SECTION_MAX_LENGTH}`, section.line);
      ok = false;
    }
    content.set(section.name, text);
  }
  if (!ok) return null;
  const pick = (language?: TranslationLanguage) =>
    Object.fromEntries(SECTION_NAMES.map((name) => [name, content.get(language ? translatedSectionName(name, language) : name) ?? ""])) as Record<SectionName, string>;
  const translated: BodySections["translated"] = {};
  for (const language of TRANSLATION_LANGUAGES) if (seen.has(translatedSectionName("Prompt", language))) translated[language] = pick(language);
  return { english: pick(), translated };
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
  const { key, deck, kind, title, tags, difficulty, choices, template, prompt, answer, explanation, translations } = question;
  // A question without translations hashes as before translations existed, so the seed sees it unchanged.
  const hasTranslations = Object.keys(translations ?? {}).length > 0;
  return createHash("sha256")
    .update(canonicalJson({ key, deck, kind, title, tags, difficulty, choices, template, prompt, answer, explanation, ...(hasTranslations ? { translations } : {}) }))
    .digest("hex");
}
