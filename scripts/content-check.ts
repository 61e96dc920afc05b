/**
 * `npm run content:check`: validates every content file without a database and reports all problems at once.
 * Exit code 1 when any file is invalid.
 */
import { formatIssue } from "../lib/content/errors";
import { loadContent } from "../lib/content/load";
import { contentDirectory } from "./seed";

async function main(): Promise<number> {
  const dir = contentDirectory();
  const content = await loadContent(dir);
  for (const issue of content.issues) console.error(formatIssue(issue));

  const perDeck = new Map<string, Record<string, number>>();
  for (const question of content.questions) {
    const counts = perDeck.get(question.deck) ?? {};
    counts[question.kind] = (counts[question.kind] ?? 0) + 1;
    perDeck.set(question.deck, counts);
  }
  for (const deck of [...content.decks].sort((a, b) => a.order - b.order)) {
    const counts = perDeck.get(deck.slug) ?? {};
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const detail = Object.entries(counts).map(([kind, count]) => `${count} ${kind}`).join(", ");
    console.log(`${deck.slug.padEnd(36)} ${String(total).padStart(4)}  ${detail}`);
  }
  const invalidFiles = new Set(content.issues.map((issue) => issue.file)).size;
  console.log(
    `\n${content.fileCount} files, ${content.questions.length} valid questions in ${content.decks.length} decks; ` +
      `${content.issues.length} problems in ${invalidFiles} files`,
  );
  return content.issues.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
