import { describe, expect, it } from "vitest";
import { contentLanguageOf, matchLocaleTag, negotiateLocale } from "./locales";
import { resolveLocale } from "./resolve";
import { toTraditional } from "./traditional";

describe("negotiateLocale (Accept-Language)", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans"],
    ["zh-TW,zh;q=0.9,en-US;q=0.8", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-Hant-TW", "zh-Hant"],
    ["zh-Hans-SG", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["en-US,en;q=0.9", "en"],
    // Weights win over order; equal weights keep the header's order.
    ["en;q=0.5, zh-TW;q=0.8", "zh-Hant"],
    ["fr-FR,fr;q=0.9,zh-CN;q=0.8,en;q=0.7", "zh-Hans"],
    ["de,ja", "en"],
    ["zh;q=0, en;q=0.1", "en"],
    ["", "en"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("ignores tags of other languages", () => {
    expect(matchLocaleTag("zhx")).toBeNull();
    expect(matchLocaleTag("fr")).toBeNull();
  });
});

describe("resolveLocale", () => {
  it("prefers the account's choice, then the cookie, then the browser", () => {
    expect(resolveLocale({ userLocale: "zh-Hant", cookie: "en", acceptLanguage: "zh-CN" })).toBe("zh-Hant");
    expect(resolveLocale({ userLocale: null, cookie: "en", acceptLanguage: "zh-CN" })).toBe("en");
    expect(resolveLocale({ userLocale: null, cookie: undefined, acceptLanguage: "zh-CN" })).toBe("zh-Hans");
    // A tampered cookie or a stale stored value is ignored.
    expect(resolveLocale({ userLocale: "xx", cookie: "<script>", acceptLanguage: null })).toBe("en");
  });

  it("maps interface languages to the bank's two", () => {
    expect([contentLanguageOf("en"), contentLanguageOf("zh-Hans"), contentLanguageOf("zh-Hant")]).toEqual(["en", "zh", "zh"]);
  });
});

describe("toTraditional", () => {
  it("converts characters and uses the glossary's Taiwan terms", () => {
    // 卷积 → 卷積 and 感受野 are plain character conversion; 批归一化 is 批次正規化 and 参数量 is 參數量 in the glossary.
    expect(toTraditional("卷积层的感受野")).toBe("卷積層的感受野");
    expect(toTraditional("批归一化")).toBe("批次正規化");
    expect(toTraditional("参数量")).toBe("參數量");
    expect(toTraditional("目标检测")).toBe("物件偵測");
  });

  it("leaves formulas, placeholders and English alone", () => {
    expect(toTraditional("$3 \\times 3$ 卷积，{{c_in}} 个通道，ReLU")).toBe("$3 \\times 3$ 卷積，{{c_in}} 個通道，ReLU");
  });
});
