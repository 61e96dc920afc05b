/**
 * Reads an Anki package (.apkg) into plain data: its note types and notes, and the name of the deck its cards are
 * in. Only the legacy collection schema is read (Anki 2.1.x with "Support older Anki versions"): note types are
 * the JSON in `col.models`, notes are rows of `notes` whose `flds` are the field values separated by U+001F.
 * Scheduling (cards, revlog) and media are not read. No Prisma, no `next/*`: bytes in, data out.
 *
 * @see https://github.com/ankidroid/Anki-Android/wiki/Database-Structure for the legacy schema.
 */
import type { Database, SqlValue } from "sql.js";
import { z } from "zod";
import { extractCollection, NEWER_FORMAT_MESSAGE, type LegacyCollectionName } from "./apkg-archive";
import { ApkgError } from "./errors";
import { loadSqlJs } from "./sqlite";

/** Most notes one package may hold; bigger packages are refused before any note is read. */
export const MAX_NOTES = 5_000;

/** Anki's separator between the field values of a note (`notes.flds`). */
export const FIELD_SEPARATOR = "\u001f";

export interface AnkiField {
  name: string;
  /** Position of the field's value in `notes.flds` (0-based). */
  ord: number;
}

export interface AnkiTemplate {
  name: string;
  /** The card ordinal this template produces (0-based; Anki's `cards.ord`). */
  ord: number;
  /** Question and answer templates, Anki's `{{Field}}` syntax around HTML. */
  qfmt: string;
  afmt: string;
}

export interface AnkiModel {
  id: string;
  name: string;
  /** Anki's `type`: 0 standard, 1 cloze; anything else is "unknown". */
  type: "standard" | "cloze" | "unknown";
  /** Sorted by `ord`. */
  fields: AnkiField[];
  /** Sorted by `ord`. */
  templates: AnkiTemplate[];
}

export interface AnkiNote {
  id: number;
  /** Anki's globally unique note id (base91 text, case-sensitive): the same note in every copy of the deck. */
  guid: string;
  modelId: string;
  tags: string[];
  /** Field values (HTML) in field order. */
  fields: string[];
}

export interface AnkiCollection {
  /** The zip entry read. */
  source: LegacyCollectionName;
  models: Map<string, AnkiModel>;
  /** Note types that are listed in `col.models` but whose definition could not be read, by id, with their name when known. */
  brokenModels: Map<string, string>;
  /** In note id order (creation time). */
  notes: AnkiNote[];
  /**
   * The deck the cards are in: the common parent of every deck that has cards (`Languages::Spanish` for
   * `Languages::Spanish::Verbs` and `Languages::Spanish::Nouns`), else the deck with the most cards; null when the
   * package names no deck with cards. Subdecks are joined with " / ".
   */
  deckName: string | null;
}

const SQLITE_MAGIC = "SQLite format 3\u0000";

/**
 * Reads an .apkg. Throws {@link ApkgError} for a package that cannot be imported at all: the zip-level problems of
 * `extractCollection`, a collection that is not a readable SQLite database or not an Anki collection, the newer
 * schema (note types outside `col.models`), or more than {@link MAX_NOTES} notes.
 */
export async function readApkg(bytes: Uint8Array): Promise<AnkiCollection> {
  const collection = extractCollection(bytes);
  const file = collection.bytes;
  if (file.length < 100 || new TextDecoder("latin1").decode(file.subarray(0, 16)) !== SQLITE_MAGIC) throw corrupt();
  // Bytes 18-19 are 2 in a WAL-mode database, which sql.js's in-memory file system cannot open; 1 (rollback
  // journal) reads the same pages. The buffer is our own copy from the zip, so patching it changes nothing else.
  if (file[18] === 2) file[18] = 1;
  if (file[19] === 2) file[19] = 1;

  const SQL = await loadSqlJs();
  let db: Database;
  try {
    db = new SQL.Database(file);
  } catch {
    throw corrupt();
  }
  try {
    return readCollection(db, collection.name);
  } catch (error) {
    if (error instanceof ApkgError) throw error;
    throw corrupt();
  } finally {
    // sql.js memory is not garbage-collected: a database left open would stay in the WASM heap.
    db.close();
  }
}

function readCollection(db: Database, source: LegacyCollectionName): AnkiCollection {
  const [col] = rows(db, "SELECT models, decks FROM col LIMIT 1");
  if (!col) throw corrupt();
  const modelsJson = text(col[0]).trim();
  if (modelsJson === "" || modelsJson === "{}") {
    // Schema 18 (Anki 2.1.28+ native) keeps note types in their own table; a legacy export always fills col.models.
    if (rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'").length > 0) throw new ApkgError("newer-format", NEWER_FORMAT_MESSAGE);
    throw corrupt();
  }
  const { models, broken } = parseModels(modelsJson);

  const noteCount = Number(rows(db, "SELECT count(*) FROM notes")[0]?.[0] ?? 0);
  if (noteCount > MAX_NOTES) {
    throw new ApkgError("too-many-notes", `The package has ${noteCount.toLocaleString("en-US")} notes; at most ${MAX_NOTES.toLocaleString("en-US")} can be imported at a time. Split the deck in Anki and export the parts.`);
  }
  const notes = rows(db, "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id").map(
    ([id, guid, mid, tags, flds]): AnkiNote => ({
      id: Number(id),
      guid: text(guid),
      modelId: text(mid),
      tags: text(tags).split(/\s+/).filter((tag) => tag !== ""),
      fields: text(flds).split(FIELD_SEPARATOR),
    }),
  );
  return { source, models, brokenModels: broken, notes, deckName: deckNameOf(db, text(col[1])) };
}

/** All rows of a query's first result set (sql.js returns none for an empty result). */
function rows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? [];
}

/** A column as text: numbers as their decimal form (ids), blobs as UTF-8, null as "". */
function text(value: SqlValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return String(value);
}

const modelSchema = z.object({
  name: z.string(),
  type: z.number().int().optional(),
  flds: z.array(z.object({ name: z.string(), ord: z.number().int().min(0) })),
  tmpls: z.array(z.object({ name: z.string(), ord: z.number().int().min(0), qfmt: z.string(), afmt: z.string() })),
});

/** Note types by id; one that does not have the expected shape is reported by name instead of failing the package. */
function parseModels(json: string): { models: Map<string, AnkiModel>; broken: Map<string, string> } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw corrupt();
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw corrupt();
  const models = new Map<string, AnkiModel>();
  const broken = new Map<string, string>();
  for (const [id, value] of Object.entries(raw)) {
    const parsed = modelSchema.safeParse(value);
    if (!parsed.success) {
      const name = typeof value === "object" && value !== null && "name" in value && typeof value.name === "string" ? value.name : `#${id}`;
      broken.set(id, name);
      continue;
    }
    const model = parsed.data;
    models.set(id, {
      id,
      name: model.name,
      type: model.type === undefined || model.type === 0 ? "standard" : model.type === 1 ? "cloze" : "unknown",
      fields: [...model.flds].sort((a, b) => a.ord - b.ord),
      templates: [...model.tmpls].sort((a, b) => a.ord - b.ord),
    });
  }
  return { models, broken };
}

/** See {@link AnkiCollection.deckName}. Cards in a filtered deck count for their home deck (`odid`). */
function deckNameOf(db: Database, decksJson: string): string | null {
  let names: Map<string, string>;
  let counts: SqlValue[][];
  try {
    const decks = z.record(z.string(), z.object({ name: z.string() })).parse(JSON.parse(decksJson));
    names = new Map(Object.entries(decks).map(([id, deck]) => [id, deck.name]));
    counts = rows(db, "SELECT CASE WHEN odid <> 0 THEN odid ELSE did END AS deck, count(*) AS n FROM cards GROUP BY deck ORDER BY n DESC, deck");
  } catch {
    // The name is a nicety: a package whose decks cannot be read is still imported, under its file name.
    return null;
  }
  const paths = counts
    .map(([deck]) => names.get(text(deck)))
    .filter((name): name is string => name !== undefined && name.trim() !== "")
    .map((name) => name.split("::").map((part) => part.trim()));
  if (paths.length === 0) return null;
  const common: string[] = [];
  for (let index = 0; paths.every((parts) => index < parts.length && parts[index] === paths[0]![index]); index++) common.push(paths[0]![index]!);
  return (common.length > 0 ? common : paths[0]!).join(" / ");
}

function corrupt(): ApkgError {
  return new ApkgError("corrupt", "The package's collection cannot be read: the file is damaged or is not an Anki collection. Export the deck from Anki again.");
}
