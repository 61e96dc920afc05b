/**
 * `npm run seed [-- --force]`: loads content/ into the database. Also called by the launcher on every start.
 * Idempotent: unchanged files write nothing; see lib/content/plan.ts for the rules.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { seedQuestionBank, type SeedSummary } from "../lib/bank/seed";
import type { Db } from "../lib/db-client";
import { createPrismaClient } from "../lib/db-client";
import { formatIssue } from "../lib/content/errors";
import { loadContent } from "../lib/content/load";
import { PROJECT_ROOT } from "./lib/data-dir";
import { acquireDatabase } from "./lib/database";
import { isMainModule } from "./lib/main-module";
import { progressBar } from "./lib/progress";
import { migrateDeploy } from "./lib/run";

export interface SeedContentOptions {
  log: (message: string) => void;
  force?: boolean;
  contentDir?: string;
}

export function contentDirectory(): string {
  return path.resolve(process.env.RECEPTIVE_CONTENT_DIR ?? path.join(PROJECT_ROOT, "content"));
}

export async function seedContent(db: Db, options: SeedContentOptions): Promise<SeedSummary> {
  const started = performance.now();
  const contentDir = options.contentDir ?? contentDirectory();
  const content = await loadContent(contentDir);
  for (const issue of content.issues) options.log(`content error: ${formatIssue(issue)}`);
  const bar = progressBar("seeding questions");
  // The content folder is what every start seeds from, so a browser edit it now matches is adopted as seeded.
  const summary = await seedQuestionBank(db, content, { force: options.force, adoptEqualFiles: true, onProgress: (done, total) => bar.update(done, total) });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  options.log(
    `content seed: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
      `${summary.conflicts} conflicts, ${summary.archived} archived, ${summary.errors} errors ` +
      `(${content.questions.length} questions in ${content.decks.length} decks, ${seconds} s)`,
  );
  for (const conflict of summary.conflictKeys) {
    options.log(`conflict: ${conflict.key} (${conflict.file}) was edited in the browser since the last seed; kept the browser version. Run \`npm run seed -- --force\` to overwrite it.`);
  }
  if (summary.archiveSkipped) options.log("content seed: nothing archived because some files have errors");
  for (const failure of summary.failedDecks) options.log(`content seed: deck ${failure.deck} was not changed: ${failure.message}`);
  return summary;
}

async function cli(): Promise<number> {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
  const database = await acquireDatabase();
  try {
    await migrateDeploy(database.url);
    const db = createPrismaClient(database.url, 2);
    try {
      const summary = await seedContent(db, { log: (message) => console.log(message), force: values.force });
      return summary.errors > 0 || summary.failedDecks.length > 0 ? 1 : 0;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.release();
  }
}

if (isMainModule(import.meta.url)) {
  cli().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
