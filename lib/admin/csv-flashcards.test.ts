import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseQuestionFile } from "../content/parse";
import { parseFlashcardCsv, type CsvFlashcard, type CsvImportOptions, type CsvImportPreview } from "./csv-flashcards";

const options: CsvImportOptions = { deck: "imported", existingKeys: new Set<string>() };

const questions = (preview: CsvImportPreview): CsvFlashcard[] => preview.rows.flatMap((row) => (row.ok ? [row.question] : []));
const keys = (preview: CsvImportPreview): string[] => questions(preview).map((question) => question.key);
const failures = (preview: CsvImportPreview) => preview.rows.flatMap((row) => (row.ok ? [] : [{ line: row.line, errors: row.errors, front: row.front }]));

/** The content file an imported card would be, written by hand from content/README.md. */
function toContentFile(question: CsvFlashcard): string {
  const { key, deck, kind, title, tags, difficulty } = question;
  return `---\n${stringify({ key, deck, kind, title, tags, difficulty })}---\n## Prompt\n${question.prompt}\n\n## Answer\n${question.answer}\n\n## Explanation\n${question.explanation}\n`;
}

describe("parseFlashcardCsv: reading the file", () => {
  it("reads a header row and builds complete flashcards", () => {
    const csv = "front,back,tags\nWhat does ReLU output for negative inputs?,Zero.,activations;relu\nWhy normalise inputs?,Faster training.,\n";
    const preview = parseFlashcardCsv(csv, options);
    expect(preview.error).toBeNull();
    expect(preview.totals).toEqual({ rows: 2, valid: 2, invalid: 0 });
    // Lines count the header: the cards are on lines 2 and 3.
    expect(preview.rows).toEqual([
      {
        line: 2,
        ok: true,
        question: {
          key: "csv-what-does-relu-output-for-negative-inputs",
          deck: "imported",
          kind: "flashcard",
          title: "What does ReLU output for negative inputs?",
          tags: ["activations", "relu"],
          difficulty: 3,
          prompt: "What does ReLU output for negative inputs?",
          answer: "Zero.",
          explanation: "Imported from CSV.",
        },
      },
      {
        line: 3,
        ok: true,
        question: {
          key: "csv-why-normalise-inputs",
          deck: "imported",
          kind: "flashcard",
          title: "Why normalise inputs?",
          tags: [],
          difficulty: 3,
          prompt: "Why normalise inputs?",
          answer: "Faster training.",
          explanation: "Imported from CSV.",
        },
      },
    ]);
  });

  it("produces cards that are valid content files", () => {
    const csv = 'front,back,tags\n"**Why** 3×3?\n\n```\n## not a heading in a fence\n```","Fewer parameters.\n\n### Details\nSame receptive field.",cnn vgg\n';
    const [question] = questions(parseFlashcardCsv(csv, options));
    expect(question).toBeDefined();
    const { issues } = parseQuestionFile(`imported/${question!.key}.md`, toContentFile(question!));
    expect(issues).toEqual([]);
  });

  it("treats the first row as data when it is not exactly front,back[,tags]", () => {
    const preview = parseFlashcardCsv("front,answer\nQ1,A1\n", options);
    expect(preview.totals).toEqual({ rows: 2, valid: 2, invalid: 0 });
    expect(questions(preview).map((question) => [question.prompt, question.answer])).toEqual([
      ["front", "answer"],
      ["Q1", "A1"],
    ]);
  });

  it("detects the header in any case and with spaces around the names", () => {
    const preview = parseFlashcardCsv("FRONT, Back ,Tags\nQ1,A1,x\n", options);
    expect(preview.rows).toEqual([expect.objectContaining({ line: 2, ok: true })]);
  });

  it("reads quoted cells with commas, newlines and doubled quotes (RFC 4180), numbering lines by where a row starts", () => {
    const csv = 'front,back\n"What is 1, 2, 3 summed?","It is 6.\nAdd them: 1 + 2 + 3."\n"Say ""hi""",hello\n';
    const preview = parseFlashcardCsv(csv, options);
    // The first card spans lines 2-3, so the second starts on line 4.
    expect(preview.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(questions(preview).map(({ prompt, answer, title, key }) => ({ prompt, answer, title, key }))).toEqual([
      { prompt: "What is 1, 2, 3 summed?", answer: "It is 6.\nAdd them: 1 + 2 + 3.", title: "What is 1, 2, 3 summed?", key: "csv-what-is-1-2-3-summed" },
      { prompt: 'Say "hi"', answer: "hello", title: 'Say "hi"', key: "csv-say-hi" },
    ]);
  });

  it("handles a UTF-8 BOM and CRLF line endings, turning CRLF inside a cell into \\n", () => {
    const csv = '\uFEFFfront,back\r\nQ1,A1\r\n\r\n"Q2\r\nline two",A2\r\n';
    const preview = parseFlashcardCsv(csv, options);
    expect(preview.error).toBeNull();
    // The header is recognised despite the BOM; line 3 is blank; Q2 starts on line 4.
    expect(preview.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(questions(preview).map((question) => [question.prompt, question.title])).toEqual([
      ["Q1", "Q1"],
      ["Q2\nline two", "Q2"],
    ]);
  });

  it("skips blank and whitespace-only lines and rows of empty cells", () => {
    const preview = parseFlashcardCsv("Q1,A1\n\n   \n,,\nQ2,A2", options);
    expect(preview.totals).toEqual({ rows: 2, valid: 2, invalid: 0 });
    expect(preview.rows.map((row) => row.line)).toEqual([1, 5]);
  });

  it("reports an unclosed quote with the line its row starts on, instead of throwing", () => {
    const preview = parseFlashcardCsv('front,back\nQ1,A1\nQ2,"unclosed\nQ3,A3\n', options);
    expect(preview).toEqual({
      error: 'The row starting on line 3 has a quoted cell that is never closed: add the closing " (write "" for a quote inside a quoted cell).',
      rows: [],
      totals: { rows: 0, valid: 0, invalid: 0 },
    });
  });

  it("reports text after a closing quote, and keeps a quote inside an unquoted cell as text", () => {
    expect(parseFlashcardCsv('Q1,"A1" extra\n', options).error).toBe(
      'The row starting on line 1 has text after the closing quote of a cell: quote the whole cell and write "" for a quote inside it.',
    );
    expect(questions(parseFlashcardCsv('Is a 5" screen small?,Yes\n', options))[0]?.prompt).toBe('Is a 5" screen small?');
  });

  it("rejects a file with more rows than allowed, header not counted", () => {
    const csv = "front,back\nQ1,A1\nQ2,A2\nQ3,A3\n";
    expect(parseFlashcardCsv(csv, { ...options, maxRows: 2 })).toEqual({
      error: "The file has 3 cards; import at most 2 at a time (split the file).",
      rows: [],
      totals: { rows: 0, valid: 0, invalid: 0 },
    });
    expect(parseFlashcardCsv(csv, { ...options, maxRows: 3 }).totals).toEqual({ rows: 3, valid: 3, invalid: 0 });
  });

  it("rejects an empty file, a header alone, and an invalid deck", () => {
    const noCards = "The file has no cards: expected rows of front,back or front,back,tags.";
    expect(parseFlashcardCsv("", options).error).toBe(noCards);
    expect(parseFlashcardCsv("front,back,tags\n\n", options).error).toBe(noCards);
    expect(parseFlashcardCsv("Q1,A1\n", { ...options, deck: "Bad Deck" }).error).toBe(
      'Deck "Bad Deck": expected kebab-case: lower-case letters, digits and single hyphens.',
    );
  });
});

describe("parseFlashcardCsv: row checks", () => {
  it("requires a front and a back", () => {
    const preview = parseFlashcardCsv("Q only\nQ2,\n,A3\n", options);
    expect(preview.totals).toEqual({ rows: 3, valid: 0, invalid: 3 });
    expect(failures(preview)).toEqual([
      { line: 1, errors: ["back: expected non-empty text"], front: "Q only" },
      { line: 2, errors: ["back: expected non-empty text"], front: "Q2" },
      { line: 3, errors: ["front: expected non-empty text"], front: undefined },
    ]);
  });

  it("rejects extra non-empty columns but ignores trailing empty ones", () => {
    const preview = parseFlashcardCsv("Q1,A1,tag,oops\nQ2,A2,tag,,\n", options);
    expect(failures(preview)).toEqual([
      {
        line: 1,
        errors: ["expected at most 3 columns (front, back, tags), got 4: put a cell that contains a comma in double quotes"],
        front: "Q1",
      },
    ]);
    expect(keys(preview)).toEqual(["csv-q2"]);
  });

  it("normalises tags split by ; , or spaces, and rejects tags that are not kebab-case", () => {
    const csv = 'Q1,A1,"CNN  vgg,Receptive_Field;cnn"\nQ2,A2,cnn;c++;x\n';
    const preview = parseFlashcardCsv(csv, options);
    // CNN -> cnn, Receptive_Field -> receptive-field; the second cnn is a duplicate and dropped.
    expect(questions(preview)[0]?.tags).toEqual(["cnn", "vgg", "receptive-field"]);
    expect(failures(preview)).toEqual([{ line: 2, errors: ['tags: "c++": expected kebab-case tags'], front: "Q2" }]);
  });

  it("applies the schema's limit of 12 tags", () => {
    const thirteen = Array.from({ length: 13 }, (_, index) => `t${index + 1}`).join(";");
    expect(failures(parseFlashcardCsv(`Q1,A1,${thirteen}\n`, options))).toEqual([{ line: 1, errors: ["tags: expected at most 12 tags"], front: "Q1" }]);
  });

  it("reports a repeated front (ignoring case and spacing) on the later row", () => {
    const preview = parseFlashcardCsv("What is a stride?,A\nwhat is  a STRIDE?,B\n", options);
    expect(preview.rows[0]).toMatchObject({ line: 1, ok: true });
    expect(failures(preview)).toEqual([{ line: 2, errors: ["front: the same front as the card on line 1"], front: "what is  a STRIDE?" }]);
  });

  it("rejects a ## heading outside a code fence (it would start a new section) and over-long cells", () => {
    const back = "x".repeat(20_001);
    const preview = parseFlashcardCsv(`"## Not allowed\ntext",A1\nQ2,${back}\n`, options);
    expect(failures(preview)).toEqual([
      { line: 1, errors: ['front: the heading "## Not allowed" would start a new section; use ### for a heading inside a card'], front: "## Not allowed\ntext" },
      { line: 3, errors: ["back: 20001 characters; expected at most 20000"], front: "Q2" },
    ]);
  });
});

describe("parseFlashcardCsv: titles and keys", () => {
  it("takes the title from the front's first line without emphasis, keeping code and math as written", () => {
    const preview = parseFlashcardCsv('"What is *batch* **normalisation** in `c_in_max` and $k*k$?\nMore detail.",A\n', options);
    const [question] = questions(preview);
    expect(question?.title).toBe("What is batch normalisation in `c_in_max` and $k*k$?");
    // Slug: lower-case, every run of other characters becomes one hyphen.
    expect(question?.key).toBe("csv-what-is-batch-normalisation-in-c-in-max-and-k-k");
  });

  it("truncates a long title to 200 characters with an ellipsis, and the key's slug at a word boundary", () => {
    const front = Array.from({ length: 60 }, () => "word").join(" "); // 299 characters
    const [question] = questions(parseFlashcardCsv(`${front},A\n`, options));
    // 199 characters are kept: 39 × "word " (195) + "word" (4), then "…": 40 words, 200 characters.
    expect(question?.title).toBe(`${Array.from({ length: 40 }, () => "word").join(" ")}…`);
    expect(question?.title).toHaveLength(200);
    // The slug's first 60 characters are 12 × "word-"; cut at the last hyphen: 12 words, 59 characters.
    expect(question?.key).toBe(`csv-${Array.from({ length: 12 }, () => "word").join("-")}`);
  });

  it("drops accents from keys", () => {
    expect(keys(parseFlashcardCsv("Qu'est-ce qu'un réseau ?,Un graphe.\n", options))).toEqual(["csv-qu-est-ce-qu-un-reseau"]);
  });

  it("makes keys unique against existing keys and earlier rows; rows with errors reserve no key", () => {
    const existingKeys = new Set(["csv-what-is-a-stride", "csv-what-is-a-stride-2"]);
    const csv = "What is a stride?,A\nWhat is a stride?!\nWhat is a stride!,B\nWhat is a stride,C\n";
    const preview = parseFlashcardCsv(csv, { ...options, existingKeys });
    // All four slug to what-is-a-stride; -2 is taken, row 2 has no back, so rows 1, 3, 4 get -3, -4, -5.
    expect(preview.rows.map((row) => (row.ok ? row.question.key : "error"))).toEqual([
      "csv-what-is-a-stride-3",
      "error",
      "csv-what-is-a-stride-4",
      "csv-what-is-a-stride-5",
    ]);
  });

  it("falls back to csv-card for non-Latin text, made unique", () => {
    const preview = parseFlashcardCsv("什么是卷积？,一种滑动窗口运算。\n什么是池化？,下采样。\n", { ...options, existingKeys: new Set(["csv-card"]) });
    expect(questions(preview).map((question) => [question.title, question.key])).toEqual([
      ["什么是卷积？", "csv-card-2"],
      ["什么是池化？", "csv-card-3"],
    ]);
  });
});
