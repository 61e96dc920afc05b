/**
 * Reads a whole content folder: decks.yml plus every `<deck>/<file>.md`, with the checks that need more than one
 * file (unique keys, a known deck, the file in its deck's folder). All issues are collected; nothing throws on
 * bad content. `loadContentFromFiles` runs the same checks on files held in memory (an uploaded archive).
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { ContentIssue } from "./errors";
import { parseQuestionFile, type ParsedQuestion } from "./parse";
import { decksFileSchema, type DeckDefinition } from "./schema";

export interface LoadedContent {
  decks: DeckDefinition[];
  questions: ParsedQuestion[];
  issues: ContentIssue[];
  /** Number of question files read (valid or not). */
  fileCount: number;
}

export const DECKS_FILE = "decks.yml";

export async function loadContent(contentDir: string): Promise<LoadedContent> {
  return loadContentFromFiles(await readContentFiles(contentDir));
}

/**
 * Loads a bank from relative POSIX paths (`decks.yml`, `<deck>/<name>.md`) mapped to file text, with exactly the
 * checks of `loadContent`. Paths that are not the decks file or a question file (see `isQuestionFilePath`) are
 * ignored, as `loadContent` ignores them on disk.
 */
export function loadContentFromFiles(files: ReadonlyMap<string, string>): LoadedContent {
  const issues: ContentIssue[] = [];
  const decksText = files.get(DECKS_FILE);
  const decks = decksText === undefined ? missingDecks(issues) : parseDecks(decksText, issues);

  // Sorted for stable output whatever order the map was filled in (the disk listing is sorted the same way).
  const questionPaths = [...files.keys()].filter(isQuestionFilePath).sort();
  const parsed = questionPaths.map((file) => parseQuestionFile(file, files.get(file) ?? ""));
  const questions = crossFileChecks(parsed, new Set(decks.map((deck) => deck.slug)), issues);

  // Sorted by file and line so reports read top to bottom, whatever order the checks ran in.
  issues.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
  return { decks, questions, issues, fileCount: questionPaths.length };
}

/**
 * Whether a relative path is a question file: Markdown one level down (`<deck>/<file>.md`), not in a hidden
 * folder, not a README (README files are docs).
 */
export function isQuestionFilePath(file: string): boolean {
  const segments = file.split("/");
  if (segments.length !== 2) return false;
  const [folder, name] = segments as [string, string];
  return folder !== "" && !folder.startsWith(".") && name.endsWith(".md") && name.toLowerCase() !== "readme.md";
}

/** Reads `decks.yml` (when present) and every question file of a folder, keyed by relative POSIX path. */
export async function readContentFiles(contentDir: string): Promise<Map<string, string>> {
  const names = await questionFiles(contentDir);
  if (existsSync(path.join(contentDir, DECKS_FILE))) names.unshift(DECKS_FILE);
  const texts = await Promise.all(names.map((name) => readFile(path.join(contentDir, name), "utf8")));
  return new Map(names.map((name, index) => [name, texts[index] ?? ""]));
}

/** The checks across files; returns the questions that pass them (the first file with a key keeps it). */
function crossFileChecks(parsed: ReturnType<typeof parseQuestionFile>[], deckSlugs: ReadonlySet<string>, issues: ContentIssue[]): ParsedQuestion[] {
  const questions: ParsedQuestion[] = [];
  const byKey = new Map<string, ParsedQuestion>();
  for (const result of parsed) {
    issues.push(...result.issues);
    const question = result.question;
    if (!question) continue;
    const folder = question.file.split("/")[0];
    const problems: ContentIssue[] = [];
    if (!deckSlugs.has(question.deck)) {
      problems.push({ file: question.file, field: "deck", message: `unknown deck "${question.deck}": add it to ${DECKS_FILE} or fix the slug` });
    } else if (folder !== question.deck) {
      problems.push({ file: question.file, field: "deck", message: `the file is in folder "${folder}" but says deck "${question.deck}": move it to content/${question.deck}/` });
    }
    const earlier = byKey.get(question.key);
    if (earlier) {
      problems.push({ file: question.file, field: "key", message: `key "${question.key}" is already used by ${earlier.file}; keys must be unique` });
    }
    issues.push(...problems);
    if (problems.length === 0) {
      byKey.set(question.key, question);
      questions.push(question);
    }
  }
  return questions;
}

function missingDecks(issues: ContentIssue[]): DeckDefinition[] {
  issues.push({ file: DECKS_FILE, field: "file", message: `missing ${DECKS_FILE}: it lists the decks (slug, title, description, order)` });
  return [];
}

function parseDecks(text: string, issues: ContentIssue[]): DeckDefinition[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = error.linePos?.[0]?.line;
      issues.push({ file: DECKS_FILE, field: "file", message: `invalid YAML: ${error.message.split("\n")[0]}`, line: line === undefined ? undefined : line + 1 });
    }
    return [];
  }
  const parsed = decksFileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      issues.push({ file: DECKS_FILE, field: zodIssue.path.map(String).join(".") || "file", message: zodIssue.message });
    }
    return [];
  }
  return parsed.data;
}

/** Question files one level down (`<deck>/<file>.md`, see `isQuestionFilePath`), sorted for stable output. */
async function questionFiles(contentDir: string): Promise<string[]> {
  if (!existsSync(contentDir)) return [];
  const entries = await readdir(contentDir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const inner = await readdir(path.join(contentDir, entry.name), { withFileTypes: true });
    for (const file of inner) {
      const relative = `${entry.name}/${file.name}`;
      if (file.isFile() && isQuestionFilePath(relative)) files.push(relative);
    }
  }
  return files.sort();
}
