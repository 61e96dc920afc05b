/**
 * Anki card templates and cloze deletions, as far as a flashcard import needs them: which note types can become
 * Receptive flashcards, and the HTML of each card's question and answer side. The answer side is rendered without
 * `{{FrontSide}}` and without the fields the question already shows, because Receptive shows the prompt above the
 * answer anyway.
 *
 * Supported: standard note types ("Basic", "Basic (and reversed card)", "Basic (optional reversed card)", "Basic
 * (type in the answer)" and custom ones alike: one card per template) whose templates use fields plainly or with
 * the `text:` and `hint:` filters, `{{#Field}}…{{/Field}}` / `{{^Field}}…{{/Field}}` sections, `type:` (the answer
 * box: dropped from the question, the expected answer on the back) and `tts` (read aloud, dropped); and cloze note types (one card per cloze number). Anything else
 * (other filters such as `furigana:`, templates with scripts such as image occlusion, unknown kinds) is reported as
 * unsupported with the reason.
 *
 * @see https://docs.ankiweb.net/templates/fields.html and https://docs.ankiweb.net/editing.html#cloze-deletion
 */
import type { AnkiModel } from "./apkg";

export type TemplateNode =
  | { kind: "text"; text: string }
  | { kind: "field"; name: string; filters: string[] }
  | { kind: "section"; name: string; inverted: boolean; children: TemplateNode[] };

export interface CardTemplatePlan {
  /** The template's ordinal: Anki's `cards.ord`. */
  ord: number;
  front: TemplateNode[];
  back: TemplateNode[];
  /**
   * Fields the question side shows as they are (no `cloze:` or `type:`): the answer side leaves them out, as it
   * leaves out `{{FrontSide}}`, because Receptive shows the prompt above the answer anyway.
   */
  questionFields: ReadonlySet<string>;
}

export type NoteTypePlan =
  | { kind: "basic"; templates: CardTemplatePlan[] }
  | { kind: "cloze"; template: CardTemplatePlan; clozeFields: string[] }
  | { kind: "unsupported"; reason: string };

/** Field names Anki fills in itself; none of them is note content, so they render empty here. */
const SPECIAL_FIELDS = new Set(["FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag", "CardID"]);

class TemplateSyntaxError extends Error {}

/** How (and whether) a note type becomes flashcards; see the module comment for what is supported. */
export function planNoteType(model: AnkiModel): NoteTypePlan {
  if (model.type === "unknown") return { kind: "unsupported", reason: "this kind of note type is not supported" };
  if (model.templates.length === 0) return { kind: "unsupported", reason: "it has no card templates" };
  const sources = model.templates.flatMap((template) => [template.qfmt, template.afmt]);
  if (sources.some((source) => /image-occlusion/i.test(source))) return { kind: "unsupported", reason: "image occlusion cards cannot be imported" };
  if (sources.some((source) => /<script\b/i.test(source))) return { kind: "unsupported", reason: "its card templates run scripts" };

  let templates: CardTemplatePlan[];
  try {
    templates = model.templates.map((template) => {
      const front = parseTemplate(template.qfmt);
      const shown = fieldNodes(front).filter((node) => !node.filters.some((filter) => filter === "cloze" || filter === "type" || filter === "tts" || filter.startsWith("tts ")));
      return { ord: template.ord, front, back: parseTemplate(template.afmt), questionFields: new Set(shown.map((node) => node.name)) };
    });
  } catch {
    return { kind: "unsupported", reason: "its card templates cannot be read (unbalanced {{#…}} or {{/…}} tags)" };
  }
  const filters = templates.flatMap((template) => [...fieldNodes(template.front), ...fieldNodes(template.back)]).flatMap((node) => node.filters);
  const unknown = filters.find((filter) => !isKnownFilter(filter, model.type === "cloze"));
  if (unknown !== undefined) return { kind: "unsupported", reason: `its card templates use the “${unknown}:” filter, which cannot be imported` };

  if (model.type === "standard") return { kind: "basic", templates };
  // A cloze note type has one template; its cards come from the cloze numbers, not from templates.
  const template = templates[0]!;
  const clozeFields = [...new Set(fieldNodes(template.front).filter((node) => node.filters.includes("cloze")).map((node) => node.name))];
  if (clozeFields.length === 0) return { kind: "unsupported", reason: "its question template has no {{cloze:…}} field" };
  return { kind: "cloze", template, clozeFields };
}

function isKnownFilter(filter: string, cloze: boolean): boolean {
  return filter === "text" || filter === "hint" || filter === "type" || filter === "tts" || filter.startsWith("tts ") || (cloze && filter === "cloze");
}

/**
 * Parses Anki's template syntax: `{{Field}}`, `{{filter:…:Field}}`, `{{#Field}}…{{/Field}}`, `{{^Field}}…{{/Field}}`.
 * Throws for a section that is not closed or closes the wrong name (Anki refuses such templates too).
 */
export function parseTemplate(source: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: Array<{ name: string; children: TemplateNode[] }> = [{ name: "", children: root }];
  const tag = /\{\{([\s\S]*?)\}\}/g;
  let last = 0;
  for (let match = tag.exec(source); match; match = tag.exec(source)) {
    const current = stack.at(-1)!.children;
    if (match.index > last) current.push({ kind: "text", text: source.slice(last, match.index) });
    last = tag.lastIndex;
    const inside = match[1]!.trim();
    const sigil = inside[0];
    if (sigil === "#" || sigil === "^") {
      const section: TemplateNode = { kind: "section", name: inside.slice(1).trim(), inverted: sigil === "^", children: [] };
      current.push(section);
      stack.push({ name: section.name, children: section.children });
    } else if (sigil === "/") {
      if (stack.length === 1 || stack.at(-1)!.name !== inside.slice(1).trim()) throw new TemplateSyntaxError(inside);
      stack.pop();
    } else if (sigil !== "!") {
      const parts = inside.split(":");
      current.push({ kind: "field", name: parts.at(-1)!.trim(), filters: parts.slice(0, -1).map((filter) => filter.trim()) });
    }
  }
  if (stack.length > 1) throw new TemplateSyntaxError(stack.at(-1)!.name);
  if (last < source.length) root.push({ kind: "text", text: source.slice(last) });
  return root;
}

function fieldNodes(nodes: TemplateNode[]): Array<Extract<TemplateNode, { kind: "field" }>> {
  return nodes.flatMap((node) => (node.kind === "field" ? [node] : node.kind === "section" ? fieldNodes(node.children) : []));
}

export interface RenderContext {
  /** Field values (HTML) by field name. */
  fields: ReadonlyMap<string, string>;
  /** The question (`qfmt`) or the answer (`afmt`) side. */
  side: "front" | "back";
  /** For cloze note types: the card's cloze number. */
  cloze?: number;
  /** Fields rendered empty where they are put in plainly (sections still test their real value). */
  omit?: ReadonlySet<string>;
}

export interface RenderedSide {
  html: string;
  /** Whether a non-empty note field was put into the side: Anki creates a card only when its question side has one. */
  hasContent: boolean;
}

/** Renders a parsed template for one note (and, for cloze, one cloze number). */
export function renderTemplate(nodes: TemplateNode[], context: RenderContext): RenderedSide {
  let hasContent = false;
  const render = (list: TemplateNode[]): string =>
    list
      .map((node) => {
        if (node.kind === "text") return node.text;
        if (node.kind === "section") return isFieldEmpty(context.fields.get(node.name) ?? "") === node.inverted ? render(node.children) : "";
        const value = fieldValue(node, context);
        if (!isFieldEmpty(value)) hasContent = true;
        return value;
      })
      .join("");
  return { html: render(nodes), hasContent };
}

/**
 * A field through its filters. `type:` is Anki's answer box: empty on the question side, the field itself on the
 * answer side (where Anki shows the correct answer), so "Basic (type in the answer)" keeps its back.
 */
function fieldValue(node: Extract<TemplateNode, { kind: "field" }>, context: RenderContext): string {
  if (SPECIAL_FIELDS.has(node.name)) return "";
  if (context.omit?.has(node.name) && !node.filters.includes("cloze")) return "";
  if (node.filters.some((filter) => filter === "tts" || filter.startsWith("tts "))) return "";
  if (node.filters.includes("type") && context.side === "front") return "";
  let value = context.fields.get(node.name) ?? "";
  if (node.filters.includes("cloze")) value = context.cloze === undefined ? "" : renderCloze(parseCloze(value), context.cloze, context.side);
  if (node.filters.includes("text")) value = value.replace(/<[^>]*>/g, "");
  return value;
}

/** Anki's rule: a field holding only whitespace, `<br>` and `<div>` tags (and `&nbsp;`) is empty. */
export function isFieldEmpty(html: string): boolean {
  return /^(?:\s|&nbsp;|<\/?(?:br|div)\s*\/?>)*$/i.test(html);
}

// ---- cloze -------------------------------------------------------------------------------------------------------

export type ClozeNode = { kind: "text"; text: string } | { kind: "cloze"; ordinal: number; children: ClozeNode[]; hint: ClozeNode[] | null };

/**
 * Parses `{{c1::text}}` and `{{c2::text::hint}}` deletions in a field's HTML, nested ones included (Anki 2.1.56+).
 * A deletion that is never closed stays as text, as in Anki. `c0` is not a deletion.
 */
export function parseCloze(html: string): ClozeNode[] {
  interface Frame {
    ordinal: number;
    opening: string;
    children: ClozeNode[];
    hint: ClozeNode[] | null;
  }
  const root: ClozeNode[] = [];
  const stack: Frame[] = [];
  const target = () => {
    const frame = stack.at(-1);
    return frame ? (frame.hint ?? frame.children) : root;
  };
  const token = /\{\{c(\d+)::|::|\}\}/g;
  let last = 0;
  for (let match = token.exec(html); match; match = token.exec(html)) {
    const [text, digits] = match;
    const ordinal = digits === undefined ? 0 : Number(digits);
    if (digits !== undefined && ordinal < 1) continue;
    // "::" and "}}" outside a deletion are text; so is a second "::" in the same deletion.
    if (digits === undefined && (stack.length === 0 || (text === "::" && stack.at(-1)!.hint !== null))) continue;
    if (match.index > last) pushText(target(), html.slice(last, match.index));
    last = token.lastIndex;
    if (digits !== undefined) stack.push({ ordinal, opening: text, children: [], hint: null });
    else if (text === "::") stack.at(-1)!.hint = [];
    else {
      const frame = stack.pop()!;
      target().push({ kind: "cloze", ordinal: frame.ordinal, children: frame.children, hint: frame.hint });
    }
  }
  if (last < html.length) pushText(target(), html.slice(last));
  // Unclosed deletions, innermost first: their text as written.
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const written: ClozeNode[] = [{ kind: "text", text: frame.opening }, ...frame.children, ...(frame.hint ? [{ kind: "text", text: "::" } as const, ...frame.hint] : [])];
    for (const node of written) {
      if (node.kind === "text") pushText(target(), node.text);
      else target().push(node);
    }
  }
  return root;
}

function pushText(nodes: ClozeNode[], text: string): void {
  const last = nodes.at(-1);
  if (last?.kind === "text") last.text += text;
  else nodes.push({ kind: "text", text });
}

/** The cloze numbers used in the nodes, ascending and distinct: one card each. */
export function clozeOrdinals(nodes: ClozeNode[]): number[] {
  const found = new Set<number>();
  const visit = (list: ClozeNode[]) => {
    for (const node of list) {
      if (node.kind !== "cloze") continue;
      found.add(node.ordinal);
      visit(node.children);
    }
  };
  visit(nodes);
  return [...found].sort((a, b) => a - b);
}

/**
 * The field for card `ordinal`: on the front its deletions show as `[...]` (or `[hint]`), every other deletion as
 * its text; on the back every deletion shows its text, the card's own in bold (Anki highlights it).
 */
export function renderCloze(nodes: ClozeNode[], ordinal: number, side: "front" | "back"): string {
  return nodes
    .map((node) => {
      if (node.kind === "text") return node.text;
      if (node.ordinal !== ordinal) return renderCloze(node.children, ordinal, side);
      if (side === "back") return `<b>${renderCloze(node.children, ordinal, side)}</b>`;
      return node.hint ? `[${textOf(node.hint)}]` : "[...]";
    })
    .join("");
}

/** Nodes with every deletion shown as its text (a hint's deletions are not the card's to hide). */
function textOf(nodes: ClozeNode[]): string {
  return nodes.map((node) => (node.kind === "text" ? node.text : textOf(node.children))).join("");
}
