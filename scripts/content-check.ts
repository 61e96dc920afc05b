/**
 * `npm run content:check`: validates every content file without a database and reports all problems at once,
 * then the translation coverage per language and deck. Exit code 1 when any file is invalid or a translation is
 * stale (its English changed since it was made); with `--require=zh`, also when a question has no Chinese.
 */
import { formatIssue } from "../lib/content/errors";
import { translationCoverage } from "../lib/content/coverage";
import { loadContent } from "../lib/content/load";
import { contentDirectory } from "./seed";

async function main(): Promise<number> {
  const required = new Set(process.argv.filter((arg) => arg.startsWith("--require=")).flatMap((arg) => arg.slice("--require=".length).split(",")));
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

  // Coverage per language: English is the source of every question; each translation is current, stale or missing.
  const coverage = translationCoverage(content.questions);
  let stale = 0;
  let missingRequired = 0;
  console.log(`\nLanguage coverage (current / questions; stale and missing listed below)\n${"en".padEnd(36)} ${content.questions.length}/${content.questions.length}  source`);
  for (const language of new Set(coverage.map((row) => row.language))) {
    const rows = coverage.filter((row) => row.language === language);
    const current = rows.reduce((sum, row) => sum + row.current, 0);
    const total = rows.reduce((sum, row) => sum + row.total, 0);
    console.log(`${language.padEnd(36)} ${current}/${total}  ${((100 * current) / Math.max(1, total)).toFixed(1)}%`);
    for (const row of rows) {
      console.log(`  ${row.deck.padEnd(34)} ${row.current}/${row.total}${row.stale.length ? `, ${row.stale.length} stale` : ""}${row.missing.length ? `, ${row.missing.length} missing` : ""}`);
      for (const entry of row.stale) {
        console.error(`${entry.file}: translations.${language}: stale: the English changed since this translation was made; update the ${language} texts, then set source: ${entry.fingerprint}`);
      }
      for (const file of row.missing) if (required.has(language)) console.error(`${file}: translations.${language}: missing (required by --require=${language})`);
      stale += row.stale.length;
      if (required.has(language)) missingRequired += row.missing.length;
    }
  }
  return content.issues.length > 0 || stale > 0 || missingRequired > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
