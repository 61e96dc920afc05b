/**
 * Writes questions and decks in the content format (content/README.md): the inverse of parse.ts and load.ts.
 * For every question parse.ts accepts, `parseQuestionFile(file, serializeQuestionFile(question))` gives the same
 * question and hash, so a bank edited in the app can be exported as files, reviewed in git and imported again.
 *
 * Nothing is validated here: the writer is faithful to its input, and parsing its output is the check.
 */
import { Document, Scalar, isMap, isScalar, isSeq } from "yaml";
import type { NumericTemplate } from "../numeric/schema";
import type { ParsedQuestion } from "./parse";
import { SECTION_NAMES, translatedSectionName, type DeckDefinition, type SectionName } from "./schema";
import { TRANSLATION_LANGUAGES } from "./translations";

/** What a question file holds: a parsed question without its path and hash (both follow from the rest). */
export type QuestionFileInput = Omit<ParsedQuestion, "file" | "hash">;

// No folding (a long title stays on one line), `|` for multi-line text, and `[a, b]` like the hand-written files.
const YAML_OPTIONS = { lineWidth: 0, blockQuote: "literal", flowCollectionPadding: false } as const;

const DECKS_HEADER =
  " Decks of the question bank, in study order. `slug` is the folder name under content/ and never changes;\n" +
  " title, description and order may be edited freely.";

/** The fields a question file holds, picked from a parsed (or stored) question; extra fields are left behind. */
export function questionFileInput(question: QuestionFileInput): QuestionFileInput {
  const { key, deck, kind, title, tags, difficulty, choices, template, prompt, answer, explanation, translations } = question;
  return { key, deck, kind, title, tags, difficulty, choices, template, prompt, answer, explanation, translations: translations ?? {} };
}

/**
 * One question file: front matter, then `## Prompt`, `## Answer`, `## Explanation`, then each translation's
 * `## Prompt (zh)`… sections; `\n` line endings.
 */
export function serializeQuestionFile(question: QuestionFileInput): string {
  return `---\n${frontMatterYaml(question)}---\n${bodyMarkdown(question)}`;
}

/** `decks.yml`: the list `loadContent` reads (an empty description is left out; it defaults to ""). */
export function serializeDecksFile(decks: DeckDefinition[]): string {
  const document = new Document(
    decks.map((deck) =>
      compact({
        slug: deck.slug,
        title: deck.title,
        description: deck.description || undefined,
        order: deck.order,
        translations: deck.translations?.zh ? { zh: { title: deck.translations.zh.title, description: deck.translations.zh.description || undefined } } : undefined,
      }),
    ),
  );
  document.commentBefore = DECKS_HEADER;
  return document.toString(YAML_OPTIONS);
}

/** Front matter in the documented field order; `choices` and `template` are written whenever present. */
function frontMatterYaml(question: QuestionFileInput): string {
  const { key, deck, kind, title, tags, difficulty, choices, template, translations } = question;
  const front: Record<string, unknown> = { key, deck, kind, title, tags, difficulty };
  if (choices) front.choices = choices.map((choice) => ({ text: choice.text, correct: choice.correct, why: choice.why }));
  if (template) front.template = templateFields(template);
  const blocks: Record<string, unknown> = {};
  for (const language of TRANSLATION_LANGUAGES) {
    const translation = translations?.[language];
    if (!translation) continue;
    blocks[language] = {
      source: translation.source,
      title: translation.title,
      choices: translation.choices?.map((choice) => ({ text: choice.text, why: choice.why })),
      solution: translation.solution,
      mistakes: translation.mistakes?.map((mistake) => ({ feedback: mistake.feedback })),
    };
  }
  if (Object.keys(blocks).length > 0) front.translations = blocks;
  const document = new Document(compact(front));
  styleFrontMatter(document);
  return document.toString(YAML_OPTIONS);
}

/**
 * The template's fields in the README's order. Empty `constraints`/`mistakes` are left out: the schema's
 * default gives them back. Variables keep their key order, since a `derive` may only read earlier variables.
 */
function templateFields(template: NumericTemplate): Record<string, unknown> {
  const { variables, constraints, answer, tolerance, unit, mistakes, solution } = template;
  return {
    variables,
    constraints: constraints.length > 0 ? constraints : undefined,
    answer,
    tolerance,
    unit,
    mistakes: mistakes.length > 0 ? mistakes.map((mistake) => ({ when: mistake.when, feedback: mistake.feedback })) : undefined,
    solution,
  };
}

/** Layout only (the parsed values are the same either way): flow style and quotes as in the hand-written files. */
function styleFrontMatter(document: Document): void {
  const tags = document.get("tags", true);
  if (isSeq(tags)) tags.flow = true;
  const variables = document.getIn(["template", "variables"], true);
  if (isMap(variables)) {
    for (const pair of variables.items) {
      if (isMap(pair.value)) pair.value.flow = true;
      if (isMap(pair.value)) quote(pair.value.get("derive", true));
    }
  }
  const tolerance = document.getIn(["template", "tolerance"], true);
  if (isMap(tolerance)) tolerance.flow = true;
  quote(document.getIn(["template", "answer"], true));
  const constraints = document.getIn(["template", "constraints"], true);
  if (isSeq(constraints)) constraints.items.forEach(quote);
  const mistakes = document.getIn(["template", "mistakes"], true);
  if (isSeq(mistakes)) {
    for (const mistake of mistakes.items) {
      if (!isMap(mistake)) continue;
      quote(mistake.get("when", true));
      quote(mistake.get("feedback", true));
    }
  }
  for (const language of TRANSLATION_LANGUAGES) {
    const translatedMistakes = document.getIn(["translations", language, "mistakes"], true);
    if (isSeq(translatedMistakes)) for (const mistake of translatedMistakes.items) if (isMap(mistake)) quote(mistake.get("feedback", true));
  }
}

/** Expressions and feedback in double quotes, so `*`, `{`, `:` never need a second look; multi-line text keeps `|`. */
function quote(node: unknown): void {
  if (isScalar(node) && typeof node.value === "string" && !node.value.includes("\n")) node.type = Scalar.QUOTE_DOUBLE;
}

const SECTION_FIELDS: Record<SectionName, "prompt" | "answer" | "explanation"> = { Prompt: "prompt", Answer: "answer", Explanation: "explanation" };

/**
 * The three sections, a blank line between them. CRLF becomes LF: the parser splits lines on `\r?\n`, so it reads
 * the same text, and the file gets one line-ending style. The parser trims sections, so trimming here changes nothing.
 */
function bodyMarkdown(question: QuestionFileInput): string {
  const section = (heading: string, text: string) => `## ${heading}\n${text.replace(/\r\n/g, "\n").trim()}\n`;
  const sections = SECTION_NAMES.map((name) => section(name, question[SECTION_FIELDS[name]]));
  for (const language of TRANSLATION_LANGUAGES) {
    const translation = question.translations?.[language];
    if (translation) sections.push(...SECTION_NAMES.map((name) => section(translatedSectionName(name, language), translation[SECTION_FIELDS[name]])));
  }
  return sections.join("\n");
}

/** Drops object fields that are undefined or null (an absent optional field), at any depth. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined && inner !== null) result[key] = compact(inner);
    return result;
  }
  return value;
}
