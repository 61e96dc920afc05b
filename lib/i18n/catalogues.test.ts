import { describe, expect, it } from "vitest";
import { enMessages, zhHansMessages } from "./catalogues";
import { messagesFor } from "./messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") result.set(path, value);
    else for (const [inner, text] of leaves(value, path)) result.set(inner, text);
  }
  return result;
}

/** The ICU arguments a message uses ({count}, {count, plural, …}, {name, select, …}) and its rich-text tags. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,|\})/g)) names.add(match[1]!);
  for (const match of message.matchAll(/<([A-Za-z][A-Za-z0-9]*)>/g)) names.add(`<${match[1]}>`);
  return [...names].sort();
}

const english = leaves(enMessages as unknown as Tree);
const chinese = leaves(zhHansMessages as unknown as Tree);

describe("message catalogues", () => {
  it("have the same keys in English and Simplified Chinese", () => {
    const missing = [...english.keys()].filter((key) => !chinese.has(key));
    const extra = [...chinese.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("use the same arguments and tags in both languages", () => {
    const mismatched = [...english]
      .filter(([key, text]) => chinese.has(key) && argumentsOf(text).join() !== argumentsOf(chinese.get(key)!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("leave no Chinese message empty or untranslated English prose", () => {
    // A sentence of three or more English words with no Chinese character means the translation was skipped.
    const untranslated = [...chinese]
      .filter(([, text]) => text.trim() === "" || (!/\p{Script=Han}/u.test(text) && /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(text.replace(/\{[^}]*\}/g, ""))))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it("derive Traditional Chinese by conversion, keeping arguments intact", () => {
    const traditional = leaves(messagesFor("zh-Hant") as unknown as Tree);
    expect([...traditional.keys()]).toEqual([...chinese.keys()]);
    // 语言 → 語言 is a character conversion; 登录 → 登入 is Taiwan's word for logging in.
    expect(traditional.get("common.language")).toBe("語言");
    expect(traditional.get("common.logIn")).toBe("登入");
    for (const [key, text] of chinese) expect(argumentsOf(traditional.get(key)!), key).toEqual(argumentsOf(text));
  });
});
