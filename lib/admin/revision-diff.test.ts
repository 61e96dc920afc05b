import { describe, expect, it } from "vitest";
import { diffSnapshots, isMaterialChange, parseRevisionSnapshot, type RevisionSnapshot } from "./revision-diff";

const flashcard: RevisionSnapshot = {
  deck: "cnn-fundamentals",
  kind: "flashcard",
  title: "Why stack 3×3 convolutions?",
  tags: ["convolution", "receptive-field"],
  difficulty: 2,
  choices: null,
  template: null,
  prompt: "Why do VGG-style networks stack 3×3 kernels?",
  answer: "Same receptive field, fewer parameters.",
  explanation: "Three 3×3 layers see 7×7.",
  source: "cnn-fundamentals/cf-why-3x3.md",
};

const multipleChoice: RevisionSnapshot = {
  ...flashcard,
  kind: "multiple-choice",
  choices: [
    { text: "27c²", correct: true },
    { text: "49c²", why: "That is one 7×7 layer." },
  ],
};

// Keys deliberately out of README order, as jsonb would return them; the diff must not care.
const template = {
  unit: "parameters",
  solution: "k squared times c",
  answer: "k * k * c",
  mistakes: [],
  tolerance: { type: "exact" },
  constraints: [],
  variables: { k: { choices: [1, 3] }, c: { step: 16, range: [16, 64] } },
};
const numeric: RevisionSnapshot = { ...flashcard, kind: "numeric", template };

/** A copy without the given keys (as a row written before those fields existed). */
const omit = (value: object, ...keys: string[]) => Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));

const withTemplate = (changes: Record<string, unknown>): RevisionSnapshot => ({ ...numeric, template: { ...template, ...changes } });

describe("parseRevisionSnapshot", () => {
  it("reads a seed snapshot as stored (JSON round trip)", () => {
    expect(parseRevisionSnapshot(JSON.parse(JSON.stringify(multipleChoice)))).toEqual(multipleChoice);
  });

  it("is lenient about source: missing, null or not a string all read as absent", () => {
    expect(parseRevisionSnapshot(omit(flashcard, "source"))?.source).toBeUndefined();
    expect(parseRevisionSnapshot({ ...flashcard, source: null })?.source).toBeUndefined();
    expect(parseRevisionSnapshot({ ...flashcard, source: 42 })).toMatchObject({ title: flashcard.title, source: undefined });
  });

  it("reads absent choices/template as null and null choice flags as absent", () => {
    expect(parseRevisionSnapshot(omit(flashcard, "choices", "template"))).toMatchObject({ choices: null, template: null });
    const parsed = parseRevisionSnapshot({ ...multipleChoice, choices: [{ text: "a", correct: true, why: null }, { text: "b", correct: null, why: "no" }] });
    expect(parsed?.choices).toEqual([{ text: "a", correct: true }, { text: "b", why: "no" }]);
  });

  it("keeps the stored template object as it is, variableOrder included (a restore needs it)", () => {
    const stored = { ...template, variableOrder: ["k", "c"] };
    expect(parseRevisionSnapshot({ ...numeric, template: stored })?.template).toEqual(stored);
  });

  it("returns null for garbage", () => {
    expect(parseRevisionSnapshot(null)).toBeNull();
    expect(parseRevisionSnapshot("snapshot")).toBeNull();
    expect(parseRevisionSnapshot([])).toBeNull();
    expect(parseRevisionSnapshot({ ...flashcard, kind: "essay" })).toBeNull();
    expect(parseRevisionSnapshot({ ...flashcard, tags: "a, b" })).toBeNull();
    expect(parseRevisionSnapshot(omit(flashcard, "title"))).toBeNull();
    expect(parseRevisionSnapshot({ ...multipleChoice, choices: [{ correct: true }] })).toBeNull();
  });
});

describe("diffSnapshots", () => {
  it("reports nothing for identical revisions (source is not a field)", () => {
    expect(diffSnapshots(flashcard, { ...flashcard, source: "elsewhere.md" })).toEqual([]);
  });

  it("shows short fields as before/after values, tags joined by a comma", () => {
    const after = { ...flashcard, title: "Why 3×3?", tags: ["convolution", "vgg", "receptive-field"], difficulty: 3 };
    expect(diffSnapshots(flashcard, after)).toEqual([
      { field: "title", label: "Title", type: "value", before: "Why stack 3×3 convolutions?", after: "Why 3×3?" },
      { field: "tags", label: "Tags", type: "value", before: "convolution, receptive-field", after: "convolution, vgg, receptive-field" },
      { field: "difficulty", label: "Difficulty", type: "value", before: "2", after: "3" },
    ]);
  });

  it("reports every non-empty field as added for the first revision, in field order", () => {
    const first = { ...flashcard, tags: [], prompt: "Line one\nLine two" };
    // No tags (empty) and no choices/template (null): those are left out.
    expect(diffSnapshots(null, first)).toEqual([
      { field: "title", label: "Title", type: "value", before: "", after: "Why stack 3×3 convolutions?" },
      { field: "deck", label: "Deck", type: "value", before: "", after: "cnn-fundamentals" },
      { field: "kind", label: "Kind", type: "value", before: "", after: "flashcard" },
      { field: "difficulty", label: "Difficulty", type: "value", before: "", after: "2" },
      { field: "prompt", label: "Prompt", type: "lines", lines: [{ op: "add", text: "Line one" }, { op: "add", text: "Line two" }] },
      { field: "answer", label: "Answer", type: "lines", lines: [{ op: "add", text: "Same receptive field, fewer parameters." }] },
      { field: "explanation", label: "Explanation", type: "lines", lines: [{ op: "add", text: "Three 3×3 layers see 7×7." }] },
    ]);
  });

  it("collapses unchanged stretches to three lines of context around a change", () => {
    const lines = ["l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10"];
    const before = { ...flashcard, explanation: lines.join("\n") };
    const after = { ...flashcard, explanation: lines.map((line) => (line === "l5" ? "L5" : line)).join("\n") };
    // l5 is replaced: l2-l4 before it and l6-l8 after it are shown; l1 (one line) and l9-l10 (two) are skipped.
    expect(diffSnapshots(before, after)).toEqual([
      {
        field: "explanation",
        label: "Explanation",
        type: "lines",
        lines: [
          { op: "skip", count: 1 },
          { op: "same", text: "l2" },
          { op: "same", text: "l3" },
          { op: "same", text: "l4" },
          { op: "remove", text: "l5" },
          { op: "add", text: "L5" },
          { op: "same", text: "l6" },
          { op: "same", text: "l7" },
          { op: "same", text: "l8" },
          { op: "skip", count: 2 },
        ],
      },
    ]);
  });

  it("keeps separate skips between two distant changes", () => {
    const lines = Array.from({ length: 12 }, (_, index) => `l${index + 1}`);
    const before = { ...flashcard, prompt: lines.join("\n") };
    const after = { ...flashcard, prompt: ["L1", ...lines.slice(1, 11), "L12"].join("\n") };
    // Changes at l1 and l12: context l2-l4 and l9-l11, so l5-l8 (four lines) are skipped.
    const change = diffSnapshots(before, after)[0];
    expect(change).toMatchObject({ field: "prompt", type: "lines" });
    expect(change?.type === "lines" ? change.lines : []).toEqual([
      { op: "remove", text: "l1" },
      { op: "add", text: "L1" },
      { op: "same", text: "l2" },
      { op: "same", text: "l3" },
      { op: "same", text: "l4" },
      { op: "skip", count: 4 },
      { op: "same", text: "l9" },
      { op: "same", text: "l10" },
      { op: "same", text: "l11" },
      { op: "remove", text: "l12" },
      { op: "add", text: "L12" },
    ]);
  });

  it("treats a line appended after the last line as one addition (no spurious change of the old last line)", () => {
    const change = diffSnapshots({ ...flashcard, answer: "a\nb" }, { ...flashcard, answer: "a\nb\nc" })[0];
    expect(change).toEqual({
      field: "answer",
      label: "Answer",
      type: "lines",
      lines: [
        { op: "same", text: "a" },
        { op: "same", text: "b" },
        { op: "add", text: "c" },
      ],
    });
  });

  it("diffs choices as YAML, and ignores key order", () => {
    const reordered = { ...multipleChoice, choices: [{ correct: true, text: "27c²" }, { why: "That is one 7×7 layer.", text: "49c²" }] };
    expect(diffSnapshots(multipleChoice, reordered as RevisionSnapshot)).toEqual([]);

    const after = { ...multipleChoice, choices: [multipleChoice.choices![0]!, { text: "49c²", why: "One 7×7 layer." }] };
    // YAML of the choices: "- text: 27c²", "  correct: true", "- text: 49c²", "  why: ...": only the why line changes.
    expect(diffSnapshots(multipleChoice, after)).toEqual([
      {
        field: "choices",
        label: "Choices",
        type: "lines",
        lines: [
          { op: "same", text: "- text: 27c²" },
          { op: "same", text: "  correct: true" },
          { op: "same", text: "- text: 49c²" },
          { op: "remove", text: "  why: That is one 7×7 layer." },
          { op: "add", text: "  why: One 7×7 layer." },
        ],
      },
    ]);
  });

  it("reports a changed kind and the added choices when a flashcard becomes multiple choice", () => {
    expect(diffSnapshots(flashcard, multipleChoice)).toEqual([
      { field: "kind", label: "Kind", type: "value", before: "flashcard", after: "multiple-choice" },
      {
        field: "choices",
        label: "Choices",
        type: "lines",
        lines: [
          { op: "add", text: "- text: 27c²" },
          { op: "add", text: "  correct: true" },
          { op: "add", text: "- text: 49c²" },
          { op: "add", text: "  why: That is one 7×7 layer." },
        ],
      },
    ]);
  });

  it("diffs templates as YAML in README key order, variables by name, number lists in flow style", () => {
    // Same template as jsonb might store it from the editor (variableOrder, keys shuffled): no change.
    const stored = { variableOrder: ["k", "c"], ...template, variables: { c: { range: [16, 64], step: 16 }, k: { choices: [1, 3] } } };
    expect(diffSnapshots(numeric, { ...numeric, template: stored })).toEqual([]);

    // Expected YAML: variables (c: range/step, k: choices), constraints, answer, tolerance, unit, mistakes, solution.
    // The tolerance type line (line 10 of 13) changes; six lines above its three-line context are skipped.
    expect(diffSnapshots(numeric, withTemplate({ tolerance: { value: 0.01, type: "relative" } }))).toEqual([
      {
        field: "template",
        label: "Template",
        type: "lines",
        lines: [
          { op: "skip", count: 6 },
          { op: "same", text: "constraints: []" },
          { op: "same", text: "answer: k * k * c" },
          { op: "same", text: "tolerance:" },
          { op: "remove", text: "  type: exact" },
          { op: "add", text: "  type: relative" },
          { op: "add", text: "  value: 0.01" },
          { op: "same", text: "unit: parameters" },
          { op: "same", text: "mistakes: []" },
          { op: "same", text: "solution: k squared times c" },
        ],
      },
    ]);
  });

  it("shows the first template in full", () => {
    const change = diffSnapshots(null, numeric).find((entry) => entry.field === "template");
    expect(change?.type === "lines" ? change.lines.map((line) => (line.op === "add" ? line.text : line.op)) : null).toEqual([
      "variables:",
      "  c:",
      "    range: [16, 64]",
      "    step: 16",
      "  k:",
      "    choices: [1, 3]",
      "constraints: []",
      "answer: k * k * c",
      "tolerance:",
      "  type: exact",
      "unit: parameters",
      "mistakes: []",
      "solution: k squared times c",
    ]);
  });
});

describe("isMaterialChange", () => {
  it("is material for the first revision and not for an identical one", () => {
    expect(isMaterialChange(null, flashcard)).toBe(true);
    expect(isMaterialChange(flashcard, { ...flashcard })).toBe(false);
  });

  it("is not material for title, deck, tags, difficulty, prompt or explanation wording", () => {
    expect(isMaterialChange(flashcard, { ...flashcard, title: "New title" })).toBe(false);
    expect(isMaterialChange(flashcard, { ...flashcard, deck: "other-deck" })).toBe(false);
    expect(isMaterialChange(flashcard, { ...flashcard, tags: ["vgg"] })).toBe(false);
    expect(isMaterialChange(flashcard, { ...flashcard, difficulty: 5 })).toBe(false);
    expect(isMaterialChange(flashcard, { ...flashcard, prompt: "Reworded prompt?" })).toBe(false);
    expect(isMaterialChange(flashcard, { ...flashcard, explanation: "Better explanation." })).toBe(false);
    expect(isMaterialChange(flashcard, { ...flashcard, source: "moved.md" })).toBe(false);
  });

  it("is material when the answer text or the kind changes", () => {
    expect(isMaterialChange(flashcard, { ...flashcard, answer: "Fewer parameters." })).toBe(true);
    expect(isMaterialChange(flashcard, { ...flashcard, kind: "multiple-choice" })).toBe(true);
  });

  it("for choices: text, correct flags, order and count are material; why alone is not", () => {
    const [right, wrong] = [multipleChoice.choices![0]!, multipleChoice.choices![1]!];
    const withChoices = (choices: NonNullable<RevisionSnapshot["choices"]>) => ({ ...multipleChoice, choices });
    expect(isMaterialChange(multipleChoice, withChoices([right, { ...wrong, why: "Another reason." }]))).toBe(false);
    expect(isMaterialChange(multipleChoice, withChoices([right, { ...wrong, text: "48c²" }]))).toBe(true);
    expect(isMaterialChange(multipleChoice, withChoices([right, { ...wrong, correct: true }]))).toBe(true);
    // Answers are submitted as a choice index, so swapping two options changes what an index means.
    expect(isMaterialChange(multipleChoice, withChoices([wrong, right]))).toBe(true);
    expect(isMaterialChange(multipleChoice, withChoices([right, wrong, { text: "9c²", why: "One layer." }]))).toBe(true);
    // `correct: false` and an absent flag mean the same.
    expect(isMaterialChange(multipleChoice, withChoices([right, { ...wrong, correct: false }]))).toBe(false);
  });

  it("for templates: everything but the solution text is material", () => {
    expect(isMaterialChange(numeric, withTemplate({ solution: "A clearer worked solution." }))).toBe(false);
    expect(isMaterialChange(numeric, withTemplate({ tolerance: { type: "relative", value: 0.01 } }))).toBe(true);
    expect(isMaterialChange(numeric, withTemplate({ answer: "k * k * c + c" }))).toBe(true);
    expect(isMaterialChange(numeric, withTemplate({ variables: { k: { choices: [1, 3, 5] }, c: { range: [16, 64], step: 16 } } }))).toBe(true);
    expect(isMaterialChange(numeric, withTemplate({ constraints: ["c >= 32"] }))).toBe(true);
    expect(isMaterialChange(numeric, withTemplate({ unit: "MACs" }))).toBe(true);
    expect(isMaterialChange(numeric, withTemplate({ mistakes: [{ when: "k * c", feedback: "Square the kernel size." }] }))).toBe(true);
  });

  it("ignores storage details of a template: key order, variableOrder, and defaults left out", () => {
    const stored = { variableOrder: ["c", "k"], ...template, variables: { c: { range: [16, 64], step: 16 }, k: { choices: [1, 3] } } };
    expect(isMaterialChange(numeric, { ...numeric, template: stored })).toBe(false);
    // constraints and mistakes default to [] in the numeric schema: absent and empty are the same template.
    const withoutDefaults = { ...numeric, template: omit(template, "constraints", "mistakes") };
    expect(isMaterialChange(numeric, withoutDefaults)).toBe(false);
    expect(diffSnapshots(numeric, withoutDefaults)).toEqual([]);
  });
});
