/**
 * `npm run seed`: loads content/ into the database. Also called by the launcher on every start.
 *
 * The content loader (lib/content) arrives with the question-bank issue; until then this step is wired into
 * the start sequence but writes nothing.
 */
import type { Db } from "../lib/db-client";
import { createPrismaClient } from "../lib/db-client";
import { acquireDatabase } from "./lib/database";
import { isMainModule } from "./lib/main-module";
import { migrateDeploy } from "./lib/run";

export interface SeedOptions {
  log: (message: string) => void;
}

export async function seedContent(_db: Db, options: SeedOptions): Promise<void> {
  options.log("content seed: no content loader yet, nothing to write");
}

async function cli(): Promise<void> {
  const database = await acquireDatabase();
  try {
    await migrateDeploy(database.url);
    const db = createPrismaClient(database.url, 2);
    try {
      await seedContent(db, { log: (message) => console.log(message) });
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.release();
  }
}

if (isMainModule(import.meta.url)) {
  cli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
