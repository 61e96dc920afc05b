import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFromContent, validateDraft } from "@/lib/content/draft";
import { loadContent } from "@/lib/content/load";
import { questionHash } from "@/lib/content/parse";
import { formToYaml, yamlToForm } from "./template-form";

describe("template form model", () => {
  it("shows every numeric template of the real bank as a form and writes it back to the same question", async () => {
    const content = await loadContent(path.resolve("content"));
    const numeric = content.questions.filter((question) => question.kind === "numeric");
    expect(numeric.length).toBeGreaterThanOrEqual(30);
    for (const question of numeric) {
      const draft = draftFromContent(question);
      const form = yamlToForm(draft.templateYaml);
      if (!form) throw new Error(`${question.key}: the form cannot show its template`);
      const result = validateDraft({ ...draft, templateYaml: formToYaml(form) });
      if (!result.ok) throw new Error(`${question.key}: ${JSON.stringify(result.issues)}`);
      expect(questionHash(result.content)).toBe(question.hash);
    }
  });

  it("reads each variable kind, tolerance and the lists into fields", () => {
    const form = yamlToForm(
      [
        "variables:",
        "  k: { choices: [1, 3] }",
        "  c: { range: [16, 64], step: 16 }",
        '  p: { derive: "(k - 1) / 2" }',
        'constraints: ["c >= 32"]',
        'answer: "k * k * c"',
        "tolerance: { type: relative, value: 0.01 }",
        "unit: parameters",
        "mistakes:",
        '  - when: "k * c"',
        '    feedback: "Square the kernel."',
        'solution: "{{answer}}"',
      ].join("\n"),
    );
    expect(form).toEqual({
      variables: [
        { name: "k", kind: "choices", choices: "1, 3", lo: "", hi: "", step: "", derive: "" },
        { name: "c", kind: "range", choices: "", lo: "16", hi: "64", step: "16", derive: "" },
        { name: "p", kind: "derive", choices: "", lo: "", hi: "", step: "", derive: "(k - 1) / 2" },
      ],
      constraints: ["c >= 32"],
      answer: "k * k * c",
      toleranceType: "relative",
      toleranceValue: "0.01",
      unit: "parameters",
      mistakes: [{ when: "k * c", feedback: "Square the kernel." }],
      solution: "{{answer}}",
    });
  });

  it("leaves YAML it cannot show faithfully to the YAML editor", () => {
    expect(yamlToForm("variables: [unclosed")).toBeNull();
    expect(yamlToForm('variables: { k: { choices: [1] } }\nanswer: "k"\ntolerance: { type: exact }\nunit: none\nsolution: "x"\nextra: 1')).toBeNull();
    expect(yamlToForm('variables: { k: { choices: [1], derive: "2" } }\nanswer: "k"\ntolerance: { type: exact }\nunit: none\nsolution: "x"')).toBeNull();
  });

  it("writes numbers as numbers and keeps unreadable text as text, so the server's check can name it", () => {
    const yaml = formToYaml({
      variables: [{ name: "k", kind: "choices", choices: "3, five", lo: "", hi: "", step: "", derive: "" }],
      constraints: [" "],
      answer: "k",
      toleranceType: "exact",
      toleranceValue: "",
      unit: "none",
      mistakes: [],
      solution: "s",
    });
    expect(yaml).toContain("choices:\n      - 3\n      - five");
    expect(yaml).not.toContain("constraints");
  });
});
