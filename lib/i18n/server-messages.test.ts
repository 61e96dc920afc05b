import { describe, expect, it } from "vitest";
import { translateMessage } from "./server-messages";

const english = {
  gone: "That account no longer exists.",
  tooLong: "Expected at most {max} characters",
  fileTooBig: "The file is {size}; the limit is {limit}.",
  anything: "{message}",
};
const translated = {
  gone: "该账户已不存在。",
  tooLong: "最多 {max} 个字符",
  fileTooBig: "文件大小为 {size}，上限为 {limit}。",
  anything: "{message}",
};

describe("translateMessage", () => {
  it("translates a fixed message by its English text", () => {
    expect(translateMessage("That account no longer exists.", { english, translated })).toBe("该账户已不存在。");
  });

  it("carries the text a slot matched into the translation, in the translation's order", () => {
    expect(translateMessage("Expected at most 200 characters", { english, translated })).toBe("最多 200 个字符");
    expect(translateMessage("The file is 31.5 MB; the limit is 30 MB.", { english, translated })).toBe("文件大小为 31.5 MB，上限为 30 MB。");
  });

  it("prefers the pattern with the most literal text over a catch-all", () => {
    expect(translateMessage("Expected at most 5 characters", { english, translated })).toBe("最多 5 个字符");
  });

  it("leaves unknown messages and English alone", () => {
    expect(translateMessage("Something new.", { english: { gone: english.gone }, translated: { gone: translated.gone } })).toBe("Something new.");
    expect(translateMessage("That account no longer exists.", { english, translated: english })).toBe("That account no longer exists.");
    expect(translateMessage("That account no longer exists.", undefined)).toBe("That account no longer exists.");
  });

  it("ranks by literal text, whatever the number of slots", () => {
    // The two-slot message is the more specific one for a ratio question, though its slots make its pattern longer.
    const catalogs = {
      english: { unit: "Unknown unit \"{typed}\". This question asks for {unit}.", ratio: "Unknown unit \"{typed}\". This question asks for a ratio." },
      translated: { unit: "未知单位“{typed}”。本题要求{unit}。", ratio: "未知单位“{typed}”。本题要求一个比值。" },
    };
    expect(translateMessage('Unknown unit "px". This question asks for a ratio.', catalogs)).toBe("未知单位“px”。本题要求一个比值。");
    expect(translateMessage('Unknown unit "px". This question asks for parameters.', catalogs)).toBe("未知单位“px”。本题要求parameters。");
  });

  it("treats regular-expression characters in messages literally", () => {
    const catalogs = { english: { q: "Is {n} (or more) ok?" }, translated: { q: "{n}（或更多）可以吗？" } };
    expect(translateMessage("Is 3 (or more) ok?", catalogs)).toBe("3（或更多）可以吗？");
    expect(translateMessage("Is 3 or more ok?", catalogs)).toBe("Is 3 or more ok?");
  });
});
