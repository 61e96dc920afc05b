/**
 * The .apkg reader against packages built here with sql.js and fflate (./apkg-fixture.ts): what it reads from a
 * legacy collection, which collection it picks, and every way a package is refused (newer format, not a zip, no
 * collection, oversize file, zip bombs, damaged SQLite, too many notes) with a message meant for the learner.
 */
import { existsSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_NOTES, readApkg } from "./apkg";
import { MAX_COLLECTION_BYTES, MAX_PACKAGE_BYTES, NEWER_FORMAT_MESSAGE } from "./apkg-archive";
import { BASIC_MODEL, CLOZE_MODEL, REVERSED_MODEL, buildApkg, buildCollection, zipPackage, type FixtureCollection } from "./apkg-fixture";
import { ApkgError, type ApkgProblem } from "./errors";
import { loadSqlJs, wasmPath } from "./sqlite";

const small: FixtureCollection = {
  models: [BASIC_MODEL, CLOZE_MODEL],
  decks: { 1_600_000_000_000: "Machine learning::CNNs", 1_600_000_000_001: "Machine learning::Optimisers" },
  notes: [
    { guid: "Ab1!x", modelId: BASIC_MODEL.id, fields: ["What is a <b>stride</b>?", "The step of the kernel."], tags: ["cnn", "basics"], deckId: 1_600_000_000_000 },
    { guid: "Cd2#y", modelId: CLOZE_MODEL.id, fields: ["{{c1::Adam}} keeps moment estimates", ""], deckId: 1_600_000_000_001 },
  ],
};

/** Awaits a read that must fail with an ApkgError, and checks its problem and message. */
async function expectRefused(bytes: Uint8Array, problem: ApkgProblem, message: RegExp): Promise<void> {
  const error = await readApkg(bytes).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApkgError);
  expect([(error as ApkgError).problem, (error as ApkgError).message]).toEqual([problem, expect.stringMatching(message)]);
}

/** Rewrites the declared uncompressed size of one entry in the central directory (what is checked before inflating). */
function patchOriginalSize(bytes: Uint8Array, name: string, originalSize: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let offset = 0; offset + 46 <= copy.length; offset++) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(offset + 28, true);
    if (new TextDecoder().decode(copy.subarray(offset + 46, offset + 46 + nameLength)) !== name) continue;
    view.setUint32(offset + 24, originalSize, true);
    return copy;
  }
  throw new Error(`no entry ${name}`);
}

describe("readApkg", () => {
  it("reads note types, notes (fields split at U+001F, tags) and the common parent of the decks with cards", async () => {
    // Arrange
    const bytes = await buildApkg(small);
    // Act
    const collection = await readApkg(bytes);
    // Assert
    expect(collection.source).toBe("collection.anki21");
    expect(collection.deckName).toBe("Machine learning");
    expect([...collection.models.values()].map(({ id, name, type, fields, templates }) => ({ id, name, type, fields: fields.map((field) => field.name), templates: templates.length }))).toEqual([
      { id: String(BASIC_MODEL.id), name: "Basic", type: "standard", fields: ["Front", "Back"], templates: 1 },
      { id: String(CLOZE_MODEL.id), name: "Cloze", type: "cloze", fields: ["Text", "Back Extra"], templates: 1 },
    ]);
    expect(collection.notes.map(({ guid, modelId, tags, fields }) => ({ guid, modelId, tags, fields }))).toEqual([
      { guid: "Ab1!x", modelId: String(BASIC_MODEL.id), tags: ["cnn", "basics"], fields: ["What is a <b>stride</b>?", "The step of the kernel."] },
      { guid: "Cd2#y", modelId: String(CLOZE_MODEL.id), tags: [], fields: ["{{c1::Adam}} keeps moment estimates", ""] },
    ]);
  });

  it("names the deck after the deck with cards when there is one, with subdecks joined by /", async () => {
    const one = await readApkg(await buildApkg({ ...small, notes: small.notes.slice(0, 1) }));
    expect(one.deckName).toBe("Machine learning / CNNs");
    const unrelated = await readApkg(await buildApkg({ ...small, decks: { 5: "Zoology", 6: "Art" }, notes: [{ ...small.notes[0]!, deckId: 6 }, { ...small.notes[1]!, deckId: 5 }, { ...small.notes[0]!, guid: "z", deckId: 6 }] }));
    expect(unrelated.deckName).toBe("Art");
  });

  it("prefers collection.anki21 over the collection.anki2 stub Anki writes beside it", async () => {
    const stub = await buildCollection({ models: [BASIC_MODEL], notes: [{ guid: "stub", modelId: BASIC_MODEL.id, fields: ["Please update to the latest Anki version", ""] }] });
    const real = await buildCollection(small);
    const both = await readApkg(zipPackage({ "collection.anki2": stub, "collection.anki21": real }));
    expect([both.source, both.notes.length]).toEqual(["collection.anki21", 2]);
    const legacyOnly = await readApkg(zipPackage({ "collection.anki2": real }));
    expect([legacyOnly.source, legacyOnly.notes.length]).toEqual(["collection.anki2", 2]);
  });

  it("refuses the newer format (collection.anki21b), also beside the collection.anki2 placeholder", async () => {
    const stub = await buildCollection({ models: [BASIC_MODEL], notes: [] });
    await expectRefused(zipPackage({ "collection.anki21b": new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]) }), "newer-format", /Support older Anki versions/);
    await expectRefused(zipPackage({ "collection.anki21b": new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]), "collection.anki2": stub }), "newer-format", /Support older Anki versions/);
    expect(NEWER_FORMAT_MESSAGE).toMatch(/File › Export/);
  });

  it("refuses a schema-18 collection whose note types are not in col.models", async () => {
    const bytes = await buildApkg({ models: [], notes: [] }, { modelsJson: "{}" });
    await expectRefused(bytes, "corrupt", /cannot be read/);
    const SQL = await loadSqlJs();
    const db = new SQL.Database(await buildCollection({ models: [], notes: [] }, { modelsJson: "" }));
    db.run("CREATE TABLE notetypes (id integer primary key, name text not null)");
    const newer = db.export();
    db.close();
    await expectRefused(zipPackage({ "collection.anki21": newer }), "newer-format", /Support older Anki versions/);
  });

  it("refuses files that are not zips, zips without a collection, and empty input", async () => {
    await expectRefused(strToU8("SQLite format 3\0 but not zipped"), "not-a-zip", /not a valid Anki package/);
    await expectRefused(new Uint8Array(0), "not-a-zip", /not a valid Anki package/);
    await expectRefused(zipSync({ "notes.txt": strToU8("hello") }), "no-collection", /not an Anki package/);
  });

  it("refuses a file over the size limit before reading it", async () => {
    await expectRefused(new Uint8Array(MAX_PACKAGE_BYTES + 1), "too-large", /at most 30 MB/);
  });

  it("refuses a collection that declares more than the limit, without inflating it", async () => {
    const bytes = patchOriginalSize(await buildApkg(small), "collection.anki21", MAX_COLLECTION_BYTES + 1);
    await expectRefused(bytes, "collection-too-large", /at most 100 MB/);
  });

  it("reads only as many bytes as declared from an entry that lies about its size (a zip bomb)", async () => {
    // 16 MB of zeros deflate to about 16 KB; the entry claims 4 KB, so at most 4 KB are ever inflated.
    const bomb = new Uint8Array(16 * 1024 * 1024);
    bomb.set(strToU8("SQLite format 3\0"));
    const bytes = patchOriginalSize(zipSync({ "collection.anki21": [bomb, { level: 1 }] }), "collection.anki21", 4096);
    expect(bytes.length).toBeLessThan(100 * 1024);
    await expectRefused(bytes, "corrupt", /damaged/);
  });

  it("refuses a damaged collection: not SQLite, truncated, or SQLite without Anki's tables", async () => {
    await expectRefused(zipPackage({ "collection.anki21": strToU8("definitely not a database") }), "corrupt", /damaged or is not an Anki collection/);
    const real = await buildCollection(small);
    await expectRefused(zipPackage({ "collection.anki21": real.slice(0, 2048) }), "corrupt", /damaged/);
    const garbled = real.slice();
    garbled.fill(0x5a, 100, garbled.length);
    await expectRefused(zipPackage({ "collection.anki21": garbled }), "corrupt", /damaged/);
    const SQL = await loadSqlJs();
    const other = new SQL.Database();
    other.run("CREATE TABLE t (x)");
    await expectRefused(zipPackage({ "collection.anki21": other.export() }), "corrupt", /not an Anki collection/);
    other.close();
    await expectRefused(await buildApkg(small, { modelsJson: "not json" }), "corrupt", /cannot be read/);
  });

  it(`refuses more than ${MAX_NOTES} notes, and reads exactly ${MAX_NOTES}`, async () => {
    const notes = Array.from({ length: MAX_NOTES }, (_, index) => ({ guid: `n${index}`, modelId: BASIC_MODEL.id, fields: [`Q${index}`, `A${index}`] }));
    expect((await readApkg(await buildApkg({ models: [BASIC_MODEL], notes }))).notes).toHaveLength(MAX_NOTES);
    const tooMany = await buildApkg({ models: [BASIC_MODEL], notes: [...notes, { guid: "one-more", modelId: BASIC_MODEL.id, fields: ["Q", "A"] }] });
    await expectRefused(tooMany, "too-many-notes", /5,001 notes; at most 5,000/);
  }, 30_000);

  it("reports a note type whose definition cannot be read, and keeps the others", async () => {
    const models = {
      [BASIC_MODEL.id]: { name: "Basic", type: 0, flds: [{ name: "Front", ord: 0 }, { name: "Back", ord: 1 }], tmpls: [{ name: "Card 1", ord: 0, qfmt: "{{Front}}", afmt: "{{Back}}" }] },
      [REVERSED_MODEL.id]: { name: "Broken", type: 0, flds: "not a list" },
    };
    const collection = await readApkg(await buildApkg({ models: [], notes: small.notes.slice(0, 1) }, { modelsJson: JSON.stringify(models) }));
    expect([...collection.models.keys()]).toEqual([String(BASIC_MODEL.id)]);
    expect([...collection.brokenModels]).toEqual([[String(REVERSED_MODEL.id), "Broken"]]);
  });

  it("opens a collection saved in WAL mode", async () => {
    const wal = await buildCollection(small);
    wal[18] = 2;
    wal[19] = 2;
    expect((await readApkg(zipPackage({ "collection.anki21": wal }))).notes).toHaveLength(2);
  });

  it("finds sql.js's WASM file next to its package", () => {
    expect(wasmPath()).toMatch(/[\\/]sql\.js[\\/]dist[\\/]sql-wasm\.wasm$/);
    expect(existsSync(wasmPath())).toBe(true);
  });
});
