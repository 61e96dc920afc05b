/**
 * Real processes for the system tests: a throwaway embedded PostgreSQL with migrations and the content seed, and
 * `next start` servers of the production build pointed at it (several instances on one database).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../lib/db-client";
import { isBuildCurrent } from "../../scripts/lib/build-stamp";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { findFreePort } from "../../scripts/lib/free-port";
import { migrateDeploy } from "../../scripts/lib/run";
import { seedContent } from "../../scripts/seed";
import { sleep } from "../../bench/lib/format";
import { descendants, isRunning, killAll } from "../../bench/lib/processes";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** The system tests run the production build; `npm test` builds it in the stage before. */
export async function requireCurrentBuild(): Promise<void> {
  if (!(await isBuildCurrent())) {
    throw new Error("the production build in .next is missing or stale: run `npx next build` first (npm test builds it before this stage)");
  }
}

export interface TestDatabase {
  root: string;
  postgres: RunningPostgres;
  url: string;
}

/** A new embedded PostgreSQL in a temp folder, migrated with `prisma migrate deploy`, with content/ seeded. */
export async function startSeededDatabase(prefix: string): Promise<TestDatabase> {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: await findFreePort(), database: "receptive" });
  try {
    await migrateDeploy(postgres.url);
    const db = createPrismaClient(postgres.url, 2);
    try {
      await seedContent(db, { log: () => {} });
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return { root, postgres, url: postgres.url };
}

export interface NextServer {
  baseUrl: string;
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/** `next start` of the production build on a free port, talking to `databaseUrl`; resolves once /api/health is 200. */
export async function startNextServer(options: { databaseUrl: string; secret: string; env?: Record<string, string> }): Promise<NextServer> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: baseUrl,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    const tree = child.pid ? descendants(child.pid) : [];
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    killAll(tree.filter(isRunning));
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${output.slice(-20).join("\n")}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer /api/health within 60 s:\n${output.slice(-20).join("\n")}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return { baseUrl, child, output, stop };
}
