/**
 * Gives scripts a database URL: DATABASE_URL when set; else the embedded PostgreSQL of a running launcher;
 * else a temporary start of the embedded cluster in the data folder (stopped by the returned `release`).
 */
import path from "node:path";
import { dataDir, ensureDataDir, readRuntimeInfo } from "./data-dir";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { findFreePort } from "./free-port";

export interface DatabaseHandle {
  url: string;
  /** Stops a PostgreSQL this call started; a no-op otherwise. */
  release(): Promise<void>;
  embedded: boolean;
}

export const EMBEDDED_DATABASE_NAME = "receptive";

export async function acquireDatabase(): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, release: async () => {}, embedded: false };
  const running = await readRuntimeInfo(dataDir());
  if (running) return { url: running.databaseUrl, release: async () => {}, embedded: true };
  const dir = await ensureDataDir();
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: await findFreePort(),
    database: EMBEDDED_DATABASE_NAME,
  });
  return { url: server.url, release: () => server.stop(), embedded: true };
}
