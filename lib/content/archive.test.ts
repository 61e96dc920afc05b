import path from "node:path";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { ContentArchiveError, exportBankFiles, packContentZip, unpackContentZip, type ContentArchiveProblem } from "./archive";
import { loadContent, loadContentFromFiles, readContentFiles, type LoadedContent } from "./load";
import { questionFileInput } from "./serialize";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const MB = 1024 * 1024;

let bank: LoadedContent;
let exported: Map<string, string>;
beforeAll(async () => {
  bank = await loadContent(CONTENT);
  exported = exportBankFiles(bank.decks, bank.questions.map(questionFileInput));
});

/** A zip of the given entries, names as written (no normalisation by fflate for flat keys). */
function zip(entries: Record<string, string | Uint8Array>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = typeof data === "string" ? strToU8(data) : data;
  return zipSync(zippable, { level });
}

/** Rewrites fields of one entry's central-directory header (what the importer reads before inflating). */
function patchEntry(bytes: Uint8Array, name: string, fields: { originalSize?: number; compression?: number }): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let offset = 0; offset + 46 <= copy.length; offset++) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(offset + 28, true);
    if (new TextDecoder().decode(copy.subarray(offset + 46, offset + 46 + nameLength)) !== name) continue;
    if (fields.compression !== undefined) view.setUint16(offset + 10, fields.compression, true);
    if (fields.originalSize !== undefined) view.setUint32(offset + 24, fields.originalSize, true);
    return copy;
  }
  throw new Error(`no entry ${name}`);
}

function refusal(run: () => unknown): ContentArchiveError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentArchiveError);
    return error as ContentArchiveError;
  }
  throw new Error("expected a ContentArchiveError");
}

function expectRefused(bytes: Uint8Array, problem: ContentArchiveProblem, message: RegExp): void {
  const error = refusal(() => unpackContentZip(bytes));
  expect(error.name).toBe("ContentArchiveError");
  expect([error.problem, error.message]).toEqual([problem, expect.stringMatching(message)]);
}

const tiny = { "decks.yml": "- slug: deck-one\n  title: One\n  order: 1\n", "deck-one/q.md": "---\nkey: q-one\n---\n" };

describe("exportBankFiles", () => {
  it("names files as the real bank does: decks.yml and <deck>/<key>.md, sorted", async () => {
    const onDisk = [...(await readContentFiles(CONTENT)).keys()].sort();
    expect([...exported.keys()]).toEqual(onDisk);
  });

  it("refuses keys that are not kebab-case (they become paths) and duplicate keys", () => {
    const question = questionFileInput(bank.questions[0]!);
    expect(() => exportBankFiles(bank.decks, [{ ...question, key: "../evil" }])).toThrow(/kebab-case/);
    expect(() => exportBankFiles(bank.decks, [question, question])).toThrow(/two questions/);
  });
});

describe("packContentZip and unpackContentZip", () => {
  it("round-trips the real bank: same decks, same question hashes, no issues", () => {
    const unpacked = unpackContentZip(packContentZip(exported));
    expect(unpacked.ignored).toEqual([]);
    expect(unpacked.files).toEqual(exported);
    const reloaded = loadContentFromFiles(unpacked.files);
    expect(reloaded.issues).toEqual([]);
    expect(reloaded.decks).toEqual(bank.decks);
    const hashes = (content: LoadedContent) => new Map(content.questions.map((question) => [question.key, question.hash]));
    expect(hashes(reloaded)).toEqual(hashes(bank));
    expect(reloaded.questions).toEqual(bank.questions);
  });

  it("is deterministic: the same files give the same bytes, in any time zone", () => {
    const first = packContentZip(exported);
    const timeZone = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati";
      const far = packContentZip(exported);
      process.env.TZ = "America/Los_Angeles";
      const reordered = packContentZip(new Map([...exported].reverse()));
      // Buffer comparison: a deep toEqual over 300 KB of bytes takes seconds.
      expect(Buffer.from(far).equals(first)).toBe(true);
      expect(Buffer.from(reordered).equals(first)).toBe(true);
    } finally {
      if (timeZone === undefined) delete process.env.TZ;
      else process.env.TZ = timeZone;
    }
  });

  it("puts every entry under content/", () => {
    const names = Object.keys(unzipSync(packContentZip(exported)));
    expect(names).toHaveLength(exported.size);
    expect(names.every((name) => name.startsWith("content/"))).toBe(true);
  });

  it("reads a zip of the folder's contents and a zip of the folder under any name alike", () => {
    const plain = unpackContentZip(zip(tiny));
    expect(plain).toEqual({ files: new Map(Object.entries(tiny)), ignored: [] });
    const wrapped = unpackContentZip(
      zip({
        "my-bank/": new Uint8Array(0),
        "my-bank/deck-one/": new Uint8Array(0),
        "my-bank/decks.yml": tiny["decks.yml"],
        "my-bank/deck-one/q.md": tiny["deck-one/q.md"],
        "my-bank/.DS_Store": "junk",
        "__MACOSX/my-bank/._decks.yml": "junk",
        "my-bank/README.md": "# docs",
        "my-bank/deck-one/README.md": "# docs",
        "my-bank/deck-one/figure.png": "png",
        "my-bank/deck-one/.hidden.md": "x",
        "my-bank/notes/deep/x.md": "x",
        "my-bank/top.md": "x",
        "my-bank/other.yml": "x",
      }),
    );
    expect(wrapped.files).toEqual(plain.files);
    expect(wrapped.ignored).toEqual([
      ".DS_Store",
      "README.md",
      "__MACOSX/my-bank/._decks.yml",
      "deck-one/.hidden.md",
      "deck-one/README.md",
      "deck-one/figure.png",
      "notes/deep/x.md",
      "other.yml",
      "top.md",
    ]);
  });

  it("strips no folder when the root holds more than one thing", () => {
    const unpacked = unpackContentZip(zip({ "decks.yml": tiny["decks.yml"], "deck-one/q.md": "x", "deck-two/q.md": "y" }));
    expect([...unpacked.files.keys()]).toEqual(["deck-one/q.md", "deck-two/q.md", "decks.yml"]);
  });

  it("does not inflate ignored files, whatever their declared size", () => {
    const bytes = patchEntry(zip({ ...tiny, "video.mp4": "tiny" }), "video.mp4", { originalSize: 0xfffffff0 });
    expect(unpackContentZip(bytes)).toEqual({ files: new Map(Object.entries(tiny)), ignored: ["video.mp4"] });
  });
});

describe("unpackContentZip refuses hostile or broken archives", () => {
  it("refuses what is not a zip", () => {
    const real = packContentZip(exported);
    for (const bytes of [new Uint8Array(0), strToU8("hello, not a zip"), new Uint8Array(4096).fill(7), real.subarray(0, real.length >> 1)]) {
      expectRefused(bytes, "not-a-zip", /^The file is not a valid zip archive/);
    }
  });

  it("refuses more than 20,000 entries (and accepts 20,000)", () => {
    const entries = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`content/x/${index}.txt`, ""]));
    expect(unpackContentZip(zip(entries(20_000))).ignored).toHaveLength(20_000);
    expectRefused(zip(entries(20_001)), "too-many-entries", /more than 20,000 entries/);
    expect(refusal(() => unpackContentZip(zip(tiny), { maxEntries: 1 })).problem).toBe("too-many-entries");
  });

  it("refuses a zip bomb: a tiny zip of a 60 MB file, by its declared size", () => {
    const bomb = zip({ "content/decks.yml": tiny["decks.yml"], "content/deck-one/q.md": new Uint8Array(60 * MB) }, 1);
    expect(bomb.length).toBeLessThan(MB);
    expectRefused(bomb, "file-too-large", /^"deck-one\/q\.md" is larger than 2 MB/);
  });

  it("checks the declared size before inflating (a 4 GB claim is refused, not allocated)", () => {
    const bytes = patchEntry(zip(tiny), "deck-one/q.md", { originalSize: 0xfffffff0 });
    expectRefused(bytes, "file-too-large", /larger than 2 MB/);
  });

  it("refuses more than 50 MB in total", () => {
    const chunk = new Uint8Array(1.9 * MB);
    const entries = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`content/deck-one/q${index}.md`, chunk]));
    expectRefused(zip(entries, 1), "too-large", /unpacks to more than 50 MB/);
    expect(refusal(() => unpackContentZip(zip(tiny), { maxTotalBytes: 10 })).problem).toBe("too-large");
  });

  it.each([
    ["/etc/decks.yml", /absolute path/],
    ["C:/content/decks.yml", /absolute path/],
    ["content/../../etc/q.md", /\.\. segment/],
    ["__MACOSX/../q.txt", /\.\. segment/],
    ["content\\deck-one\\q.md", /backslash/],
    ["content/deck-one/q\0.md", /NUL byte/],
    ["./", /empty name/],
  ])("refuses the entry name %j", (name, message) => {
    expectRefused(zip({ ...tiny, [name]: "x" }), "unsafe-path", message);
  });

  it("refuses a .md or .yml file that is not UTF-8 text", () => {
    expectRefused(zip({ ...tiny, "deck-one/q.md": new Uint8Array([0x2d, 0x2d, 0xff, 0xfe, 0x0a]) }), "not-text", /^"deck-one\/q\.md" is not UTF-8 text/);
    expectRefused(zip({ ...tiny, "decks.yml": "- slug: a\0b\n" }), "not-text", /^"decks\.yml" contains a NUL byte/);
    // Latin-1 bytes in an ignored file do not matter.
    expect(unpackContentZip(zip({ ...tiny, "notes.txt": new Uint8Array([0xe9]) })).ignored).toEqual(["notes.txt"]);
  });

  it("refuses a path given twice and an unknown compression method", () => {
    expectRefused(zip({ ...tiny, "./deck-one/q.md": "again" }), "duplicate-path", /"deck-one\/q\.md" twice/);
    expectRefused(patchEntry(zip(tiny), "decks.yml", { compression: 14 }), "unsupported", /compression method/);
  });
});
