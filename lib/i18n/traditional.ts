/**
 * Simplified → Traditional Chinese, for the zh-Hant interface and the bank's Chinese text. OpenCC's
 * "cn → twp" converts characters and Taiwan phrasing (内存 → 記憶體, 软件 → 軟體); the glossary's technical terms
 * that differ beyond that (content/GLOSSARY.zh.md, third column) are applied after it.
 */
import { Converter } from "opencc-js/cn2t";

/** Traditional terms the glossary prescribes, keyed by what plain conversion yields. Longest first when applied. */
export const TRADITIONAL_TERMS: Record<string, string> = {
  批歸一化: "批次正規化",
  層歸一化: "層正規化",
  實例歸一化: "實例正規化",
  組歸一化: "組正規化",
  歸一化: "正規化",
  資料增強: "資料擴增",
  目標檢測: "物件偵測",
  批大小: "批次大小",
  視訊記憶體: "顯示記憶體",
  推理: "推論",
  // Taiwan's phrasing turns 参数 into 引數 (a function's argument); a model's parameters are 參數 there too.
  引數: "參數",
};

const ORDERED_TERMS = Object.entries(TRADITIONAL_TERMS).sort(([a], [b]) => b.length - a.length);
const TERMS_PATTERN = new RegExp(ORDERED_TERMS.map(([from]) => from).join("|"), "g");

let converter: ((text: string) => string) | null = null;

export function toTraditional(text: string): string {
  // Built on first use: the dictionaries take a few hundred milliseconds to load.
  converter ??= Converter({ from: "cn", to: "twp" });
  return converter(text).replace(TERMS_PATTERN, (term) => TRADITIONAL_TERMS[term] ?? term);
}

/** Converts every string in a JSON-like value (message catalogues, question translations). */
export function deepToTraditional<T>(value: T): T {
  if (typeof value === "string") return toTraditional(value) as T;
  if (Array.isArray(value)) return value.map((item) => deepToTraditional(item)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, deepToTraditional(inner)])) as T;
  }
  return value;
}
