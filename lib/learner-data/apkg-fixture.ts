/**
 * Test support: builds Anki packages the way Anki 2.1 writes them with "Support older Anki versions" ticked, so
 * the importer is tested against files the tests make themselves (no binary fixture checked in). The collection has
 * Anki's legacy schema (schema 11: `col` with the note types and decks as JSON, `notes`, `cards`, `revlog`,
 * `graves`, as created by Anki's `schema11.sql`), filled with sql.js, then zipped with fflate next to a `media`
 * index. Not used by the app.
 *
 * @see https://github.com/ankitects/anki/blob/main/rslib/src/storage/schema11.sql
 */
import { strToU8, zipSync, type Zippable } from "fflate";
import { FIELD_SEPARATOR } from "./apkg";
import { loadSqlJs } from "./sqlite";

export interface FixtureTemplate {
  name: string;
  qfmt: string;
  afmt: string;
}

export interface FixtureModel {
  id: number;
  name: string;
  /** 0 standard, 1 cloze. */
  type: number;
  fields: string[];
  templates: FixtureTemplate[];
}

export interface FixtureNote {
  guid: string;
  modelId: number;
  fields: string[];
  tags?: string[];
  /** Default 1 (Anki's "Default" deck). */
  deckId?: number;
  /** Card ordinals to list in `cards` (default: 0 only); the importer does not rely on them. */
  cardOrds?: number[];
}

export interface FixtureCollection {
  models: FixtureModel[];
  notes: FixtureNote[];
  /** Deck names by id; Anki always has deck 1, "Default". */
  decks?: Record<number, string>;
}

const ANSWER_RULE = "{{FrontSide}}\n\n<hr id=answer>\n\n";

/** Anki's stock note types, templates as Anki ships them. */
export const BASIC_MODEL: FixtureModel = {
  id: 1_700_000_000_001,
  name: "Basic",
  type: 0,
  fields: ["Front", "Back"],
  templates: [{ name: "Card 1", qfmt: "{{Front}}", afmt: `${ANSWER_RULE}{{Back}}` }],
};

export const REVERSED_MODEL: FixtureModel = {
  id: 1_700_000_000_002,
  name: "Basic (and reversed card)",
  type: 0,
  fields: ["Front", "Back"],
  templates: [
    { name: "Card 1", qfmt: "{{Front}}", afmt: `${ANSWER_RULE}{{Back}}` },
    { name: "Card 2", qfmt: "{{Back}}", afmt: `${ANSWER_RULE}{{Front}}` },
  ],
};

export const CLOZE_MODEL: FixtureModel = {
  id: 1_700_000_000_003,
  name: "Cloze",
  type: 1,
  fields: ["Text", "Back Extra"],
  templates: [{ name: "Cloze", qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}<br>\n{{Back Extra}}" }],
};

export const TYPE_IN_MODEL: FixtureModel = {
  id: 1_700_000_000_005,
  name: "Basic (type in the answer)",
  type: 0,
  fields: ["Front", "Back"],
  templates: [{ name: "Card 1", qfmt: "{{Front}}\n\n{{type:Back}}", afmt: "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}" }],
};

/** A note type Receptive does not import: Japanese readings through the furigana filter. */
export const FURIGANA_MODEL: FixtureModel = {
  id: 1_700_000_000_004,
  name: "Japanese (recognition)",
  type: 0,
  fields: ["Expression", "Meaning", "Reading"],
  templates: [{ name: "Recognition", qfmt: "{{Expression}}", afmt: `${ANSWER_RULE}{{furigana:Reading}}<br>{{Meaning}}` }],
};

const SCHEMA_11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null,
  flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE UNIQUE INDEX ix_notes_csum on notes (csum, id);
`;

/** A fixed instant (2023-11-14) so fixtures are byte-for-byte reproducible. */
const CREATED = 1_700_000_000;

/** The collection as an SQLite file. `models` may be replaced by raw JSON to test unreadable note types. */
export async function buildCollection(collection: FixtureCollection, options: { modelsJson?: string } = {}): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.run(SCHEMA_11);
    const models = Object.fromEntries(
      collection.models.map((model) => [
        String(model.id),
        {
          id: model.id,
          name: model.name,
          type: model.type,
          mod: CREATED,
          usn: -1,
          sortf: 0,
          did: 1,
          flds: model.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] })),
          tmpls: model.templates.map((template, ord) => ({ name: template.name, ord, qfmt: template.qfmt, afmt: template.afmt, did: null, bqfmt: "", bafmt: "" })),
          css: ".card { font-family: arial; }",
          latexPre: "",
          latexPost: "",
          req: [],
        },
      ]),
    );
    const decks = Object.fromEntries(
      Object.entries({ 1: "Default", ...collection.decks }).map(([id, name]) => [id, { id: Number(id), name, mod: CREATED, usn: -1, dyn: 0, collapsed: false, desc: "" }]),
    );
    db.run("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')", [CREATED, CREATED * 1000, CREATED * 1000, options.modelsJson ?? JSON.stringify(models), JSON.stringify(decks)]);
    const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')");
    const insertCard = db.prepare("INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    let cardId = 1_700_000_100_000;
    db.run("BEGIN");
    collection.notes.forEach((note, index) => {
      const noteId = 1_700_000_010_000 + index;
      // Anki stores tags space-separated with a space at each end.
      const tags = note.tags && note.tags.length > 0 ? ` ${note.tags.join(" ")} ` : "";
      insertNote.run([noteId, note.guid, note.modelId, CREATED, tags, note.fields.join(FIELD_SEPARATOR), note.fields[0] ?? ""]);
      for (const ord of note.cardOrds ?? [0]) insertCard.run([cardId++, noteId, note.deckId ?? 1, ord, CREATED, index + 1]);
    });
    db.run("COMMIT");
    insertNote.free();
    insertCard.free();
    return db.export();
  } finally {
    db.close();
  }
}

/** Zips entries as Anki does (deflate), `media` (the empty JSON index) included unless given. */
export function zipPackage(entries: Record<string, Uint8Array | string>): Uint8Array {
  const zippable: Zippable = { media: strToU8("{}") };
  for (const [name, content] of Object.entries(entries)) zippable[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(zippable, { level: 6, mtime: new Date(2023, 10, 14, 12, 0, 0) });
}

/** A legacy .apkg: the collection under `collection.anki21` (Anki's choice since 2.1) unless another name is given. */
export async function buildApkg(collection: FixtureCollection, options: { entryName?: string; modelsJson?: string } = {}): Promise<Uint8Array> {
  return zipPackage({ [options.entryName ?? "collection.anki21"]: await buildCollection(collection, options) });
}
