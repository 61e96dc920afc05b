/**
 * `npm run restore -- FILE [--replace]`: loads a backup made by `npm run backup` (scripts/backup.ts).
 *
 * Target: DATABASE_URL when set; else the embedded PostgreSQL of a running `npm start`; else the embedded cluster
 * in the data folder (RECEPTIVE_DATA_DIR, default .data), created when the folder is new. Applies the committed
 * migrations first (`prisma migrate deploy`), refuses a backup made with other migrations, and refuses a target
 * that already has data unless --replace is given. Everything is loaded in one transaction and verified against
 * the backup's row counts and checksums before it commits.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { acquireDatabase } from "./lib/database";
import { isMainModule } from "./lib/main-module";
import { migrateDeploy } from "./lib/run";
import { readBackupHeader, restoreDatabase } from "./backup";

async function cli(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { replace: { type: "boolean", default: false } }, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error("usage: npm run restore -- <backup file> [--replace]");
    return 2;
  }
  const file = path.resolve(positionals[0]!);
  if (!existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 2;
  }
  const header = await readBackupHeader(file);
  console.log(`backup of ${header.createdAt} (PostgreSQL ${header.server}, ${header.migrations.length} migrations, ${header.tables.reduce((sum, table) => sum + table.rows, 0).toLocaleString("en-US")} rows)`);

  const database = await acquireDatabase();
  try {
    console.log("applying database migrations…");
    await migrateDeploy(database.url);
    const started = performance.now();
    const report = await restoreDatabase(database.url, file, { replace: values.replace, log: (message) => console.log(message) });
    console.log(`restored ${report.rows.toLocaleString("en-US")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await database.release();
  }
}

if (isMainModule(import.meta.url)) {
  cli().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
