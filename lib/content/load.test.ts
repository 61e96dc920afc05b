import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatIssue } from "./errors";
import { isQuestionFilePath, loadContent, loadContentFromFiles, readContentFiles } from "./load";

let dir: string;

async function write(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), "receptive-content-"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const decks = "- slug: deck-one\n  title: Deck one\n  order: 1\n- slug: deck-two\n  title: Deck two\n  description: Second\n  order: 2\n";
const question = (key: string, deck = "deck-one") =>
  `---\nkey: ${key}\ndeck: ${deck}\nkind: flashcard\ntitle: T ${key}\ndifficulty: 1\n---\n## Prompt\nP\n## Answer\nA\n## Explanation\nE\n`;

describe("loadContent", () => {
  it("loads decks and questions, skipping README files", async () => {
    const content = await loadContent(
      await write({ "decks.yml": decks, "README.md": "# docs", "deck-one/README.md": "# docs", "deck-one/q1.md": question("q-one"), "deck-two/q2.md": question("q-two", "deck-two") }),
    );
    expect(content.issues).toEqual([]);
    expect(content.fileCount).toBe(2);
    expect(content.decks).toEqual([
      // A deck without `translations` has none.
      { slug: "deck-one", title: "Deck one", description: "", order: 1, translations: {} },
      { slug: "deck-two", title: "Deck two", description: "Second", order: 2, translations: {} },
    ]);
    expect(content.questions.map((q) => q.key)).toEqual(["q-one", "q-two"]);
  });

  it("reports every bad file in one run, and still returns the good ones", async () => {
    const content = await loadContent(
      await write({
        "decks.yml": decks,
        "deck-one/good.md": question("good"),
        "deck-one/no-front-matter.md": "## Prompt\nx",
        "deck-one/dup.md": question("good"),
        "deck-one/elsewhere.md": question("wrong-folder", "deck-two"),
        "deck-two/unknown-deck.md": question("lost", "deck-nine"),
      }),
    );
    expect(content.questions.map((q) => q.key)).toEqual(["good"]);
    expect(content.issues.map(formatIssue)).toEqual([
      'deck-one/elsewhere.md: deck: the file is in folder "deck-one" but says deck "deck-two": move it to content/deck-two/',
      'deck-one/good.md: key: key "good" is already used by deck-one/dup.md; keys must be unique',
      "deck-one/no-front-matter.md:1: file: expected YAML front matter between a first line `---` and a closing `---`",
      'deck-two/unknown-deck.md: deck: unknown deck "deck-nine": add it to decks.yml or fix the slug',
    ]);
  });

  it("reports a broken decks file by field", async () => {
    const content = await loadContent(await write({ "decks.yml": "- slug: Bad Slug\n  title: ''\n  order: one\n" }));
    expect(content.decks).toEqual([]);
    expect(content.issues.map(formatIssue)).toEqual([
      "decks.yml: 0.slug: expected kebab-case: lower-case letters, digits and single hyphens",
      "decks.yml: 0.title: expected a non-empty title",
      "decks.yml: 0.order: expected a number",
    ]);
  });

  it("reports a missing decks file", async () => {
    const content = await loadContent(await write({ "deck-one/q.md": question("q-one") }));
    expect(content.issues.find((issue) => issue.file === "decks.yml")?.message).toMatch(/^missing decks.yml/);
  });
});

describe("loadContentFromFiles", () => {
  const bad = {
    "decks.yml": decks,
    "deck-one/good.md": question("good"),
    "deck-one/no-front-matter.md": "## Prompt\nx",
    "deck-one/dup.md": question("good"),
    "deck-one/elsewhere.md": question("wrong-folder", "deck-two"),
    "deck-two/unknown-deck.md": question("lost", "deck-nine"),
  };

  it("loads decks and questions, ignoring what loadContent ignores on disk", () => {
    const content = loadContentFromFiles(
      new Map([
        ["decks.yml", decks],
        ["README.md", "# docs"],
        ["top-level.md", question("top")],
        ["deck-one/README.md", "# docs"],
        ["deck-one/Readme.md", "# docs"],
        ["deck-one/notes.txt", "x"],
        ["deck-one/q1.MD", question("upper-case-extension")],
        ["deck-one/nested/q3.md", question("nested")],
        [".hidden/q4.md", question("hidden", ".hidden")],
        ["deck-one/q1.md", question("q-one")],
        ["deck-two/q2.md", question("q-two", "deck-two")],
      ]),
    );
    expect(content.issues).toEqual([]);
    expect(content.fileCount).toBe(2);
    expect(content.questions.map((q) => [q.key, q.file])).toEqual([
      ["q-one", "deck-one/q1.md"],
      ["q-two", "deck-two/q2.md"],
    ]);
  });

  it("gives the same result as loadContent for the same files, in any map order", async () => {
    const fromDisk = await loadContent(await write(bad));
    const entries = Object.entries(bad);
    expect(loadContentFromFiles(new Map(entries))).toEqual(fromDisk);
    expect(loadContentFromFiles(new Map(entries.reverse()))).toEqual(fromDisk);
    expect(fromDisk.issues).toHaveLength(4);
  });

  it("reports a missing, an invalid and a wrong decks file like loadContent", async () => {
    expect(loadContentFromFiles(new Map([["deck-one/q.md", question("q-one")]]))).toEqual(await loadContent(await write({ "deck-one/q.md": question("q-one") })));
    const broken = loadContentFromFiles(new Map([["decks.yml", "- slug: a\n  title: [unclosed\n"]]));
    expect(broken.decks).toEqual([]);
    expect(broken.issues.map((issue) => [issue.file, issue.field, issue.message.startsWith("invalid YAML")])).toContainEqual(["decks.yml", "file", true]);
    const wrong = loadContentFromFiles(new Map([["decks.yml", "- slug: Bad Slug\n  title: ''\n  order: one\n"]]));
    expect(wrong.issues.map(formatIssue)).toEqual([
      "decks.yml: 0.slug: expected kebab-case: lower-case letters, digits and single hyphens",
      "decks.yml: 0.title: expected a non-empty title",
      "decks.yml: 0.order: expected a number",
    ]);
  });

  it("loads the real content folder exactly as loadContent does", async () => {
    const root = path.resolve(import.meta.dirname, "../../content");
    // Every file under content/, README and all, read independently of load.ts.
    const files = new Map<string, string>();
    for (const name of await readdir(root, { recursive: true })) {
      const full = path.join(root, name);
      if ((await stat(full)).isFile()) files.set(name.split(path.sep).join("/"), await readFile(full, "utf8"));
    }
    expect(files.has("README.md")).toBe(true);
    const fromDisk = await loadContent(root);
    expect(fromDisk.issues).toEqual([]);
    expect(loadContentFromFiles(files)).toEqual(fromDisk);
    expect([...(await readContentFiles(root)).keys()]).toEqual(["decks.yml", ...fromDisk.questions.map((q) => q.file)]);
  });

  it("isQuestionFilePath accepts <deck>/<file>.md only", () => {
    expect(["deck/q.md", "deck/.q.md", "deck/readme.md.md"].map(isQuestionFilePath)).toEqual([true, true, true]);
    expect(["q.md", "deck/README.md", "deck/readme.MD", "deck/q.MD", "deck/q.txt", "a/b/q.md", ".git/q.md", "/q.md", "deck/"].map(isQuestionFilePath)).toEqual(
      Array(9).fill(false),
    );
  });
});
