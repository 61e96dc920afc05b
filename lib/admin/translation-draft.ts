/**
 * The question editor's Chinese translation, kept in step with the English while the admin edits: translated
 * choices follow the English choices by index (a moved choice takes its translation along, a removed one removes
 * it), translated mistake feedback follows the template's mistakes. Pure and framework-free (the editor runs it in
 * the browser; nothing here needs the server).
 */
import { parse } from "yaml";
import type { QuestionDraft, TranslationDraft } from "@/lib/content/draft";

/** Where each item of an edited list came from: its index before the edit, or null for a new item. */
export type Origin = Array<number | null>;

/** Every item where it was. */
export function unchangedOrigin(length: number): Origin {
  return Array.from({ length }, (_, index) => index);
}

/** The item at `index` moved by `by` places (-1 up, 1 down); a move past either end changes nothing. */
export function movedOrigin(length: number, index: number, by: number): Origin {
  const origin = unchangedOrigin(length);
  const target = index + by;
  if (index < 0 || index >= length || target < 0 || target >= length) return origin;
  const [item] = origin.splice(index, 1);
  origin.splice(target, 0, item!);
  return origin;
}

/** The item at `index` removed. */
export function removedOrigin(length: number, index: number): Origin {
  return unchangedOrigin(length).filter((from) => from !== index);
}

/** A new item appended. */
export function addedOrigin(length: number): Origin {
  return [...unchangedOrigin(length), null];
}

/** The list rearranged as `origin` says, with `blank()` for new items (and for indices the list did not have). */
export function rearrange<T>(items: readonly T[], origin: Origin, blank: () => T): T[] {
  return origin.map((from) => (from === null ? undefined : items[from]) ?? blank());
}

/** The English texts of a numeric template that a translation covers, or null when the YAML cannot be read. */
export interface TemplateTexts {
  solution: string;
  mistakes: string[];
}

export function templateTexts(yaml: string): TemplateTexts | null {
  let data: unknown;
  try {
    data = parse(yaml);
  } catch {
    return null;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const { solution, mistakes = [] } = data as Record<string, unknown>;
  if (!Array.isArray(mistakes)) return null;
  return {
    solution: typeof solution === "string" ? solution : "",
    mistakes: mistakes.map((mistake: unknown) => {
      const feedback = mistake && typeof mistake === "object" ? (mistake as Record<string, unknown>).feedback : undefined;
      return typeof feedback === "string" ? feedback : "";
    }),
  };
}

const blankChoice = () => ({ text: "", why: "" });
const blankMistake = () => ({ feedback: "" });

/** A translation with nothing written yet, with one entry per English choice and per template mistake. */
export function emptyTranslation(draft: QuestionDraft): TranslationDraft {
  return {
    title: "",
    prompt: "",
    answer: "",
    explanation: "",
    choices: draft.choices.map(blankChoice),
    solution: "",
    mistakes: (templateTexts(draft.templateYaml)?.mistakes ?? []).map(blankMistake),
    source: "",
    current: false,
  };
}

function resize<T>(items: T[], length: number, blank: () => T): T[] {
  return items.length === length ? items : items.length > length ? items.slice(0, length) : [...items, ...Array.from({ length: length - items.length }, blank)];
}

/** How the English lists changed in an edit (absent: by typing, items stayed where they were). */
export interface EnglishListChanges {
  choices?: Origin;
  mistakes?: Origin;
}

/**
 * The draft with its translation aligned to the English after an edit. Choices are only ever changed through the
 * choice buttons, so the translated choices follow exactly: rearranged as `changes.choices` says, then as many as
 * the English has. Mistakes can also change by typing YAML, where a half-typed template briefly reads as fewer
 * mistakes: there, missing entries are added but written ones are never dropped (an extra one is reported by the
 * validation and can be removed by hand); only trailing empty ones go. Unreadable YAML leaves them as they are.
 */
export function alignTranslation(draft: QuestionDraft, changes: EnglishListChanges = {}): QuestionDraft {
  const zh = draft.translations.zh;
  if (!zh) return draft;
  const choices = resize(changes.choices ? rearrange(zh.choices, changes.choices, blankChoice) : zh.choices, draft.choices.length, blankChoice);
  let mistakes = changes.mistakes ? rearrange(zh.mistakes, changes.mistakes, blankMistake) : zh.mistakes;
  const english = templateTexts(draft.templateYaml);
  if (english) {
    const count = english.mistakes.length;
    if (changes.mistakes) mistakes = resize(mistakes, count, blankMistake);
    else {
      let keep = mistakes.length;
      while (keep > count && mistakes[keep - 1]!.feedback.trim() === "") keep--;
      mistakes = resize(mistakes, Math.max(keep, count), blankMistake);
    }
  }
  if (choices === zh.choices && mistakes === zh.mistakes) return draft;
  return { ...draft, translations: { ...draft.translations, zh: { ...zh, choices, mistakes } } };
}

/**
 * The English texts a translation is made from, as one comparable string (the editor compares it with the saved
 * English to tell the admin that the translation will need checking). Mirrors what the fingerprint covers: tags,
 * difficulty and template numbers are left out.
 */
export function englishTextsKey(draft: QuestionDraft): string {
  const template = draft.kind === "numeric" ? (templateTexts(draft.templateYaml) ?? draft.templateYaml) : null;
  const choices = draft.kind === "multiple-choice" ? draft.choices.map((choice) => [choice.text.trim(), choice.why.trim()]) : [];
  return JSON.stringify([draft.title.trim(), draft.prompt.trim(), draft.answer.trim(), draft.explanation.trim(), choices, template]);
}

/** Editor fields of the translation's problems, for placing each one under its input. */
export const TRANSLATION_FIELD = "translations.zh";

/**
 * The translation's problems that no single translated input shows (a wrong count, a missing block): everything
 * under `translations` except the inputs' own fields.
 */
export function otherTranslationIssues(errors: Record<string, string[]>): string[] {
  const own = [/^translations\.zh\.(title|prompt|answer|explanation|solution)$/, /^translations\.zh\.(choices|mistakes)(\.\d+(\..+)?)?$/];
  return Object.entries(errors).flatMap(([field, messages]) =>
    (field === "translations" || field.startsWith("translations.")) && !own.some((pattern) => pattern.test(field)) ? messages.map((message) => (field === "translations" || field === TRANSLATION_FIELD ? message : `${field.slice(TRANSLATION_FIELD.length + 1)}: ${message}`)) : [],
  );
}

/** How many problems the translation has (shown on the collapsed section). */
export function translationIssueCount(errors: Record<string, string[]>): number {
  return Object.entries(errors).reduce((count, [field, messages]) => (field === "translations" || field.startsWith("translations.") ? count + messages.length : count), 0);
}
