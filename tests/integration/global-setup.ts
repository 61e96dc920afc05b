/**
 * One throwaway PostgreSQL for the integration run: own temp folder and free port, migrations applied with the
 * same command production uses, and stopped (folder removed) afterwards, also when tests fail.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { findFreePort } from "../../scripts/lib/free-port";
import { migrateDeploy } from "../../scripts/lib/run";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(path.join(tmpdir(), "receptive-it-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: await findFreePort(), database: "receptive_test" });
  try {
    await migrateDeploy(server.url);
  } catch (error) {
    await server.stop();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  project.provide("databaseUrl", server.url);
  return async () => {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
}
