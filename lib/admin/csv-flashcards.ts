/**
 * Flashcards from a CSV with the columns front, back and tags (optional), checked against the same rules as a
 * content file (lib/content/schema.ts and the section rules of lib/content/parse.ts), so an imported card could
 * be written out as `content/<deck>/<key>.md` and pass `npm run content:check`. Produces a preview only: the
 * caller shows it, and stores the valid rows when the admin confirms. Framework-free: no Prisma, no `next/*`.
 *
 * Problems never throw: a file that cannot be read as CSV at all (an unclosed quote, ...), has too many rows or
 * no rows, or names an invalid deck, comes back with a top-level `error` and no rows; a bad row comes back as a
 * row with `ok: false` and its messages, next to the good rows.
 */
import { CsvError, parse } from "csv-parse/sync";
import { SECTION_MAX_LENGTH, flashcardFrontMatter } from "@/lib/content/schema";

/** Rows one import may hold, unless the caller says otherwise. */
export const CSV_IMPORT_MAX_ROWS = 2000;
/** Every content section must be non-empty (parse.ts), and a CSV has no explanation column. */
export const CSV_IMPORT_EXPLANATION = "Imported from CSV.";
/** The middle of the 1..5 scale: the admin can adjust cards afterwards. */
export const CSV_IMPORT_DIFFICULTY = 3;
/** Longest slug of the title in a generated key, so `csv-` + slug + `-NNNN` stays well under the 100-character key limit. */
export const CSV_KEY_SLUG_MAX_LENGTH = 60;

export interface CsvFlashcard {
  key: string;
  deck: string;
  kind: "flashcard";
  title: string;
  tags: string[];
  difficulty: number;
  prompt: string;
  answer: string;
  explanation: string;
}

/** One data row of the file; `line` is the line its first cell starts on (1-based, header and blank lines counted). */
export type CsvImportRow = { line: number; ok: true; question: CsvFlashcard } | { line: number; ok: false; errors: string[]; front?: string };

export interface CsvImportPreview {
  /** Set when the file as a whole cannot be imported; `rows` is then empty and the totals are 0. */
  error: string | null;
  rows: CsvImportRow[];
  /** Data rows (header and blank lines not counted), and how many of them are valid and invalid. */
  totals: { rows: number; valid: number; invalid: number };
}

export interface CsvImportOptions {
  /** The deck every card goes into (a deck slug). */
  deck: string;
  /** Keys already used in the bank: generated keys avoid them. */
  existingKeys: ReadonlySet<string>;
  /** At most this many data rows; default CSV_IMPORT_MAX_ROWS. */
  maxRows?: number;
}

interface CsvRecord {
  line: number;
  cells: string[];
}

const TITLE_MAX_LENGTH = flashcardFrontMatter.shape.title.maxLength ?? 200;

/**
 * Checks a CSV of flashcards and builds the cards it would create. See the module comment for how problems are
 * reported. Rules: an optional header row `front,back` or `front,back,tags` (any case); blank lines skipped; front
 * and back required; tags separated by `;`, `,` or spaces, lower-cased with `_` read as `-`; a front repeated in
 * the file (ignoring case and spacing) is an error on the later row; keys are `csv-<slug of the title>`, made
 * unique against `existingKeys` and earlier rows with `-2`, `-3`, ...
 */
export function parseFlashcardCsv(text: string, options: CsvImportOptions): CsvImportPreview {
  const read = readRecords(text);
  if ("error" in read) return failure(read.error);
  const deckCheck = flashcardFrontMatter.shape.deck.safeParse(options.deck);
  if (!deckCheck.success) return failure(`Deck "${options.deck}": ${deckCheck.error.issues[0]?.message ?? "invalid deck"}.`);

  const records = read.records.filter((record) => record.cells.some((cell) => cell.trim() !== ""));
  const data = records.length > 0 && isHeader(records[0]!.cells) ? records.slice(1) : records;
  const maxRows = options.maxRows ?? CSV_IMPORT_MAX_ROWS;
  if (data.length === 0) return failure("The file has no cards: expected rows of front,back or front,back,tags.");
  if (data.length > maxRows) return failure(`The file has ${data.length} cards; import at most ${maxRows} at a time (split the file).`);

  const taken = new Set(options.existingKeys);
  const fronts = new Map<string, number>();
  const rows = data.map((record) => buildRow(record, options.deck, taken, fronts));
  const valid = rows.filter((row) => row.ok).length;
  return { error: null, rows, totals: { rows: rows.length, valid, invalid: rows.length - valid } };
}

function failure(error: string): CsvImportPreview {
  return { error, rows: [], totals: { rows: 0, valid: 0, invalid: 0 } };
}

/**
 * The CSV records with the line each starts on. Line endings are made `\n` first: cells then hold Markdown as a
 * content file would, and csv-parse counts lines wrongly after a CRLF inside a quoted cell.
 */
function readRecords(text: string): { records: CsvRecord[] } | { error: string } {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records: CsvRecord[] = [];
  try {
    parse(normalised, {
      skip_empty_lines: true,
      // Rows may leave out tags (or have a stray cell); buildRow reports what matters per row.
      relax_column_count: true,
      // A quote inside an unquoted cell (`5" screen`) is kept as text instead of failing the whole file.
      relax_quotes: true,
      // Spaces around a delimiter are ignored, so `front, "back, with comma"` reads as two cells.
      trim: true,
      // `lines` is the line a record ends on; its cells' newlines say how many lines earlier it started.
      on_record: (cells: string[], context) => {
        records.push({ line: context.lines - newlines(cells), cells });
        return cells;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { error: csvErrorMessage(error, failedRecordLine(normalised, records)) };
  }
  return { records };
}

function newlines(cells: string[]): number {
  return cells.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
}

/** The failing record starts on the first non-blank line after the last record read. */
function failedRecordLine(text: string, records: CsvRecord[]): number {
  const lines = text.split("\n");
  const last = records.at(-1);
  let index = last ? last.line - 1 + newlines(last.cells) + 1 : 0;
  while (index < lines.length - 1 && lines[index]!.trim() === "") index++;
  return index + 1;
}

function csvErrorMessage(error: CsvError, line: number): string {
  const where = `The row starting on line ${line}`;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `${where} has a quoted cell that is never closed: add the closing " (write "" for a quote inside a quoted cell).`;
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return `${where} has text after the closing quote of a cell: quote the whole cell and write "" for a quote inside it.`;
    case "CSV_MAX_RECORD_SIZE":
      return `${where} is too long to be one card: is a closing quote missing?`;
    default:
      return `${where} cannot be read as CSV: ${error.message}`;
  }
}

function isHeader(cells: string[]): boolean {
  const names = cells.map((cell) => cell.trim().toLowerCase()).join(",");
  return names === "front,back" || names === "front,back,tags";
}

/** One data row: its checks, then (when they pass) a key reserved in `taken` and the card. */
function buildRow(record: CsvRecord, deck: string, taken: Set<string>, fronts: Map<string, number>): CsvImportRow {
  const [frontCell = "", backCell = "", tagsCell = "", ...extra] = record.cells;
  const front = frontCell.trim();
  const back = backCell.trim();
  const errors: string[] = [];
  if (extra.some((cell) => cell.trim() !== "")) {
    errors.push(`expected at most 3 columns (front, back, tags), got ${record.cells.length}: put a cell that contains a comma in double quotes`);
  }
  errors.push(...sectionErrors("front", front), ...sectionErrors("back", back));

  if (front !== "") {
    const seen = fronts.get(frontIdentity(front));
    if (seen !== undefined) errors.push(`front: the same front as the card on line ${seen}`);
    else fronts.set(frontIdentity(front), record.line);
  }

  const title = front === "" ? "" : titleOf(front);
  const tags = splitTags(tagsCell);
  const key = uniqueKey(`csv-${slugOf(title)}`, taken);
  const frontMatter = flashcardFrontMatter.safeParse({ key, deck, kind: "flashcard", title, tags, difficulty: CSV_IMPORT_DIFFICULTY });
  // An empty front is already reported as such; the schema's "non-empty title" would say it twice.
  if (!frontMatter.success && front !== "") errors.push(...frontMatter.error.issues.map((issue) => frontMatterMessage(issue.path, issue.message, tags)));

  if (errors.length > 0 || !frontMatter.success) return { line: record.line, ok: false, errors, ...(front !== "" ? { front } : {}) };
  taken.add(key);
  const { data } = frontMatter;
  return {
    line: record.line,
    ok: true,
    question: { ...data, prompt: front, answer: back, explanation: CSV_IMPORT_EXPLANATION },
  };
}

/** A schema issue in the words of the CSV: tags are a cell, not a list. */
function frontMatterMessage(path: readonly PropertyKey[], message: string, tags: string[]): string {
  const [field, index] = path;
  if (field === "tags" && typeof index === "number") return `tags: "${tags[index] ?? ""}": ${message}`;
  return `${path.map(String).join(".") || "card"}: ${message}`;
}

const LEVEL_TWO_HEADING = /^##[ \t]+(.+?)[ \t#]*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * The rules parse.ts applies to a section: non-empty, at most SECTION_MAX_LENGTH characters, and no `## `
 * heading outside a code fence (it would end the section in a content file).
 */
function sectionErrors(column: "front" | "back", text: string): string[] {
  if (text === "") return [`${column}: expected non-empty text`];
  const errors: string[] = [];
  if (text.length > SECTION_MAX_LENGTH) errors.push(`${column}: ${text.length} characters; expected at most ${SECTION_MAX_LENGTH}`);
  let fence: string | null = null;
  for (const line of text.split("\n")) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && fence === null) fence = marker;
    else if (marker && fence && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    if (fence === null && !marker && LEVEL_TWO_HEADING.test(line)) {
      errors.push(`${column}: the heading "${line.trim()}" would start a new section; use ### for a heading inside a card`);
      break;
    }
  }
  return errors;
}

// Duplicates are the same question however it is capitalised or spaced.
function frontIdentity(front: string): string {
  return front.replace(/\s+/g, " ").toLowerCase();
}

/** The front's first line without heading marks or emphasis, truncated with an ellipsis to the title limit. */
function titleOf(front: string): string {
  const firstLine = front.split("\n")[0]!.trim();
  const plain = stripEmphasis(firstLine).replace(/\s+/g, " ").trim();
  return truncate(plain === "" ? firstLine : plain, TITLE_MAX_LENGTH);
}

/**
 * Removes `**strong**`, `__strong__`, `*em*`, `_em_`, `~~struck~~` and a leading `#` heading mark. Inline code
 * and `$math$` are kept as written: `$k*k*c$` or `` `c_in_max` `` are not emphasis.
 */
function stripEmphasis(line: string): string {
  const kept: string[] = [];
  const hidden = line.replace(/`[^`]*`|\$[^$]*\$/g, (span) => `\u0000${kept.push(span) - 1}\u0000`);
  const stripped = hidden
    .replace(/^#{1,6}[ \t]+/, "")
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, "$1")
    // `_` marks emphasis only at word edges, so `c_in` stays as it is.
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1$2");
  return stripped.replace(/\u0000(\d+)\u0000/g, (_match, index: string) => kept[Number(index)] ?? "");
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair (an emoji) before the ellipsis.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Lower-case ASCII words joined by `-` (accents dropped, `×` read as x); `card` when nothing is left. */
function slugOf(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/×/g, "x")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (words.length <= CSV_KEY_SLUG_MAX_LENGTH) return words || "card";
  // Cut at a word boundary when one is reasonably close, so a key does not end in half a word.
  const cut = words.slice(0, CSV_KEY_SLUG_MAX_LENGTH + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary >= CSV_KEY_SLUG_MAX_LENGTH / 2 ? cut.slice(0, boundary) : cut.slice(0, CSV_KEY_SLUG_MAX_LENGTH)).replace(/-+$/, "");
}

function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix++;
  return `${base}-${suffix}`;
}

/** Tags from one cell: split on `;`, `,` or whitespace, lower-cased, `_` as `-`, repeated hyphens merged, no duplicates. */
function splitTags(cell: string): string[] {
  const tags = cell
    .split(/[;,\s]+/)
    .map((tag) => tag.toLowerCase().replace(/_/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, ""))
    .filter((tag) => tag !== "");
  return [...new Set(tags)];
}
