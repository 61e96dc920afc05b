/**
 * Reads a whole content folder: decks.yml plus every `<deck>/<file>.md`, with the checks that need more than one
 * file (unique keys, a known deck, the file in its deck's folder). All issues are collected; nothing throws on
 * bad content.
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
  const issues: ContentIssue[] = [];
  const decks = await loadDecks(contentDir, issues);
  const deckSlugs = new Set(decks.map((deck) => deck.slug));

  const files = await questionFiles(contentDir);
  const parsed = await Promise.all(
    files.map(async (file) => parseQuestionFile(file, await readFile(path.join(contentDir, file), "utf8"))),
  );
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
  // Sorted by file and line so reports read top to bottom, whatever order the checks ran in.
  issues.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
  return { decks, questions, issues, fileCount: files.length };
}

async function loadDecks(contentDir: string, issues: ContentIssue[]): Promise<DeckDefinition[]> {
  const file = path.join(contentDir, DECKS_FILE);
  if (!existsSync(file)) {
    issues.push({ file: DECKS_FILE, field: "file", message: `missing ${DECKS_FILE}: it lists the decks (slug, title, description, order)` });
    return [];
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(await readFile(file, "utf8"), { lineCounter, prettyErrors: false });
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

/** Markdown files one level down (`<deck>/<file>.md`), sorted for stable output; README files are docs. */
async function questionFiles(contentDir: string): Promise<string[]> {
  if (!existsSync(contentDir)) return [];
  const entries = await readdir(contentDir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const inner = await readdir(path.join(contentDir, entry.name), { withFileTypes: true });
    for (const file of inner) {
      if (file.isFile() && file.name.endsWith(".md") && file.name.toLowerCase() !== "readme.md") files.push(`${entry.name}/${file.name}`);
    }
  }
  return files.sort();
}
