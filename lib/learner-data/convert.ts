/**
 * Notes of an Anki collection → Receptive flashcards, with a report of everything left out and why. Pure: the
 * import service adds what needs the database (which cards were imported before) and writes the rest.
 *
 * One flashcard per Anki card: per template of a standard note type, per cloze number of a cloze note. Its prompt
 * is the rendered question side and its answer the rendered answer side (without the question repeated), both
 * converted to Markdown by `ankiHtmlToMarkdown`; its title a plain-text excerpt of the prompt; its tags the note's
 * tags. Its key is `<keyPrefix>-<16 hex of SHA-256(note guid)>-<card ordinal>`: the same note and card give the same
 * key in every copy of the package, which is how a repeated import is recognised. The guid is hashed because it is
 * case-sensitive base91 text, which a kebab-case key cannot hold.
 */
import { createHash } from "node:crypto";
import { SECTION_MAX_LENGTH } from "@/lib/content/schema";
import type { AnkiCollection, AnkiModel, AnkiNote } from "./apkg";
import { ankiHtmlToMarkdown, escapeMarkdown } from "./anki-html";
import { clozeOrdinals, parseCloze, planNoteType, renderTemplate, type CardTemplatePlan, type NoteTypePlan } from "./anki-template";
import { ApkgError } from "./errors";

/** Most flashcards one import may create (a note can have many cloze numbers, so this is separate from MAX_NOTES). */
export const MAX_CARDS = 10_000;
/** Longest field (HTML, before conversion): longer ones are usually embedded images, and the note is skipped. */
export const MAX_FIELD_CHARACTERS = 100_000;
/** Longest prompt or answer (Markdown), the limit of a content file's section. */
export const MAX_SIDE_CHARACTERS = SECTION_MAX_LENGTH;
/** Length of a flashcard's title, cut at a character boundary with an ellipsis. */
export const TITLE_MAX_CHARACTERS = 100;
/** Tags kept per card (the content format's limit) and the length of each. */
export const MAX_TAGS = 12;
export const TAG_MAX_CHARACTERS = 50;
/** Excerpts shown per skip reason, so the learner can find the notes in Anki. */
export const SKIP_EXAMPLES = 3;

export interface FlashcardDraft {
  key: string;
  title: string;
  prompt: string;
  answer: string;
  explanation: string;
  tags: string[];
  /** Where the card came from, for the report and for tests: the note type's name and id. */
  noteType: string;
  noteTypeId: string;
  noteGuid: string;
  /** Anki's card ordinal: the template's, or the cloze number minus 1. */
  ord: number;
}

export interface NoteTypeSummary {
  /** Anki's note type id. */
  id: string;
  name: string;
  kind: "basic" | "cloze" | "unsupported";
  /** Notes of this type in the package. */
  notes: number;
  /** Flashcards made from them. */
  cards: number;
  /** Why the type is not imported (unsupported only). */
  reason?: string;
}

export interface SkipGroup {
  reason: string;
  /** Whether whole notes or single cards of a note were skipped. */
  unit: "note" | "card";
  count: number;
  /** Up to {@link SKIP_EXAMPLES} plain-text excerpts of the notes concerned. */
  examples: string[];
}

export interface RemovedMedia {
  images: number;
  sounds: number;
  other: number;
}

export interface Conversion {
  /** Notes in the package. */
  notes: number;
  cards: FlashcardDraft[];
  noteTypes: NoteTypeSummary[];
  skipped: SkipGroup[];
  /** Media references taken out of the imported notes' fields (media files are not imported). */
  removedMedia: RemovedMedia;
}

export interface ConvertOptions {
  /** Start of every key, e.g. `anki-1a2b3c4d` (8 hex of a hash of the learner's id, so keys differ per learner). */
  keyPrefix: string;
}

/**
 * Converts every note; see the module comment. Throws {@link ApkgError} when the package would create more than
 * {@link MAX_CARDS} flashcards. Problems with single notes or cards never throw: they are counted in `skipped`.
 */
export function convertCollection(collection: AnkiCollection, options: ConvertOptions): Conversion {
  const plans = new Map<string, NoteTypePlan>();
  const summaries = new Map<string, NoteTypeSummary>();
  const skips = new SkipCollector();
  const removedMedia: RemovedMedia = { images: 0, sounds: 0, other: 0 };
  const cards: FlashcardDraft[] = [];
  const seenGuids = new Set<string>();

  for (const note of collection.notes) {
    const model = collection.models.get(note.modelId);
    if (!model) {
      const name = collection.brokenModels.get(note.modelId);
      skips.add(name ? `its note type “${name}” cannot be read` : "its note type is missing from the package", "note", note);
      continue;
    }
    let plan = plans.get(model.id);
    if (!plan) {
      plan = planNoteType(model);
      plans.set(model.id, plan);
      summaries.set(model.id, { id: model.id, name: model.name, kind: plan.kind, notes: 0, cards: 0, ...(plan.kind === "unsupported" ? { reason: plan.reason } : {}) });
    }
    const summary = summaries.get(model.id)!;
    summary.notes++;
    if (plan.kind === "unsupported") {
      skips.add(`note type “${model.name}” is not supported: ${plan.reason}`, "note", note);
      continue;
    }
    if (seenGuids.has(note.guid)) {
      skips.add("the package has another note with the same Anki id", "note", note);
      continue;
    }
    seenGuids.add(note.guid);
    if (note.fields.some((field) => field.length > MAX_FIELD_CHARACTERS)) {
      skips.add(`a field is longer than ${MAX_FIELD_CHARACTERS.toLocaleString("en-US")} characters`, "note", note);
      continue;
    }
    const made = noteCards(note, model, plan, options, skips);
    if (made.length === 0) continue;
    if (cards.length + made.length > MAX_CARDS) {
      throw new ApkgError("too-many-cards", `The package makes more than ${MAX_CARDS.toLocaleString("en-US")} flashcards; at most that many can be imported at a time. Split the deck in Anki and export the parts.`);
    }
    cards.push(...made);
    summary.cards += made.length;
    for (const field of note.fields) {
      const counts = ankiHtmlToMarkdown(field);
      removedMedia.images += counts.images;
      removedMedia.sounds += counts.sounds;
      removedMedia.other += counts.otherMedia;
    }
  }
  return { notes: collection.notes.length, cards, noteTypes: [...summaries.values()], skipped: skips.groups(), removedMedia };
}

/** The cards of one note of a supported type; skipped cards and card-less notes are reported to `skips`. */
function noteCards(note: AnkiNote, model: AnkiModel, plan: Exclude<NoteTypePlan, { kind: "unsupported" }>, options: ConvertOptions, skips: SkipCollector): FlashcardDraft[] {
  const fields = new Map(model.fields.map((field) => [field.name, note.fields[field.ord] ?? ""]));
  const cards: FlashcardDraft[] = [];
  const make = (template: CardTemplatePlan, ord: number, cloze?: number) => {
    const front = renderTemplate(template.front, { fields, side: "front", cloze });
    if (!front.hasContent) return;
    const back = renderTemplate(template.back, { fields, side: "back", cloze, omit: template.questionFields });
    const prompt = ankiHtmlToMarkdown(front.html);
    const answer = ankiHtmlToMarkdown(back.html);
    if (prompt.markdown === "") return skips.add("the question side has only images or sounds, which are not imported", "card", note);
    if (answer.markdown === "") return skips.add("the answer side is empty (or has only images or sounds)", "card", note);
    if (prompt.markdown.length > MAX_SIDE_CHARACTERS || answer.markdown.length > MAX_SIDE_CHARACTERS) {
      return skips.add(`the question or answer is longer than ${MAX_SIDE_CHARACTERS.toLocaleString("en-US")} characters`, "card", note);
    }
    cards.push({
      key: `${options.keyPrefix}-${guidHash(note.guid)}-${ord}`,
      title: excerpt(prompt.text, TITLE_MAX_CHARACTERS) || "Untitled card",
      prompt: prompt.markdown,
      answer: answer.markdown,
      explanation: `Imported from Anki: note type “${escapeMarkdown(model.name.replace(/[\u0000-\u001f\u007f]/g, ""))}”, card ${ord + 1}.`,
      tags: ankiTags(note.tags),
      noteType: model.name,
      noteTypeId: model.id,
      noteGuid: note.guid,
      ord,
    });
  };

  if (plan.kind === "basic") {
    for (const template of plan.templates) make(template, template.ord);
    // Anki makes a card only for templates whose question shows a field; a note with none has no card at all.
    if (cards.length === 0 && !plan.templates.some((template) => renderTemplate(template.front, { fields, side: "front" }).hasContent)) {
      skips.add("its question side is empty", "note", note);
    }
    return cards;
  }
  const ordinals = clozeOrdinals(plan.clozeFields.flatMap((name) => parseCloze(fields.get(name) ?? "")));
  if (ordinals.length === 0) {
    skips.add("it has no cloze deletions ({{c1::…}})", "note", note);
    return cards;
  }
  for (const ordinal of ordinals) make(plan.template, ordinal - 1, ordinal);
  return cards;
}

/** 16 hex digits (64 bits) of SHA-256 of the note's guid. */
function guidHash(guid: string): string {
  return createHash("sha256").update(guid, "utf8").digest("hex").slice(0, 16);
}

/**
 * Anki tags as Receptive tags: lower case, `::` hierarchy and every run of non-letters/digits as one `-`, at most
 * {@link TAG_MAX_CHARACTERS} characters, duplicates and empties dropped, at most {@link MAX_TAGS}.
 */
export function ankiTags(tags: readonly string[]): string[] {
  const converted = tags
    .map((tag) =>
      tag
        .normalize("NFKC")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, TAG_MAX_CHARACTERS)
        .replace(/-+$/, ""),
    )
    .filter((tag) => tag !== "");
  return [...new Set(converted)].slice(0, MAX_TAGS);
}

/** Whitespace collapsed, cut to `max` characters with an ellipsis, never inside a surrogate pair. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Skips grouped by reason, in the order first seen, with a few excerpts each. */
class SkipCollector {
  private readonly byReason = new Map<string, SkipGroup>();

  add(reason: string, unit: "note" | "card", note: AnkiNote): void {
    const group = this.byReason.get(reason) ?? { reason, unit, count: 0, examples: [] };
    this.byReason.set(reason, group);
    group.count++;
    if (group.examples.length < SKIP_EXAMPLES) {
      const first = note.fields.map((field) => excerpt(ankiHtmlToMarkdown(field.slice(0, 2_000)).text, 60)).find((text) => text !== "");
      const example = first ?? `(note ${note.guid})`;
      if (!group.examples.includes(example)) group.examples.push(example);
    }
  }

  groups(): SkipGroup[] {
    return [...this.byReason.values()];
  }
}
