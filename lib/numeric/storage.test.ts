import { describe, expect, it } from "vitest";
import { generateInstance } from "./instance";
import { numericTemplateSchema } from "./schema";
import { fromStoredTemplate, toStoredTemplate } from "./storage";

// `d` (short key) derives from `long_name`: jsonb would put `d` first and break the draw order.
const template = numericTemplateSchema.parse({
  variables: { long_name: { choices: [3] }, d: { derive: "long_name * 2" } },
  answer: "d + 1",
  tolerance: { type: "exact" },
  unit: "none",
  solution: "{{d}}",
});

/** What PostgreSQL jsonb does to object keys: shorter keys first, then byte order. */
function jsonbKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonbKeyOrder);
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, jsonbKeyOrder(inner)]));
  }
  return value;
}

describe("stored templates", () => {
  it("survive jsonb's key reordering with their variable order intact", () => {
    const stored = jsonbKeyOrder(JSON.parse(JSON.stringify(toStoredTemplate(template))));
    expect(Object.keys((stored as { variables: object }).variables)).toEqual(["d", "long_name"]);
    const restored = fromStoredTemplate(stored);
    expect(Object.keys(restored.variables)).toEqual(["long_name", "d"]);
    // long_name = 3, d = 2·3 = 6, answer = 6 + 1 = 7
    expect(generateInstance(restored, 1).answer).toBe(7);
  });

  it("also read a template without an order (straight from a content file)", () => {
    expect(Object.keys(fromStoredTemplate(JSON.parse(JSON.stringify(template))).variables)).toEqual(["long_name", "d"]);
  });

  it("reject what is not a template", () => {
    expect(() => fromStoredTemplate(null)).toThrow(/must be an object/);
    expect(() => fromStoredTemplate({ variables: {}, variableOrder: [] })).toThrow(/invalid stored template/);
  });
});
