import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent, loadContentFromFiles, type LoadedContent } from "./load";
import { parseQuestionFile, type ParsedQuestion } from "./parse";
import type { DeckDefinition } from "./schema";
import { questionFileInput, serializeDecksFile, serializeQuestionFile, type QuestionFileInput } from "./serialize";

const CONTENT = path.resolve(import.meta.dirname, "../../content");

let bank: LoadedContent;
beforeAll(async () => {
  bank = await loadContent(CONTENT);
});

/** Serializes, parses back, and expects no issues; returns the parsed question. */
function roundTrip(question: QuestionFileInput, file = "deck-one/q.md"): ParsedQuestion {
  const result = parseQuestionFile(file, serializeQuestionFile(question));
  expect(result.issues).toEqual([]);
  return result.question!;
}

const flashcard: QuestionFileInput = {
  key: "fc-one",
  deck: "deck-one",
  kind: "flashcard",
  title: "A title",
  tags: ["a-tag", "b"],
  difficulty: 3,
  choices: null,
  template: null,
  prompt: "Prompt?",
  answer: "Answer.",
  explanation: "Because.",
  translations: {},
};

describe("serializeQuestionFile: the real bank", () => {
  it("covers every kind of question", () => {
    expect(bank.issues).toEqual([]);
    expect(new Set(bank.questions.map((question) => question.kind))).toEqual(new Set(["flashcard", "multiple-choice", "numeric"]));
  });

  it("parses every file back to the same question and hash", () => {
    const failures: string[] = [];
    for (const original of bank.questions) {
      const result = parseQuestionFile(original.file, serializeQuestionFile(questionFileInput(original)));
      if (result.issues.length > 0) failures.push(`${original.file}: ${result.issues.map((issue) => issue.message).join("; ")}`);
      else if (result.question?.hash !== original.hash) failures.push(`${original.file}: hash changed`);
      else expect(result.question).toEqual(original);
    }
    expect(failures).toEqual([]);
    expect(bank.questions.length).toBeGreaterThan(100);
  });

  it("is stable: serializing the parsed output again gives the same text", () => {
    for (const original of bank.questions) {
      const text = serializeQuestionFile(questionFileInput(original));
      const again = parseQuestionFile(original.file, text).question!;
      expect(serializeQuestionFile(questionFileInput(again))).toBe(text);
    }
  });
});

describe("serializeQuestionFile: layout", () => {
  it("writes the documented format: front matter, three sections, one final newline", () => {
    expect(serializeQuestionFile(flashcard)).toBe(
      "---\nkey: fc-one\ndeck: deck-one\nkind: flashcard\ntitle: A title\ntags: [a-tag, b]\ndifficulty: 3\n---\n" +
        "## Prompt\nPrompt?\n\n## Answer\nAnswer.\n\n## Explanation\nBecause.\n",
    );
  });

  it("writes only a question file's fields (no path, hash or database columns)", () => {
    const stored = { ...flashcard, id: 7, file: "x/y.md", hash: "abc" } as QuestionFileInput;
    expect(serializeQuestionFile(stored)).toBe(serializeQuestionFile(flashcard));
    expect(questionFileInput(stored)).toEqual(flashcard);
  });

  it("keeps a fenced code block with `## ` and `---` lines inside a section", () => {
    const prompt = "Look:\n\n```python\n## not a heading\nx = 1\n---\n```\n\n~~~\n## Answer\n~~~\n\nWhat is x?";
    const explanation = "````md\n```\n## Explanation\n```\n````\nDone.";
    const parsed = roundTrip({ ...flashcard, prompt, explanation });
    expect(parsed.prompt).toBe(prompt);
    expect(parsed.explanation).toBe(explanation);
  });

  it.each([
    "Output size: floor((H + 2p - k) / s) + 1",
    'He said "hi" and \'bye\'',
    "# not a comment",
    "- not a list",
    "yes",
    "no",
    "null",
    "~",
    "true",
    "1e3",
    "0x1F",
    "2",
    "[not, a, list]",
    "{not: a map}",
    "*alias",
    "&anchor",
    "!tag",
    "@at",
    "`tick`",
    "| pipe",
    "> fold",
    "%percent",
    "---",
    "a: b # c",
    "Tab\there",
    "Line one\nline two",
    "Back\\slash \\n",
    "Ünïcödé 3×3 — ≥ 𝔼",
  ])("keeps the title %j as a string", (title) => {
    const parsed = roundTrip({ ...flashcard, title });
    expect(parsed.title).toBe(title);
    expect(typeof parsed.title).toBe("string");
  });

  it("never writes CRLF: sections are normalised to LF (as the parser reads them), YAML strings are escaped", () => {
    const question = { ...flashcard, title: "Carriage\r\nreturn", prompt: "Line one\r\nline two\r\n\r\n```\r\n## code\r\n```", answer: "One\rtwo" };
    const text = serializeQuestionFile(question);
    expect(text).not.toMatch(/\r\n/);
    expect(text.endsWith("\n") && !text.endsWith("\n\n")).toBe(true);
    const parsed = roundTrip(question);
    expect(parsed.title).toBe("Carriage\r\nreturn");
    expect(parsed.prompt).toBe("Line one\nline two\n\n```\n## code\n```");
    expect(parsed.answer).toBe("One\rtwo");
    // Same text and hash as a CRLF file of the same question would give.
    expect(parsed.hash).toBe(parseQuestionFile("deck-one/q.md", text.replace(/\n/g, "\r\n")).question!.hash);
  });

  it("round-trips a multiple-choice question with `why` on the wrong choices, leaving absent fields out", () => {
    const question: QuestionFileInput = {
      ...flashcard,
      kind: "multiple-choice",
      choices: [
        { text: "27c²", correct: true },
        { text: "49c²: one 7×7", why: "That is one 7×7 layer, not three 3×3 layers." },
        { text: "- 9c²", correct: false, why: "null" },
        // A null from a database column counts as absent.
        { text: "yes", correct: true, why: null as unknown as undefined },
      ],
    };
    const text = serializeQuestionFile(question);
    expect(text).toContain("choices:\n  - text: 27c²\n    correct: true\n  - text:");
    expect(text.match(/why:/g)).toHaveLength(2);
    const parsed = roundTrip(question);
    expect(parsed.choices).toEqual([question.choices![0], question.choices![1], question.choices![2], { text: "yes", correct: true }]);
  });

  it("round-trips a numeric template, keeping the variables' order and omitting empty defaults", () => {
    const question: QuestionFileInput = {
      ...flashcard,
      key: "num-one",
      kind: "numeric",
      prompt: "A layer with {{z}} and {{a}}. Give the number of parameters.",
      answer: "{{answer}} parameters.",
      template: {
        variables: {
          z: { range: [2, 10], step: 2 },
          a: { choices: [0.5, 1.5, 3] },
          m: { derive: "z * a" },
        },
        constraints: ["m >= 1"],
        answer: "m + 1",
        tolerance: { type: "relative", value: 0.01 },
        unit: "parameters",
        mistakes: [{ when: "m", feedback: "You forgot: the one. {{z}}" }],
        solution: "Multiply:\n$$ {{z}} \\cdot {{a}} + 1 = {{answer}} $$",
      },
    };
    const text = serializeQuestionFile(question);
    expect(text).toContain('    z: {range: [2, 10], step: 2}\n    a: {choices: [0.5, 1.5, 3]}\n    m: {derive: "z * a"}\n');
    expect(text).toContain("  solution: |-\n    Multiply:\n");
    const parsed = roundTrip(question);
    expect(parsed.template).toEqual(question.template);
    expect(Object.keys(parsed.template!.variables)).toEqual(["z", "a", "m"]);

    const bare = { ...question, template: { ...question.template!, constraints: [], mistakes: [] } };
    expect(serializeQuestionFile(bare)).not.toMatch(/constraints|mistakes/);
    expect(roundTrip(bare).template).toEqual(bare.template);
  });

  it("round-trips arbitrary title, choice text and `why` strings (property)", () => {
    const text = fc.string({ unit: "binary", minLength: 1, maxLength: 60 }).filter((value) => value.trim() === value && value !== "");
    fc.assert(
      fc.property(text, text, text, (title, right, why) => {
        const question: QuestionFileInput = {
          ...flashcard,
          kind: "multiple-choice",
          title,
          choices: [
            { text: right, correct: true },
            { text: `${right}!`, why },
          ],
        };
        const parsed = parseQuestionFile("deck-one/q.md", serializeQuestionFile(question));
        expect(parsed.issues).toEqual([]);
        expect(parsed.question).toMatchObject({ title, choices: question.choices });
      }),
      { numRuns: 200 },
    );
  });
});

describe("serializeDecksFile", () => {
  const load = (text: string) => loadContentFromFiles(new Map([["decks.yml", text]]));

  it("gives back the real bank's decks", () => {
    const reloaded = load(serializeDecksFile(bank.decks));
    expect(reloaded.issues).toEqual([]);
    expect(reloaded.decks).toEqual(bank.decks);
  });

  it("round-trips awkward titles and an empty description", () => {
    const decks: DeckDefinition[] = [
      { slug: "deck-one", title: "yes", description: "", order: 0, translations: {} },
      { slug: "deck-two", title: "Two: the # sequel", description: "- null\nsecond line", order: 10_000, translations: { zh: { title: "续集：第二部", description: "" } } },
    ];
    const text = serializeDecksFile(decks);
    expect(text).not.toContain("description: \"\"");
    expect(load(text)).toMatchObject({ decks, issues: [] });
  });
});
