/**
 * `npm start`: one command from a fresh clone to a running Receptive.
 *
 * 1. Database: DATABASE_URL when set; otherwise an embedded PostgreSQL in the data folder (.data/pg).
 * 2. `prisma migrate deploy` (committed migrations only; data is never reset).
 * 3. Content seed (idempotent).
 * 4. First run only: an admin with a random password, printed once and kept in .data/initial-admin.txt (0600).
 * 5. NEXTAUTH_SECRET from the environment, or generated once and kept in .data/secrets.json (0600).
 * 6. `next build` when .next does not hold a build of the current sources.
 * 7. `next start` on PORT (default 3000), then "ready at ..." once /api/health answers.
 * Ctrl-C or SIGTERM stops Next and PostgreSQL; `--dev` runs `next dev` instead of build + start.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db-client";
import { ensureFirstAdmin } from "../lib/users/service";
import { isBuildCurrent, sourceHash, writeBuildStamp } from "./lib/build-stamp";
import {
  PROJECT_ROOT,
  ensureDataDir,
  loadOrCreateSecrets,
  runtimeFile,
  writePrivateFile,
  writeRuntimeInfo,
} from "./lib/data-dir";
import { EMBEDDED_DATABASE_NAME } from "./lib/database";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { findFreePort, isPortInUse } from "./lib/free-port";
import { migrateDeploy, run } from "./lib/run";
import { seedContent } from "./seed";

const devMode = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

let postgres: RunningPostgres | null = null;
let next: ChildProcess | null = null;
let shuttingDown = false;
let dataFolder = "";

function log(message: string): void {
  console.log(`[receptive] ${message}`);
}

/**
 * Stops Next, then PostgreSQL. embedded-postgres also stops its servers on SIGINT/SIGTERM (async-exit-hook) and
 * may exit the process before our awaits finish, so everything that must happen is started synchronously first.
 */
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    if (dataFolder) rmSync(runtimeFile(dataFolder), { force: true });
    const child = next;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timeout = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timeout);
    }
    if (postgres) {
      log("stopping PostgreSQL…");
      await postgres.stop().catch((error: unknown) => console.error(error));
    }
  }
  process.exit(code);
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Next.js exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Next.js did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  if (await isPortInUse(port)) throw new Error(`Port ${port} is already in use. Stop what runs there or start with PORT=<another port>.`);

  dataFolder = await ensureDataDir();
  const timer = performance.now();

  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    log("using the PostgreSQL server in DATABASE_URL");
  } else {
    const pgDir = path.join(dataFolder, "pg");
    log(existsSync(path.join(pgDir, "PG_VERSION")) ? `starting embedded PostgreSQL (${pgDir})…` : `initialising embedded PostgreSQL in ${pgDir}…`);
    postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: await findFreePort(), database: EMBEDDED_DATABASE_NAME });
    databaseUrl = postgres.url;
  }

  log("applying database migrations…");
  await migrateDeploy(databaseUrl);

  const db = createPrismaClient(databaseUrl, 2);
  try {
    await seedContent(db, { log });
    const admin = await ensureFirstAdmin(db, process.env.ADMIN_EMAIL ?? "admin@receptive.local");
    const credentialsFile = path.join(dataFolder, "initial-admin.txt");
    if (admin.created && admin.password) {
      await writePrivateFile(credentialsFile, `email: ${admin.email}\npassword: ${admin.password}\n`);
      console.log(
        [
          "",
          "  ┌─ First run: an administrator account was created ─────────────",
          `  │  email:    ${admin.email}`,
          `  │  password: ${admin.password}`,
          `  │  (also saved, readable only by you, in ${credentialsFile})`,
          "  │  Change it after logging in: Account settings → Change password.",
          "  └────────────────────────────────────────────────────────────────",
          "",
        ].join("\n"),
      );
    } else {
      const hint = existsSync(credentialsFile) ? ` (first-run credentials: ${credentialsFile})` : "";
      log(`administrator: ${admin.email}${hint}; reset with: npm run admin -- reset-password ${admin.email}`);
    }
  } finally {
    await db.$disconnect();
  }

  const secret = process.env.NEXTAUTH_SECRET ?? (await loadOrCreateSecrets(dataFolder)).nextauthSecret;
  const publicUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: publicUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
  const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");

  if (!devMode) {
    if (await isBuildCurrent()) {
      log("production build is current");
    } else {
      log("building the app (first start or changed sources; about a minute on 2 cores)…");
      const buildStart = performance.now();
      await run(process.execPath, [nextBin, "build"], { env: { ...env, NODE_ENV: "production" } });
      await writeBuildStamp(await sourceHash());
      log(`build finished in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`);
    }
  }

  next = spawn(process.execPath, [nextBin, devMode ? "dev" : "start", "-p", String(port), "-H", host], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  next.on("exit", (code, signal) => {
    if (!shuttingDown) {
      console.error(`[receptive] Next.js stopped unexpectedly (${signal ?? `exit code ${code}`})`);
      void shutdown(code ?? 1);
    }
  });

  const localUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(`${localUrl}/api/health`, next, devMode ? 180_000 : 60_000);
  await writeRuntimeInfo(dataFolder, { pid: process.pid, databaseUrl, appUrl: publicUrl });
  log(`started in ${((performance.now() - timer) / 1000).toFixed(1)} s`);
  console.log(`\n  Receptive is ready at ${publicUrl}\n  Press Ctrl-C to stop.\n`);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (!shuttingDown) log(`${signal} received, shutting down…`);
    void shutdown(0);
  });
}

main().catch(async (error: unknown) => {
  // Ctrl-C during start-up stops PostgreSQL under our feet; that is not an error worth reporting.
  if (!shuttingDown) console.error(`\n[receptive] could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
