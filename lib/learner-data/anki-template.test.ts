/**
 * Anki templates and cloze deletions: which note types are supported (with the reason when not), how a card side
 * is rendered (fields, filters, conditional sections, FrontSide), and cloze cards for each number with hints,
 * nesting and malformed markup. Expected strings follow Anki's own rendering, described in its manual.
 */
import { describe, expect, it } from "vitest";
import type { AnkiModel } from "./apkg";
import { clozeOrdinals, isFieldEmpty, parseCloze, parseTemplate, planNoteType, renderCloze, renderTemplate } from "./anki-template";

function model(overrides: Partial<AnkiModel> & { qfmt?: string; afmt?: string }): AnkiModel {
  const { qfmt = "{{Front}}", afmt = "{{FrontSide}}<hr id=answer>{{Back}}", ...rest } = overrides;
  return {
    id: "1",
    name: "Test",
    type: "standard",
    fields: [
      { name: "Front", ord: 0 },
      { name: "Back", ord: 1 },
    ],
    templates: [{ name: "Card 1", ord: 0, qfmt, afmt }],
    ...rest,
  };
}

const fields = new Map([
  ["Front", "<b>Q</b>"],
  ["Back", "A"],
  ["Add Reverse", ""],
  ["Text", "{{c1::Paris}} is the capital of {{c2::France::country}}"],
]);

describe("planNoteType", () => {
  it("supports standard note types with plain fields, text:, hint:, type:, tts and sections", () => {
    const plan = planNoteType(model({ qfmt: "{{#Front}}{{text:Front}}{{/Front}}{{type:Back}}{{tts en_US:Front}}", afmt: "{{FrontSide}}{{^Back}}none{{/Back}}{{hint:Back}}" }));
    expect(plan.kind).toBe("basic");
  });

  it("lists the fields each question shows plainly, which the answer then leaves out", () => {
    const plan = planNoteType(model({ qfmt: "{{Front}} {{type:Back}} {{tts en_US:Extra}}", afmt: "{{Front}}<hr id=answer>{{type:Back}}" }));
    expect(plan.kind === "basic" && [...plan.templates[0]!.questionFields]).toEqual(["Front"]);
  });

  it("supports cloze note types and finds their cloze fields", () => {
    const plan = planNoteType(model({ type: "cloze", qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}<br>{{Back Extra}}" }));
    expect(plan).toMatchObject({ kind: "cloze", clozeFields: ["Text"] });
  });

  it.each([
    [model({ qfmt: "{{furigana:Front}}" }), "its card templates use the “furigana:” filter, which cannot be imported"],
    [model({ qfmt: "{{cloze:Front}}" }), "its card templates use the “cloze:” filter, which cannot be imported"],
    [model({ qfmt: "{{Front}}<script>run()</script>" }), "its card templates run scripts"],
    [model({ type: "cloze", qfmt: '{{cloze:Occlusion}}<div id="image-occlusion-container">{{Image}}</div>' }), "image occlusion cards cannot be imported"],
    [model({ type: "cloze", qfmt: "{{Text}}" }), "its question template has no {{cloze:…}} field"],
    [model({ qfmt: "{{#Front}}{{Front}}" }), "its card templates cannot be read (unbalanced {{#…}} or {{/…}} tags)"],
    [model({ qfmt: "{{#Front}}{{Front}}{{/Back}}" }), "its card templates cannot be read (unbalanced {{#…}} or {{/…}} tags)"],
    [model({ type: "unknown" }), "this kind of note type is not supported"],
    [model({ templates: [] }), "it has no card templates"],
  ])("reports an unsupported note type with the reason (%#)", (input, reason) => {
    expect(planNoteType(input)).toEqual({ kind: "unsupported", reason });
  });
});

describe("renderTemplate", () => {
  it("fills fields, leaves FrontSide and Anki's special fields empty, and tells whether a field had content", () => {
    expect(renderTemplate(parseTemplate("{{FrontSide}}<hr id=answer>{{ Back }} {{Tags}}{{Deck}}"), { fields, side: "back" })).toEqual({ html: "<hr id=answer>A ", hasContent: true });
    expect(renderTemplate(parseTemplate("Prompt: {{Add Reverse}}{{Missing}}"), { fields, side: "front" })).toEqual({ html: "Prompt: ", hasContent: false });
  });

  it("applies text: (tags stripped), drops tts, and shows type: only on the answer side", () => {
    const template = parseTemplate("{{text:Front}}|{{type:Back}}|{{tts en_US:Back}}");
    expect(renderTemplate(template, { fields, side: "front" }).html).toBe("Q||");
    expect(renderTemplate(template, { fields, side: "back" }).html).toBe("Q|A|");
  });

  it("keeps {{#Field}} sections for non-empty fields and {{^Field}} sections for empty ones", () => {
    const template = parseTemplate("{{#Add Reverse}}reverse {{Back}}{{/Add Reverse}}{{^Add Reverse}}no reverse{{/Add Reverse}}{{#Back}}, back{{/Back}}");
    expect(renderTemplate(template, { fields, side: "front" }).html).toBe("no reverse, back");
    expect(renderTemplate(template, { fields: new Map([...fields, ["Add Reverse", "y"]]), side: "front" }).html).toBe("reverse A, back");
  });

  it("renders a cloze field for the card's number and side", () => {
    const template = parseTemplate("{{cloze:Text}}");
    expect(renderTemplate(template, { fields, side: "front", cloze: 1 }).html).toBe("[...] is the capital of France");
    expect(renderTemplate(template, { fields, side: "back", cloze: 2 }).html).toBe("Paris is the capital of <b>France</b>");
  });

  it("leaves out the fields named in `omit` (the question's) but still tests them in sections", () => {
    // A cloze field is the card's point on the back too, so it is never left out.
    const template = parseTemplate("{{Front}}{{#Front}}, with a front{{/Front}}: {{Back}} {{cloze:Text}}");
    expect(renderTemplate(template, { fields, side: "back", cloze: 2, omit: new Set(["Front", "Text"]) }).html).toBe(", with a front: A Paris is the capital of <b>France</b>");
  });

  it("ignores comments", () => {
    expect(renderTemplate(parseTemplate("{{!a comment}}{{Back}}"), { fields, side: "back" }).html).toBe("A");
  });
});

describe("isFieldEmpty", () => {
  it("follows Anki: only whitespace, <br>, <div> and &nbsp; count as empty", () => {
    expect(["", "  ", "<br>", "<div><br /></div>", "&nbsp;", "\n<BR>\n"].map(isFieldEmpty)).toEqual([true, true, true, true, true, true]);
    expect(["x", "<img src=a.png>", "<b></b>"].map(isFieldEmpty)).toEqual([false, false, false]);
  });
});

describe("cloze deletions", () => {
  const text = "{{c1::Adam}} combines {{c2::momentum::an idea}} with {{c1::RMSProp}}";

  it("makes one card per cloze number, a number used twice hiding both deletions", () => {
    const nodes = parseCloze(text);
    expect(clozeOrdinals(nodes)).toEqual([1, 2]);
    expect(renderCloze(nodes, 1, "front")).toBe("[...] combines momentum with [...]");
    expect(renderCloze(nodes, 1, "back")).toBe("<b>Adam</b> combines momentum with <b>RMSProp</b>");
    expect(renderCloze(nodes, 2, "front")).toBe("Adam combines [an idea] with RMSProp");
    expect(renderCloze(nodes, 2, "back")).toBe("Adam combines <b>momentum</b> with RMSProp");
  });

  it("handles nested deletions (Anki 2.1.56+): the outer card hides the inner one too", () => {
    const nodes = parseCloze("{{c1::The {{c2::mitochondria}} is the powerhouse}} of the cell");
    expect(clozeOrdinals(nodes)).toEqual([1, 2]);
    expect(renderCloze(nodes, 1, "front")).toBe("[...] of the cell");
    expect(renderCloze(nodes, 2, "front")).toBe("The [...] is the powerhouse of the cell");
    expect(renderCloze(nodes, 2, "back")).toBe("The <b>mitochondria</b> is the powerhouse of the cell");
  });

  it("keeps HTML inside deletions and hints, and '::' after the hint as part of it", () => {
    const nodes = parseCloze("{{c3::<i>x</i>::a::b}}");
    expect(clozeOrdinals(nodes)).toEqual([3]);
    expect(renderCloze(nodes, 3, "front")).toBe("[a::b]");
    expect(renderCloze(nodes, 3, "back")).toBe("<b><i>x</i></b>");
  });

  it("leaves unclosed deletions, c0, and braces outside deletions as text", () => {
    expect(renderCloze(parseCloze("{{c1::open and }} close}} {{c0::zero}} {{c2::never closed"), 1, "front")).toBe("[...] close}} {{c0::zero}} {{c2::never closed");
    expect(clozeOrdinals(parseCloze("{{c2::never {{c3::closed"))).toEqual([]);
    expect(renderCloze(parseCloze("{{c2::a::b"), 2, "front")).toBe("{{c2::a::b");
  });

  it("finds no numbers in text without deletions", () => {
    expect(clozeOrdinals(parseCloze("plain text :: with }} braces"))).toEqual([]);
  });
});
