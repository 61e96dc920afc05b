import { describe, expect, it } from "vitest";
import { createDeckSchema, deckTranslationsInputSchema, updateDeckSchema } from "./decks";

describe("deck translations from the deck forms", () => {
  it("stores a Chinese title and description, trimmed", () => {
    expect(deckTranslationsInputSchema.parse({ zh: { title: " 目标检测 ", description: "框出图像中的物体。" } })).toEqual({ zh: { title: "目标检测", description: "框出图像中的物体。" } });
    expect(deckTranslationsInputSchema.parse({ zh: { title: "目标检测", description: "" } })).toEqual({ zh: { title: "目标检测", description: "" } });
  });

  it("reads an empty Chinese title and description as no translation", () => {
    expect(deckTranslationsInputSchema.parse({ zh: { title: "  ", description: "" } })).toEqual({});
    expect(deckTranslationsInputSchema.parse({ zh: { title: "", description: null } })).toEqual({});
  });

  it("refuses a Chinese description without a title, on the title field", () => {
    const result = updateDeckSchema.safeParse({ id: "d1", title: "Detection", description: "", translations: { zh: { title: "", description: "框出物体。" } } });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join("."))).toEqual(["translations.zh.title"]);
  });

  it("keeps the old input shape valid: without translations nothing about them is sent", () => {
    expect(createDeckSchema.parse({ slug: "new-deck", title: "New deck", description: "" }).translations).toBeUndefined();
    expect(updateDeckSchema.parse({ id: "d1", title: "Renamed", description: "" }).translations).toBeUndefined();
    expect(createDeckSchema.safeParse({ slug: "new-deck", title: "New deck", description: "", translations: { zh: { title: "x".repeat(121), description: "" } } }).success).toBe(false);
    expect(createDeckSchema.safeParse({ slug: "new-deck", title: "New deck", description: "", translations: "zh" }).success).toBe(false);
  });
});
