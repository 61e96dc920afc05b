import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findHardcodedStrings } from "./hardcoded-strings";
import { interfaceSourceFiles } from "./source-files";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("findHardcodedStrings", () => {
  it("finds text, visible attributes, rendered literals and message properties", () => {
    const source = `
      export function Page({ done }: { done: boolean }) {
        const state = { ok: false, message: "Saved." };
        return (
          <section aria-label="Due now" className="card space-y-4">
            <h1>Study</h1>
            <input placeholder={done ? "Finished" : "Type here"} name="answer" />
            {done ? "All done" : null}
            <Link href="/decks">{t("decks")}</Link>
          </section>
        );
      }`;
    expect(findHardcodedStrings("page.tsx", source).map((finding) => [finding.rule, finding.text])).toEqual([
      ["property", "Saved."],
      ["jsx-attribute", "Due now"],
      ["jsx-text", "Study"],
      ["jsx-attribute", "Finished"],
      ["jsx-attribute", "Type here"],
      ["jsx-child", "All done"],
    ]);
  });

  it("leaves class names, routes, keys, symbols, the product name and marked lines alone", () => {
    const source = `
      export function Page() {
        return (
          <div className="mx-auto flex" data-testid="study-card">
            <Link href="/study?deck=a">Receptive</Link>
            <span>{count} · 73,856</span>
            {/* i18n-ignore: a language's own name */}
            <option>English</option>
          </div>
        );
      }`;
    expect(findHardcodedStrings("page.tsx", source)).toEqual([]);
  });
});

describe("the interface", () => {
  it("has no user-visible text outside the message catalogues", () => {
    const findings = interfaceSourceFiles([path.join(ROOT, "app")]).flatMap((file) =>
      findHardcodedStrings(path.relative(ROOT, file), readFileSync(file, "utf8")).map((finding) => `${finding.file}:${finding.line} [${finding.rule}] ${finding.text}`),
    );
    expect(findings).toEqual([]);
  });
});
