import { describe, expect, it } from "vitest";
import { parseQuestionFile } from "./parse";

const flashcard = `---
key: cf-why-3x3
deck: cnn-fundamentals
kind: flashcard
title: Why stack 3×3 convolutions?
tags: [convolution, receptive-field]
difficulty: 2
---
## Prompt
Why do VGG-style networks stack 3×3 kernels?

## Answer
Same receptive field as a larger kernel, fewer parameters: $27c^2$ vs $49c^2$.

## Explanation
Three 3×3 layers see 7×7.
`;

function issuesOf(text: string, file = "cnn-fundamentals/x.md") {
  return parseQuestionFile(file, text).issues.map((issue) => `${issue.field}@${issue.line ?? "-"}: ${issue.message}`);
}

describe("parseQuestionFile: valid files", () => {
  it("parses a flashcard into trimmed sections and typed fields", () => {
    const { question, issues } = parseQuestionFile("cnn-fundamentals/cf-why-3x3.md", flashcard);
    expect(issues).toEqual([]);
    expect(question).toMatchObject({
      key: "cf-why-3x3",
      deck: "cnn-fundamentals",
      kind: "flashcard",
      tags: ["convolution", "receptive-field"],
      difficulty: 2,
      choices: null,
      template: null,
      prompt: "Why do VGG-style networks stack 3×3 kernels?",
      answer: "Same receptive field as a larger kernel, fewer parameters: $27c^2$ vs $49c^2$.",
      explanation: "Three 3×3 layers see 7×7.",
    });
    expect(question?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives the same hash after a rename or a reformatting of the YAML, and a new hash after a content edit", () => {
    const base = parseQuestionFile("a/one.md", flashcard).question!.hash;
    const renamed = parseQuestionFile("a/two.md", flashcard).question!.hash;
    const reordered = flashcard.replace("tags: [convolution, receptive-field]\ndifficulty: 2", "difficulty: 2\ntags:\n  - convolution\n  - receptive-field");
    expect(reordered).not.toBe(flashcard);
    expect(parseQuestionFile("a/one.md", reordered).question!.hash).toBe(base);
    expect(renamed).toBe(base);
    const edited = flashcard.replace("see 7×7", "see a 7×7 window");
    expect(parseQuestionFile("a/one.md", edited).question!.hash).not.toBe(base);
  });

  it("parses multiple-choice options, and ignores ## headings inside code fences", () => {
    const text = `---
key: mc-example
deck: deck-one
kind: multiple-choice
title: Pick one
difficulty: 1
choices:
  - text: "27c²"
    correct: true
  - text: "49c²"
    why: That is one 7×7 layer.
---
## Prompt
Which?

\`\`\`markdown
## Not a section
\`\`\`

## Answer
27c².

## Explanation
Because.
`;
    const { question, issues } = parseQuestionFile("deck-one/mc.md", text);
    expect(issues).toEqual([]);
    expect(question?.choices).toEqual([{ text: "27c²", correct: true }, { text: "49c²", why: "That is one 7×7 layer." }]);
    expect(question?.tags).toEqual([]);
    expect(question?.prompt).toContain("## Not a section");
  });
});

describe("parseQuestionFile: each problem names the field, the line and what was expected", () => {
  it("missing front matter", () => {
    expect(issuesOf("## Prompt\nx\n")).toEqual(["file@1: expected YAML front matter between a first line `---` and a closing `---`"]);
  });

  it("invalid YAML reports its line", () => {
    const issues = issuesOf(flashcard.replace("difficulty: 2", "difficulty: [2"));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^front matter@\d+: invalid YAML: /);
  });

  it("a misspelt field is unknown, at its line", () => {
    expect(issuesOf(flashcard.replace("difficulty: 2", "dificulty: 2"))).toEqual([
      "difficulty@-: expected a number from 1 to 5",
      "dificulty@7: unknown field (check its spelling)",
    ]);
  });

  it("out-of-range difficulty and a bad key", () => {
    expect(issuesOf(flashcard.replace("difficulty: 2", "difficulty: 7").replace("key: cf-why-3x3", "key: CF_Why"))).toEqual([
      "key@2: expected kebab-case: lower-case letters, digits and single hyphens",
      "difficulty@7: expected 1 to 5",
    ]);
  });

  it("an unknown kind", () => {
    expect(issuesOf(flashcard.replace("kind: flashcard", "kind: essay"))).toEqual([
      "kind@4: expected `kind` to be flashcard, multiple-choice or numeric",
    ]);
  });

  it("multiple choice without a correct option, and a wrong option without a reason", () => {
    const text = flashcard.replace("kind: flashcard", "kind: multiple-choice").replace(
      "difficulty: 2",
      'difficulty: 2\nchoices:\n  - text: "A"\n    why: no\n  - text: "B"',
    );
    expect(issuesOf(text)).toEqual([
      "choices.1.why@11: a wrong choice needs `why`: one line saying why it is wrong",
      "choices@8: expected at least one choice with `correct: true`",
    ]);
  });

  it("a numeric question without its template block is rejected clearly", () => {
    expect(issuesOf(flashcard.replace("kind: flashcard", "kind: numeric"))).toEqual([
      "template@-: numeric questions need a `template:` block",
    ]);
  });

  it("choices on a flashcard are an unknown field", () => {
    const text = flashcard.replace("difficulty: 2", 'difficulty: 2\nchoices:\n  - text: "A"\n    correct: true');
    expect(issuesOf(text)).toEqual(["choices@8: unknown field (check its spelling)"]);
  });

  it("missing, duplicated, unknown, empty and misordered sections", () => {
    expect(issuesOf(flashcard.replace("## Answer", "## Solution"))).toEqual([
      'Solution@12: unknown section "## Solution": expected only ## Prompt, ## Answer and ## Explanation, and for a translation ## Prompt (zh), ## Answer (zh), ## Explanation (zh) (use ### inside a section)',
      'Answer@-: missing section "## Answer"',
    ]);
    expect(issuesOf(flashcard + "\n## Prompt\nagain\n")).toEqual(['Prompt@18: section "## Prompt" appears more than once']);
    expect(issuesOf(flashcard.replace("Three 3×3 layers see 7×7.", ""))).toEqual(['Explanation@15: section "## Explanation" is empty']);
    const swapped = flashcard.replace("## Answer", "## TMP").replace("## Explanation", "## Answer").replace("## TMP", "## Explanation");
    expect(issuesOf(swapped)).toEqual(["body@9: expected the sections in the order ## Prompt, ## Answer, ## Explanation"]);
  });

  it("text before the first section is reported", () => {
    expect(issuesOf(flashcard.replace("## Prompt", "Stray intro.\n\n## Prompt"))).toEqual([
      "body@9: expected the body to start with `## Prompt`; move the text above it into a section",
    ]);
  });

  it("reports front-matter and section problems of one file together", () => {
    const issues = issuesOf(flashcard.replace("difficulty: 2", "difficulty: 0").replace("## Explanation", "## Notes"));
    expect(issues).toHaveLength(3);
  });
});
