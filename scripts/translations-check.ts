/**
 * Checks the staged Chinese translations (translations/zh/<deck>/<file>.yml, format in translations/README.md)
 * against the English bank in content/: every translation parses, names the right question, was made from the
 * current English file (its `source` hash), has every field the question needs, and keeps every placeholder,
 * formula delimiter and code span of the English. Prints coverage per deck and every problem; exits 1 on problems.
 *
 * Run: npx tsx scripts/translations-check.ts [deck-slug ...]
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { parseQuestionFile, type ParsedQuestion } from "../lib/content/parse";
import { renderMarkdown } from "../lib/markdown";

const ROOT = path.resolve(import.meta.dirname, "..");
const CONTENT = path.join(ROOT, "content");
const TRANSLATIONS = path.join(ROOT, "translations", "zh");

const translationSchema = z.strictObject({
  key: z.string().min(1),
  source: z.string().regex(/^[0-9a-f]{64}$/, "expected the English file's SHA-256 in hex"),
  title: z.string().trim().min(1),
  prompt: z.string().trim().min(1),
  answer: z.string().trim().min(1),
  explanation: z.string().trim().min(1),
  choices: z.array(z.strictObject({ text: z.string().trim().min(1), why: z.string().trim().min(1).optional() })).optional(),
  solution: z.string().trim().min(1).optional(),
  mistakes: z.array(z.strictObject({ feedback: z.string().trim().min(1) })).optional(),
});
type Translation = z.infer<typeof translationSchema>;

/** What must survive translation unchanged: placeholders, formula delimiters, code spans, table rows, images. */
function markers(text: string): Record<string, string> {
  const placeholders = [...text.matchAll(/\{\{\s*[\w.]+\s*\}\}/g)].map((m) => m[0].replace(/\s+/g, "")).sort();
  const displayMath = (text.match(/\$\$/g) ?? []).length;
  const inlineMath = (text.replace(/\$\$/g, "").match(/\$/g) ?? []).length;
  const code = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!).sort();
  const fences = (text.match(/^```/gm) ?? []).length;
  const tableRows = (text.match(/^\s*\|.*\|\s*$/gm) ?? []).length;
  const images = (text.match(/!\[[^\]]*\]\([^)]*\)/g) ?? []).map((image) => image.replace(/!\[[^\]]*\]/, "")).sort();
  return {
    placeholders: placeholders.join(" "),
    "$$ count": String(displayMath),
    "$ count": String(inlineMath),
    "code spans": code.join(" | "),
    "code fences": String(fences),
    "table rows": String(tableRows),
    images: images.join(" "),
  };
}

/** Literal asterisks left in the rendered text: emphasis that did not render (see {@link compare}). */
function strayAsterisks(markdown: string): number {
  const text = renderMarkdown(markdown).replace(/<(code|pre|math|annotation)[\s\S]*?<\/\1>/g, "").replace(/<[^>]+>/g, "");
  return (text.match(/\*/g) ?? []).length;
}

function compare(field: string, english: string, chinese: string, problems: string[]) {
  // CommonMark does not close `**` that follows punctuation and precedes a letter: `**结论：**文字` shows the
  // asterisks. Chinese has no space after punctuation, so the punctuation goes outside: `**结论**：文字`.
  if (strayAsterisks(chinese) > strayAsterisks(english)) {
    problems.push(`${field}: emphasis that does not render (asterisks left in the text; put punctuation outside the asterisks, e.g. **结论**：)`);
  }
  const want = markers(english);
  const got = markers(chinese);
  for (const name of Object.keys(want)) {
    if (want[name] !== got[name]) problems.push(`${field}: ${name} differ (English: ${want[name] || "none"}; Chinese: ${got[name] || "none"})`);
  }
}

function checkTranslation(question: ParsedQuestion, sourceHash: string, translation: Translation): string[] {
  const problems: string[] = [];
  if (translation.key !== question.key) problems.push(`key is "${translation.key}", the English file's is "${question.key}"`);
  if (translation.source !== sourceHash) problems.push("stale: the English file changed since this translation was made (source hash differs)");
  compare("title", question.title, translation.title, problems);
  compare("prompt", question.prompt, translation.prompt, problems);
  compare("answer", question.answer, translation.answer, problems);
  compare("explanation", question.explanation, translation.explanation, problems);
  const choices = question.choices ?? [];
  if (choices.length > 0 || translation.choices) {
    const translated = translation.choices ?? [];
    if (translated.length !== choices.length) problems.push(`choices: ${translated.length} translated, the English has ${choices.length}`);
    choices.forEach((choice, index) => {
      const other = translated[index];
      if (!other) return;
      compare(`choices[${index}].text`, choice.text, other.text, problems);
      if (Boolean(choice.why) !== Boolean(other.why)) problems.push(`choices[${index}].why: present in ${choice.why ? "English only" : "Chinese only"}`);
      else if (choice.why && other.why) compare(`choices[${index}].why`, choice.why, other.why, problems);
    });
  }
  const template = question.template;
  if (template) {
    if (!translation.solution) problems.push("solution: missing (numeric question)");
    else compare("solution", template.solution, translation.solution, problems);
    const mistakes = template.mistakes ?? [];
    const translated = translation.mistakes ?? [];
    if (translated.length !== mistakes.length) problems.push(`mistakes: ${translated.length} translated, the template has ${mistakes.length}`);
    mistakes.forEach((mistake, index) => {
      const other = translated[index];
      if (other) compare(`mistakes[${index}].feedback`, mistake.feedback, other.feedback, problems);
    });
  } else if (translation.solution || translation.mistakes) {
    problems.push("solution/mistakes: only numeric questions have them");
  }
  return problems;
}

async function main() {
  const wanted = new Set(process.argv.slice(2));
  const decks = (await readdir(CONTENT, { withFileTypes: true })).filter((entry) => entry.isDirectory() && (wanted.size === 0 || wanted.has(entry.name))).map((entry) => entry.name).sort();
  let total = 0;
  let translated = 0;
  let failures = 0;
  for (const deck of decks) {
    const files = (await readdir(path.join(CONTENT, deck))).filter((name) => name.endsWith(".md")).sort();
    let done = 0;
    for (const name of files) {
      total++;
      const relative = `${deck}/${name}`;
      const text = await readFile(path.join(CONTENT, deck, name), "utf8");
      const { question } = parseQuestionFile(relative, text);
      const translationFile = path.join(TRANSLATIONS, deck, name.replace(/\.md$/, ".yml"));
      if (!question || !existsSync(translationFile)) continue;
      let problems: string[];
      try {
        const parsed = translationSchema.safeParse(parseYaml(await readFile(translationFile, "utf8")));
        problems = parsed.success
          ? checkTranslation(question, createHash("sha256").update(text).digest("hex"), parsed.data)
          : parsed.error.issues.map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`);
      } catch (error) {
        problems = [`not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`];
      }
      if (problems.length === 0) {
        done++;
        translated++;
      } else {
        failures++;
        console.log(`✗ translations/zh/${deck}/${name.replace(/\.md$/, ".yml")}`);
        for (const problem of problems) console.log(`    ${problem}`);
      }
    }
    console.log(`${deck}: ${done}/${files.length} translated and current`);
  }
  console.log(`\nzh coverage: ${translated}/${total} questions (${((100 * translated) / Math.max(1, total)).toFixed(1)}%), ${failures} with problems`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
