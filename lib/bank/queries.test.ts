import { describe, expect, it } from "vitest";
import { parseDeckFilters, questionTitleIn } from "./queries";
import type { QuestionTranslation } from "@/lib/content/translations";

const zh: QuestionTranslation = { source: "0123456789abcdef", title: "感受野", prompt: "题目", answer: "答案", explanation: "解析" };

describe("questionTitleIn", () => {
  it("gives the English title to English readers, even when a translation exists", () => {
    expect(questionTitleIn({ title: "Receptive field", translations: { zh } }, "en")).toEqual({ title: "Receptive field", language: "en" });
  });

  it("gives the translated title in the reader's language", () => {
    expect(questionTitleIn({ title: "Receptive field", translations: { zh } }, "zh")).toEqual({ title: "感受野", language: "zh" });
  });

  it("falls back to the English title when there is no translation", () => {
    expect(questionTitleIn({ title: "Receptive field", translations: {} }, "zh")).toEqual({ title: "Receptive field", language: "en" });
  });
});

describe("parseDeckFilters", () => {
  it("keeps a search in Chinese and drops malformed filters", () => {
    expect(parseDeckFilters({ q: " 感受野 ", kind: "BOGUS", difficulty: "9", tag: ["cnn", "x"] })).toEqual({ q: "感受野", tag: "cnn" });
  });
});
