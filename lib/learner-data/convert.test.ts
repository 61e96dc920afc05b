/**
 * From .apkg bytes to flashcards: a package built here with a Basic, a "Basic (and reversed card)", a cloze note
 * with two deletions and a hint, a note type that is not supported, HTML with entities, line breaks, an image and a
 * sound, and notes that cannot become cards. Expected prompts and answers are written out by hand.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readApkg, type AnkiCollection } from "./apkg";
import { BASIC_MODEL, CLOZE_MODEL, FURIGANA_MODEL, REVERSED_MODEL, TYPE_IN_MODEL, buildApkg, type FixtureNote } from "./apkg-fixture";
import { MAX_CARDS, ankiTags, convertCollection, excerpt, type Conversion } from "./convert";
import { ApkgError } from "./errors";

const PREFIX = "anki-0badc0de";
const key = (guid: string, ord: number) => `${PREFIX}-${createHash("sha256").update(guid).digest("hex").slice(0, 16)}-${ord}`;

const notes: FixtureNote[] = [
  { guid: "basic-1", modelId: BASIC_MODEL.id, fields: ["What does <b>ReLU</b> output for x&nbsp;&lt;&nbsp;0?", "Zero:<br>max(0,&nbsp;x)"], tags: ["activation", "DL::basics"] },
  { guid: "rev-1", modelId: REVERSED_MODEL.id, fields: ["Stride", "The <i>step</i> of the kernel"] },
  { guid: "cloze-1", modelId: CLOZE_MODEL.id, fields: ["{{c1::Adam}} combines {{c2::momentum::an idea}} with RMSProp", "See Kingma &amp; Ba"], cardOrds: [0, 1] },
  { guid: "jp-1", modelId: FURIGANA_MODEL.id, fields: ["畳み込み", "convolution", "畳[たた]み 込[こ]み"] },
  { guid: "media-1", modelId: BASIC_MODEL.id, fields: ['<div>Which layer is this?</div><div><img src="conv.png"></div>[sound:conv.mp3]', "A convolution&hellip;"] },
  { guid: "media-2", modelId: BASIC_MODEL.id, fields: ['<img src="only.png">', "An image-only question"] },
  { guid: "cloze-2", modelId: CLOZE_MODEL.id, fields: ["no deletions here", ""] },
  { guid: "empty-1", modelId: BASIC_MODEL.id, fields: ["<div><br></div>", "an answer without a question"] },
  { guid: "noback-1", modelId: BASIC_MODEL.id, fields: ["A question without an answer", ""] },
  { guid: "rev-2", modelId: REVERSED_MODEL.id, fields: ["Front only", "&nbsp;"] },
  { guid: "orphan-1", modelId: 42, fields: ["Note of a type the package does not have", "x"] },
];

let collection: AnkiCollection;
let result: Conversion;
beforeAll(async () => {
  collection = await readApkg(await buildApkg({ models: [BASIC_MODEL, REVERSED_MODEL, CLOZE_MODEL, FURIGANA_MODEL], notes, decks: { 7: "Deep learning" } }));
  result = convertCollection(collection, { keyPrefix: PREFIX });
});

describe("convertCollection", () => {
  it("makes one flashcard per Basic note, per template of a reversed note and per cloze number", () => {
    expect(result.cards.map(({ key: cardKey, title, prompt, answer, tags, ord }) => ({ key: cardKey, title, prompt, answer, tags, ord }))).toEqual([
      {
        key: key("basic-1", 0),
        title: "What does ReLU output for x < 0?",
        prompt: "What does **ReLU** output for x \\< 0?",
        answer: "Zero:\\\nmax(0, x)",
        tags: ["activation", "dl-basics"],
        ord: 0,
      },
      { key: key("rev-1", 0), title: "Stride", prompt: "Stride", answer: "The *step* of the kernel", tags: [], ord: 0 },
      { key: key("rev-1", 1), title: "The step of the kernel", prompt: "The *step* of the kernel", answer: "Stride", tags: [], ord: 1 },
      {
        key: key("cloze-1", 0),
        title: "[...] combines momentum with RMSProp",
        prompt: "\\[...\\] combines momentum with RMSProp",
        answer: "**Adam** combines momentum with RMSProp\\\nSee Kingma \\& Ba",
        tags: [],
        ord: 0,
      },
      {
        key: key("cloze-1", 1),
        title: "Adam combines [an idea] with RMSProp",
        prompt: "Adam combines \\[an idea\\] with RMSProp",
        answer: "Adam combines **momentum** with RMSProp\\\nSee Kingma \\& Ba",
        tags: [],
        ord: 1,
      },
      { key: key("media-1", 0), title: "Which layer is this?", prompt: "Which layer is this?", answer: "A convolution…", tags: [], ord: 0 },
    ]);
    expect(result.cards[0]!.explanation).toBe("Imported from Anki: note type “Basic”, card 1.");
    expect(result.cards[2]!.explanation).toBe("Imported from Anki: note type “Basic (and reversed card)”, card 2.");
  });

  it("reports every note type with its notes and cards, and why an unsupported one is left out", () => {
    expect(result.notes).toBe(notes.length);
    expect(result.noteTypes.map(({ name, kind, notes: count, cards, reason }) => ({ name, kind, notes: count, cards, reason }))).toEqual([
      { name: "Basic", kind: "basic", notes: 5, cards: 2, reason: undefined },
      { name: "Basic (and reversed card)", kind: "basic", notes: 2, cards: 2, reason: undefined },
      { name: "Cloze", kind: "cloze", notes: 2, cards: 2, reason: undefined },
      { name: "Japanese (recognition)", kind: "unsupported", notes: 1, cards: 0, reason: "its card templates use the “furigana:” filter, which cannot be imported" },
    ]);
  });

  it("groups what was skipped by reason, with an excerpt of each note", () => {
    expect(result.skipped).toEqual([
      { reason: "note type “Japanese (recognition)” is not supported: its card templates use the “furigana:” filter, which cannot be imported", unit: "note", count: 1, examples: ["畳み込み"] },
      { reason: "the question side has only images or sounds, which are not imported", unit: "card", count: 1, examples: ["An image-only question"] },
      { reason: "it has no cloze deletions ({{c1::…}})", unit: "note", count: 1, examples: ["no deletions here"] },
      { reason: "its question side is empty", unit: "note", count: 1, examples: ["an answer without a question"] },
      { reason: "the answer side is empty (or has only images or sounds)", unit: "card", count: 2, examples: ["A question without an answer", "Front only"] },
      { reason: "its note type is missing from the package", unit: "note", count: 1, examples: ["Note of a type the package does not have"] },
    ]);
  });

  it("counts the media taken out of imported notes", () => {
    expect(result.removedMedia).toEqual({ images: 1, sounds: 1, other: 0 });
  });

  it("gives the same keys for the same notes, different ones for another learner's prefix", () => {
    const again = convertCollection(collection, { keyPrefix: PREFIX });
    expect(again.cards.map((card) => card.key)).toEqual(result.cards.map((card) => card.key));
    const other = convertCollection(collection, { keyPrefix: "anki-12345678" });
    expect(other.cards.every((card) => card.key.startsWith("anki-12345678-") && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(card.key))).toBe(true);
  });

  it("keeps the back of a type-in-the-answer card, without repeating the question", async () => {
    const typed = await readApkg(await buildApkg({ models: [TYPE_IN_MODEL], notes: [{ guid: "t", modelId: TYPE_IN_MODEL.id, fields: ["Capital of France?", "Paris"] }] }));
    expect(convertCollection(typed, { keyPrefix: PREFIX }).cards.map(({ prompt, answer }) => ({ prompt, answer }))).toEqual([{ prompt: "Capital of France?", answer: "Paris" }]);
  });

  it("skips a second note with the same guid, and notes with an over-long field", async () => {
    const duplicated = await readApkg(
      await buildApkg({
        models: [BASIC_MODEL],
        notes: [
          { guid: "same", modelId: BASIC_MODEL.id, fields: ["First", "A"] },
          { guid: "same", modelId: BASIC_MODEL.id, fields: ["Second", "B"] },
          { guid: "long", modelId: BASIC_MODEL.id, fields: ["Long", `<img src="data:image/png;base64,${"A".repeat(100_001)}">`] },
        ],
      }),
    );
    const converted = convertCollection(duplicated, { keyPrefix: PREFIX });
    expect(converted.cards.map((card) => card.title)).toEqual(["First"]);
    expect(converted.skipped.map(({ reason, count }) => [reason, count])).toEqual([
      ["the package has another note with the same Anki id", 1],
      ["a field is longer than 100,000 characters", 1],
    ]);
  });

  it(`refuses a package that would make more than ${MAX_CARDS} flashcards`, () => {
    const text = Array.from({ length: 3 }, (_, index) => `{{c${index + 1}::x}}`).join(" ");
    const big: AnkiCollection = {
      ...collection,
      notes: Array.from({ length: Math.ceil(MAX_CARDS / 3) + 1 }, (_, index) => ({ id: index, guid: `g${index}`, modelId: String(CLOZE_MODEL.id), tags: [], fields: [text, ""] })),
    };
    expect(() => convertCollection(big, { keyPrefix: PREFIX })).toThrow(ApkgError);
    expect(() => convertCollection(big, { keyPrefix: PREFIX })).toThrow(/more than 10,000 flashcards/);
  });
});

describe("ankiTags", () => {
  it("lower-cases, turns hierarchy and punctuation into hyphens, drops empties and duplicates, keeps 12", () => {
    expect(ankiTags(["DL::Basics", "dl_basics", "Ünïcode", "::", "a".repeat(60), ...Array.from({ length: 20 }, (_, index) => `t${index}`)])).toEqual([
      "dl-basics",
      "ünïcode",
      "a".repeat(50),
      ...Array.from({ length: 9 }, (_, index) => `t${index}`),
    ]);
  });
});

describe("excerpt", () => {
  it("collapses whitespace and cuts with an ellipsis, never inside a surrogate pair", () => {
    expect(excerpt("  a \n b  ", 10)).toBe("a b");
    expect(excerpt("abcdefghij", 5)).toBe("abcd…");
    expect(excerpt("abc😀def", 5)).toBe("abc…");
  });
});
