/**
 * Anki field HTML → Receptive Markdown. Anki stores what its editor produced: text with `<br>`, `<div>` per line,
 * `<b>`/`<i>`/`<u>`, entities, `<img>` and `[sound:…]` media references, MathJax `\(…\)`. The result is Markdown
 * that renders the same text (lib/markdown sanitises whatever comes out, so this module is about fidelity, not
 * safety):
 *
 * - a line break (`<br>`, a `<div>`/`<p>`/`<li>` boundary) stays a line break (a Markdown hard break), and an
 *   empty line (`<br><br>`, `<div><br></div>`) becomes a paragraph break; `<p>` ends a paragraph;
 * - `<b>`/`<strong>` → `**`, `<i>`/`<em>` → `*`, `<s>`/`<del>`/`<strike>` → `~~`, `<code>` → a code span, `<pre>`
 *   → a fenced block, `<ul>`/`<ol>` → lists, `<a href="http(s)…">` → a link; every other tag is dropped, its text
 *   kept (`<script>`, `<style>` and media elements with their content);
 * - entities are decoded, and every character Markdown would read as syntax is escaped, so `2*3*4`, `a_b`, `$5`
 *   or `<T>` show as written;
 * - MathJax `\(x\)` / `\[x\]` (and Anki's `[$]x[/$]` / `[$$]x[/$$]`) become `$x$` / `$$x$$` for KaTeX;
 * - `<img>`, `[sound:…]`, Anki TTS tags and `<audio>`/`<video>`/`<object>`/`<iframe>`… are removed and counted,
 *   because media files are not imported.
 *
 * Pure and synchronous. The tokenizer is forgiving like a browser (an unterminated tag ends the input) and runs in
 * linear time on any input.
 */

export interface AnkiHtmlConversion {
  /** Markdown, trimmed; "" when the field had no text. */
  markdown: string;
  /** The same text without any markup (line breaks as "\n"), for titles and excerpts. */
  text: string;
  /** `<img>` elements removed. */
  images: number;
  /** `[sound:…]` references and Anki TTS tags removed. */
  sounds: number;
  /** Other media elements removed (`<audio>`, `<video>`, `<object>`, `<embed>`, `<iframe>`, `<svg>`, `<canvas>`, `<math>`). */
  otherMedia: number;
}

/** Converts one field's (or one rendered card side's) HTML; see the module comment for the rules. */
export function ankiHtmlToMarkdown(html: string): AnkiHtmlConversion {
  const writer = new Writer();
  for (const token of tokenize(html)) writer.token(token);
  return writer.finish();
}

/** Backslash-escapes every character CommonMark, GFM or remark-math could read as syntax anywhere in a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>$~|&]/g, "\\$&");
}

// ---- tokenizer ---------------------------------------------------------------------------------------------------

type Token = { kind: "text"; text: string } | { kind: "open"; name: string; href: string | null } | { kind: "close"; name: string };

/** Elements whose content is never text: dropped whole, up to their closing tag. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "template", "noscript"]);

function* tokenize(html: string): Generator<Token> {
  let position = 0;
  let textStart = 0;
  while (position < html.length) {
    const lt = html.indexOf("<", position);
    if (lt < 0) break;
    if (html.startsWith("<!--", lt) || html[lt + 1] === "!" || html[lt + 1] === "?") {
      if (lt > textStart) yield { kind: "text", text: html.slice(textStart, lt) };
      const comment = html.startsWith("<!--", lt);
      const end = html.indexOf(comment ? "-->" : ">", lt + 2);
      position = end < 0 ? html.length : end + (comment ? 3 : 1);
      textStart = position;
      continue;
    }
    const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 80));
    if (!match) {
      // A "<" that starts no tag ("a < b") is text.
      position = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt + match[0].length);
    if (lt > textStart) yield { kind: "text", text: html.slice(textStart, lt) };
    // A tag that never ends swallows the rest of the input, as in a browser (and keeps the scan linear).
    if (end < 0) return;
    const name = match[2]!.toLowerCase();
    position = end + 1;
    textStart = position;
    if (match[1]) {
      yield { kind: "close", name };
      continue;
    }
    const inside = html.slice(lt + match[0].length, end);
    yield { kind: "open", name, href: name === "a" ? attribute(inside, "href") : null };
    if (RAW_TEXT.has(name) && !/\/\s*$/.test(inside)) {
      const close = new RegExp(`</${name}\\s*>`, "gi");
      close.lastIndex = position;
      const found = close.exec(html);
      position = found ? close.lastIndex : html.length;
      textStart = position;
    }
  }
  if (textStart < html.length) yield { kind: "text", text: html.slice(textStart) };
}

/** Index of the `>` that ends a tag whose attributes start at `from` (quotes respected), or -1. */
function tagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let index = from; index < html.length; index++) {
    const char = html[index];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ">") {
      return index;
    }
  }
  return -1;
}

function attribute(inside: string, wanted: string): string | null {
  const pattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let match = pattern.exec(inside); match; match = pattern.exec(inside)) {
    if (match[1]!.toLowerCase() === wanted) return decodeEntities(match[2] ?? match[3] ?? match[4] ?? "").trim();
  }
  return null;
}

// ---- entities ----------------------------------------------------------------------------------------------------

/**
 * Named entities decoded: HTML's five, the space and dash family, typography, and the Greek letters and symbols
 * that maths and ML cards use. An unknown name stays as written (and shows as written, since `&` is escaped).
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ", shy: "", zwj: "", zwnj: "",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", laquo: "«", raquo: "»",
  lsaquo: "‹", rsaquo: "›", bull: "•", middot: "·", prime: "′", Prime: "″", dagger: "†", Dagger: "‡", permil: "‰", sect: "§", para: "¶",
  copy: "©", reg: "®", trade: "™", deg: "°", plusmn: "±", times: "×", divide: "÷", minus: "−", frac12: "½", frac14: "¼", frac34: "¾",
  sup1: "¹", sup2: "²", sup3: "³", micro: "µ", cent: "¢", pound: "£", euro: "€", yen: "¥", curren: "¤", iexcl: "¡", iquest: "¿",
  larr: "←", rarr: "→", uarr: "↑", darr: "↓", harr: "↔", lArr: "⇐", rArr: "⇒", uArr: "⇑", dArr: "⇓", hArr: "⇔",
  forall: "∀", part: "∂", exist: "∃", empty: "∅", nabla: "∇", isin: "∈", notin: "∉", ni: "∋", prod: "∏", sum: "∑", lowast: "∗",
  radic: "√", prop: "∝", infin: "∞", ang: "∠", and: "∧", or: "∨", cap: "∩", cup: "∪", int: "∫", there4: "∴", sim: "∼", cong: "≅",
  asymp: "≈", ne: "≠", equiv: "≡", le: "≤", ge: "≥", sub: "⊂", sup: "⊃", nsub: "⊄", sube: "⊆", supe: "⊇", oplus: "⊕", otimes: "⊗",
  perp: "⊥", sdot: "⋅", lceil: "⌈", rceil: "⌉", lfloor: "⌊", rfloor: "⌋", lang: "⟨", rang: "⟩", not: "¬", macr: "¯", acute: "´",
  Alpha: "Α", Beta: "Β", Gamma: "Γ", Delta: "Δ", Epsilon: "Ε", Zeta: "Ζ", Eta: "Η", Theta: "Θ", Iota: "Ι", Kappa: "Κ", Lambda: "Λ",
  Mu: "Μ", Nu: "Ν", Xi: "Ξ", Omicron: "Ο", Pi: "Π", Rho: "Ρ", Sigma: "Σ", Tau: "Τ", Upsilon: "Υ", Phi: "Φ", Chi: "Χ", Psi: "Ψ", Omega: "Ω",
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", zeta: "ζ", eta: "η", theta: "θ", iota: "ι", kappa: "κ", lambda: "λ",
  mu: "μ", nu: "ν", xi: "ξ", omicron: "ο", pi: "π", rho: "ρ", sigmaf: "ς", sigma: "σ", tau: "τ", upsilon: "υ", phi: "φ", chi: "χ",
  psi: "ψ", omega: "ω", thetasym: "ϑ", piv: "ϖ",
};
/** Latin-1 letters U+00C0..U+00FF in code point order (× and ÷ included, so the index is the offset). */
const LATIN1_NAMES =
  "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";
LATIN1_NAMES.split(" ").forEach((name, index) => {
  NAMED_ENTITIES[name] = String.fromCodePoint(0xc0 + index);
});
Object.assign(NAMED_ENTITIES, { OElig: "Œ", oelig: "œ", Scaron: "Š", scaron: "š", Yuml: "Ÿ", fnof: "ƒ", circ: "ˆ", tilde: "˜" });

/** The legacy names browsers also accept without the final `;`. */
const NO_SEMICOLON = new Set(["amp", "lt", "gt", "quot", "nbsp"]);

/** Decodes character references; invalid code points (NUL, surrogates, beyond U+10FFFF) become U+FFFD. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31})(;?)/g, (whole, body: string, semicolon: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body];
    if (named === undefined || (semicolon === "" && !NO_SEMICOLON.has(body))) return whole;
    return named;
  });
}

// ---- writer ------------------------------------------------------------------------------------------------------

const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const STYLE_MARKERS: Array<[number, string]> = [
  [STRIKE, "~~"],
  [BOLD, "**"],
  [ITALIC, "*"],
];

const BLOCKS = new Set([
  "div", "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "pre",
  "section", "article", "header", "footer", "main", "nav", "aside", "dl", "dt", "dd", "center", "figure", "figcaption", "details",
  "summary", "address", "hr",
]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Elements removed with their content and counted as media. */
const MEDIA = new Set(["audio", "video", "object", "embed", "iframe", "svg", "canvas", "math", "picture"]);
/** Elements that never have a closing tag. */
const VOID = new Set(["br", "img", "hr", "input", "wbr", "meta", "link", "source", "track", "area", "col", "base", "embed", "param"]);

/** A piece of a line: escaped text with its style, or an atom (code span, math) that is never re-escaped or trimmed. */
interface Run {
  markdown: string;
  plain: string;
  style: number;
  link: string | null;
  atom: boolean;
}

type LineKind = "text" | "item" | "code" | "blank";

interface Line {
  markdown: string;
  /** Null for lines that are only markup (a code fence). */
  plain: string | null;
  kind: LineKind;
}

interface OpenList {
  ordered: boolean;
  next: number;
  /** Spaces before this list's markers. */
  indent: string;
  /** Spaces that put text under the current item's content (for a list nested in it). */
  contentIndent: string;
}

const SPECIAL_TEXT =
  /\[sound:[^\]]*\]|\[anki:tts[^\]]*\][\s\S]*?\[\/anki:tts\]|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|\[\$\]([\s\S]+?)\[\/\$\]|\[\$\$\]([\s\S]+?)\[\/\$\$\]/g;

class Writer {
  private readonly lines: Line[] = [];
  private runs: Run[] = [];
  private prefix = "";
  private readonly styleCounts = new Map<number, number>();
  private link: string | null = null;
  private readonly lists: OpenList[] = [];
  /** Nesting depth inside a removed media element (everything in it is dropped). */
  private mediaDepth = 0;
  private code: { pre: boolean; text: string } | null = null;
  private readonly counts = { images: 0, sounds: 0, otherMedia: 0 };

  token(token: Token): void {
    if (this.mediaDepth > 0) {
      if (token.kind === "open" && MEDIA.has(token.name) && !VOID.has(token.name)) this.mediaDepth++;
      else if (token.kind === "close" && MEDIA.has(token.name)) this.mediaDepth--;
      return;
    }
    if (token.kind === "text") return this.code ? this.codeText(token.text) : this.text(token.text);
    if (this.code) return this.codeTag(token);
    if (token.kind === "open") this.open(token.name, token.href);
    else this.close(token.name);
  }

  finish(): AnkiHtmlConversion {
    if (this.code) this.endCode();
    this.endLine(false);
    return { ...assemble(this.lines), ...this.counts };
  }

  private open(name: string, href: string | null): void {
    if (name === "img") {
      this.counts.images++;
      return;
    }
    if (MEDIA.has(name)) {
      this.counts.otherMedia++;
      if (!VOID.has(name)) this.mediaDepth = 1;
      return;
    }
    if (name === "br") return this.endLine(true);
    if (name === "hr") return this.paragraphBreak();
    if (name === "pre") {
      this.paragraphBreak();
      this.code = { pre: true, text: "" };
      return;
    }
    if (name === "code") {
      this.code = { pre: false, text: "" };
      return;
    }
    if (name === "ul" || name === "ol") {
      this.endLine(false);
      if (this.lists.length === 0) this.blank();
      const parent = this.lists.at(-1);
      const indent = parent ? parent.contentIndent : "";
      this.lists.push({ ordered: name === "ol", next: 1, indent, contentIndent: indent });
      return;
    }
    if (name === "li") {
      this.endLine(false);
      const list = this.lists.at(-1);
      const marker = list?.ordered ? `${list.next++}. ` : "- ";
      const indent = list?.indent ?? "";
      if (list) list.contentIndent = indent + " ".repeat(marker.length);
      this.prefix = indent + marker;
      return;
    }
    if (BLOCKS.has(name)) this.endLine(false);
    if (HEADINGS.has(name) || name === "b" || name === "strong" || name === "dt") this.style(BOLD, 1);
    else if (name === "i" || name === "em" || name === "cite" || name === "var") this.style(ITALIC, 1);
    else if (name === "s" || name === "del" || name === "strike") this.style(STRIKE, 1);
    else if (name === "a") this.link = href !== null && /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
    else if (name === "td" || name === "th") this.text(" ");
  }

  private close(name: string): void {
    if (name === "ul" || name === "ol") {
      this.endLine(false);
      this.lists.pop();
      if (this.lists.length === 0) this.blank();
      return;
    }
    if (HEADINGS.has(name) || name === "b" || name === "strong" || name === "dt") this.style(BOLD, -1);
    else if (name === "i" || name === "em" || name === "cite" || name === "var") this.style(ITALIC, -1);
    else if (name === "s" || name === "del" || name === "strike") this.style(STRIKE, -1);
    else if (name === "a") this.link = null;
    if (name === "p" || HEADINGS.has(name)) this.paragraphBreak();
    else if (BLOCKS.has(name)) this.endLine(false);
  }

  private style(bit: number, delta: number): void {
    this.styleCounts.set(bit, Math.max(0, (this.styleCounts.get(bit) ?? 0) + delta));
  }

  private currentStyle(): number {
    let style = 0;
    for (const [bit, count] of this.styleCounts) if (count > 0) style |= bit;
    return style;
  }

  /** Text between tags: decoded, whitespace collapsed as HTML does, media references dropped, math kept raw. */
  private text(raw: string): void {
    const text = cleanText(decodeEntities(raw)).replace(/\s+/g, " ");
    let last = 0;
    SPECIAL_TEXT.lastIndex = 0;
    for (let match = SPECIAL_TEXT.exec(text); match; match = SPECIAL_TEXT.exec(text)) {
      this.plainText(text.slice(last, match.index));
      last = SPECIAL_TEXT.lastIndex;
      const inline = match[1] ?? match[3];
      const display = match[2] ?? match[4];
      const math = (inline ?? display)?.trim();
      if (math === undefined) this.counts.sounds++;
      else if (math === "" || math.includes("$")) this.plainText(match[0]);
      else this.atom(inline !== undefined ? `$${math}$` : `$$${math}$$`, math);
    }
    this.plainText(text.slice(last));
  }

  private plainText(text: string): void {
    if (text === "") return;
    const previous = this.runs.at(-1);
    // Collapse spaces across runs, and drop them at the start of a line, as a browser would.
    const collapsed = previous === undefined || previous.plain.endsWith(" ") ? text.replace(/^ /, "") : text;
    if (collapsed === "") return;
    this.runs.push({ markdown: escapeMarkdown(collapsed), plain: collapsed, style: this.currentStyle(), link: this.link, atom: false });
  }

  private atom(markdown: string, plain: string): void {
    this.runs.push({ markdown, plain, style: this.currentStyle(), link: this.link, atom: true });
  }

  private codeText(raw: string): void {
    const text = cleanText(decodeEntities(raw));
    this.code!.text += this.code!.pre ? text : text.replace(/\s+/g, " ");
  }

  /** Inside `<pre>` or `<code>` only line breaks and the end of the element matter. */
  private codeTag(token: Exclude<Token, { kind: "text" }>): void {
    const code = this.code!;
    if (token.kind === "close" && token.name === (code.pre ? "pre" : "code")) return this.endCode();
    if (token.kind === "open" && token.name === "img") this.counts.images++;
    else if (code.pre && token.kind === "open" && (token.name === "br" || token.name === "div" || token.name === "p")) code.text += "\n";
    else if (!code.pre && token.kind === "open" && token.name === "br") code.text += " ";
  }

  private endCode(): void {
    const code = this.code!;
    this.code = null;
    if (code.pre) {
      const body = code.text.replace(/^\n+|\s+$/g, "");
      if (body === "") return;
      const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
      this.blank();
      for (const line of [fence, ...body.split("\n"), fence]) this.lines.push({ markdown: line, plain: line === fence ? null : line, kind: "code" });
      this.blank();
      return;
    }
    const body = code.text.trim();
    if (body === "") return;
    const ticks = "`".repeat(longestRun(body, "`") + 1);
    // A space on each side keeps a span that starts or ends with a backtick readable (CommonMark strips one).
    const padded = body.startsWith("`") || body.endsWith("`") ? ` ${body} ` : body;
    this.atom(`${ticks}${padded}${ticks}`, body);
  }

  /** Ends the current line; `force` also records an empty one (a `<br>` on an empty line: a paragraph break). */
  private endLine(force: boolean): void {
    const content = this.runs.filter((run) => run.atom || run.plain.trim() !== "");
    if (content.length === 0) {
      if (force) this.blank();
      this.runs = [];
      return;
    }
    const { markdown, plain } = renderRuns(this.runs);
    this.lines.push({ markdown: this.prefix + escapeLineStart(markdown), plain, kind: this.prefix ? "item" : "text" });
    this.runs = [];
    this.prefix = "";
  }

  private paragraphBreak(): void {
    this.endLine(false);
    this.blank();
  }

  private blank(): void {
    this.prefix = "";
    if (this.lines.length > 0 && this.lines.at(-1)!.kind !== "blank") this.lines.push({ markdown: "", plain: "", kind: "blank" });
  }
}

/** NUL and other control characters (tab and newline aside) cannot be stored or shown; PostgreSQL text refuses NUL. */
function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/**
 * A line's runs as Markdown: styles opened and closed where they change (a style that ends inside another one
 * closes and reopens the inner ones), spaces moved outside markers (`** x**` would not be emphasis), links
 * wrapped innermost, the line trimmed.
 */
function renderRuns(runs: Run[]): { markdown: string; plain: string } {
  const trimmed = trimRuns(runs);
  let markdown = "";
  const open: Array<[number, string]> = [];
  let link: string | null = null;
  const closeTo = (keep: number) => {
    // Close from the innermost marker out until every open marker is one `keep` still has.
    while (open.some(([bit]) => (keep & bit) === 0)) {
      const [, marker] = open.pop()!;
      markdown = moveTrailingSpace(markdown, marker);
    }
  };
  let style = 0;
  for (const run of trimmed) {
    // A link is closed before any style change too, so markers and brackets always nest.
    if (link !== null && (run.link !== link || run.style !== style)) {
      markdown = moveTrailingSpace(markdown, `](${linkTarget(link)})`);
      link = null;
    }
    style = run.style;
    closeTo(run.style);
    let text = run.markdown;
    const lead = run.atom ? "" : (/^ +/.exec(text)?.[0] ?? "");
    text = text.slice(lead.length);
    markdown += lead;
    for (const [bit, marker] of STYLE_MARKERS) {
      if ((run.style & bit) !== 0 && !open.some(([openBit]) => openBit === bit)) {
        markdown += marker;
        open.push([bit, marker]);
      }
    }
    if (run.link !== null && link === null) {
      markdown += "[";
      link = run.link;
    }
    markdown += text;
  }
  if (link !== null) markdown = moveTrailingSpace(markdown, `](${linkTarget(link)})`);
  closeTo(0);
  return { markdown: markdown.trim(), plain: trimmed.map((run) => run.plain).join("").trim() };
}

/** A URL as a Markdown link destination: characters that would end or break it are percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>\\]/g, (char) => encodeURIComponent(char));
}

function trimRuns(runs: Run[]): Run[] {
  const kept = runs.filter((run) => run.atom || run.plain !== "");
  if (kept.length === 0) return kept;
  const first = kept[0]!;
  const last = kept.at(-1)!;
  if (!first.atom) kept[0] = { ...first, markdown: first.markdown.trimStart(), plain: first.plain.trimStart() };
  if (!last.atom) kept[kept.length - 1] = { ...kept.at(-1)!, markdown: kept.at(-1)!.markdown.trimEnd(), plain: kept.at(-1)!.plain.trimEnd() };
  return kept.filter((run) => run.atom || run.plain !== "");
}

/** Appends a closing marker before the text's trailing spaces: `**bold **` is not emphasis, `**bold** ` is. */
function moveTrailingSpace(markdown: string, closer: string): string {
  const trailing = /( +)$/.exec(markdown)?.[1] ?? "";
  return markdown.slice(0, markdown.length - trailing.length) + closer + trailing;
}

/** Escapes what is syntax only at the start of a line: headings, list markers, setext underlines, thematic breaks. */
function escapeLineStart(markdown: string): string {
  const numbered = /^(\d{1,9})([.)])/.exec(markdown);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${markdown.slice(numbered[0].length)}`;
  return /^[#+\-=]/.test(markdown) ? `\\${markdown}` : markdown;
}

/**
 * Joins lines: a blank line between paragraphs, a hard break (`\` at the end of the line) between lines of a
 * paragraph, plain newlines inside fenced code and before a list item. Leading, trailing and repeated blank lines
 * are dropped.
 */
function assemble(lines: Line[]): { markdown: string; text: string } {
  const kept: Line[] = [];
  for (const line of lines) {
    if (line.kind === "blank" && (kept.length === 0 || kept.at(-1)!.kind === "blank")) continue;
    kept.push(line);
  }
  while (kept.at(-1)?.kind === "blank") kept.pop();
  const markdown: string[] = [];
  const text: string[] = [];
  kept.forEach((line, index) => {
    const previous = kept[index - 1];
    if (previous && previous.kind !== "blank" && previous.kind !== "code" && line.kind !== "blank" && line.kind !== "item" && line.kind !== "code") {
      markdown[markdown.length - 1] += "\\";
    }
    markdown.push(line.markdown);
    if (line.plain !== null) text.push(line.plain);
  });
  return { markdown: markdown.join("\n"), text: text.join("\n").replace(/\n{3,}/g, "\n\n") };
}
