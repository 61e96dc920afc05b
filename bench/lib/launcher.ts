/**
 * The real launcher (scripts/start.ts: embedded PostgreSQL, migrations, seed, production build when stale,
 * `next start`) run as a child process on a throwaway data folder, for the benchmarks and the system tests.
 *
 * The launcher is spawned as the leader of its own process group, so a test can SIGKILL the whole application
 * (launcher, Next.js and PostgreSQL with its backends) the way a power cut or an OOM kill of the container would,
 * or SIGKILL the Next.js server alone. `stop()` ends it gracefully and kills whatever survives; `restart()` starts
 * a new launcher on the same data folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "../../scripts/lib/free-port";
import { commandLine, descendants, isRunning, killAll } from "./processes";
import { errorText, seconds, sleep } from "./format";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const HOST = "127.0.0.1";
/** Includes a production build on 2 cores when .next is stale. */
const START_TIMEOUT_MS = 360_000;
/** The launcher gives Next 10 s and PostgreSQL 15 s. */
const STOP_TIMEOUT_MS = 45_000;

export interface LauncherOptions {
  /** Reuse this data folder (a restart); default: a new folder under the system temp directory. */
  dataDir?: string;
  /** Default: a free port. */
  port?: number;
  adminEmail?: string;
  /** Extra environment (DATABASE_URL and NEXTAUTH_SECRET are always removed: the launcher owns both). */
  env?: NodeJS.ProcessEnv;
  /** Echo the launcher's output, each line prefixed with `label`. */
  verbose?: boolean;
  label?: string;
  /** Called once when the launcher starts a production build (the build is stale). */
  onBuild?: () => void;
  startTimeoutMs?: number;
}

export interface StopReport {
  /** Processes the launcher had started (Next, PostgreSQL and its backends). */
  processes: number;
  /** Of those, still running after the launcher stopped, and so killed here. */
  survivors: number;
}

export class LauncherError extends Error {
  constructor(message: string, output: readonly string[]) {
    const hint = output.some((line) => line.includes("Another next build process is already running"))
      ? "\n  another `next build` is running in this repository (.next is shared); rerun once it has finished"
      : "";
    super(`${message}${hint}\n  last launcher output:\n${output.slice(-40).map((line) => `  | ${line}`).join("\n")}`);
  }
}

export class Launcher {
  /** Whether this start ran a production build, and how long it took as the launcher reported it. */
  built = false;
  buildSeconds: string | null = null;
  /** From spawn until /api/health answered. */
  startupMs = 0;
  databaseUrl = "";
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly baseUrl: string;
  private pending = "";
  private readonly spawnedAt = performance.now();

  private constructor(
    readonly child: ChildProcess,
    readonly dataDir: string,
    readonly port: number,
    private readonly options: LauncherOptions,
  ) {
    this.baseUrl = `http://${HOST}:${port}`;
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    const onData = (chunk: Buffer) => this.collect(chunk);
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
  }

  /** Starts the launcher and resolves once it is ready (runtime.json written by this launcher, /api/health 200). */
  static async start(options: LauncherOptions = {}): Promise<Launcher> {
    const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "receptive-bench-"));
    const port = options.port ?? (await findFreePort());
    const baseUrl = `http://${HOST}:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      RECEPTIVE_DATA_DIR: dataDir,
      PORT: String(port),
      HOST,
      NEXTAUTH_URL: baseUrl,
      ADMIN_EMAIL: options.adminEmail ?? "admin@bench.test",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    };
    // The launcher must start its own embedded PostgreSQL and secret, never use a configured database.
    delete env.DATABASE_URL;
    delete env.NEXTAUTH_SECRET;

    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "start.ts")], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: `kill("all")` reaches Next and PostgreSQL, and a Ctrl-C meant for us does not.
      detached: true,
    });
    const launcher = new Launcher(child, dataDir, port, options);
    try {
      await launcher.waitUntilReady(options.startTimeoutMs ?? START_TIMEOUT_MS);
    } catch (error) {
      await launcher.stop().catch(() => undefined);
      if (!options.dataDir) await removeDataDir(dataDir);
      throw error;
    }
    launcher.startupMs = performance.now() - started;
    return launcher;
  }

  /** A new launcher on the same data folder and port (the previous one must have exited). */
  restart(): Promise<Launcher> {
    return Launcher.start({ ...this.options, dataDir: this.dataDir, port: this.port });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The launcher's processes: Next.js, PostgreSQL and PostgreSQL's backends (not the launcher itself). */
  tree(): number[] {
    return this.child.pid ? descendants(this.child.pid) : [];
  }

  /** The pid of the `next start` process the launcher spawned, or null. */
  nextServerPid(): number | null {
    const pid = this.child.pid;
    if (!pid) return null;
    // Next renames its process ("next-server (v16…)"), which rewrites /proc/<pid>/cmdline.
    const isNext = (args: string[]) => args.some((arg) => arg.startsWith("next-server") || arg.endsWith(path.join("next", "dist", "bin", "next")));
    return descendants(pid).find((candidate) => isNext(commandLine(candidate))) ?? null;
  }

  /**
   * SIGKILL. "next": the Next.js server only (the launcher notices, stops PostgreSQL and exits). "all": the whole
   * process group at once (launcher, Next.js, PostgreSQL and its backends), leaving a stale postmaster.pid and a
   * database that needs crash recovery. Resolves once every process of the tree is gone.
   */
  async kill(target: "next" | "all", timeoutMs = 30_000): Promise<void> {
    const tree = this.tree();
    if (target === "next") {
      const pid = this.nextServerPid();
      if (pid === null) throw new LauncherError("no Next.js process found under the launcher", this.output);
      process.kill(pid, "SIGKILL");
    } else {
      process.kill(-this.child.pid!, "SIGKILL");
    }
    const deadline = Date.now() + timeoutMs;
    while ((this.running || tree.some(isRunning)) && Date.now() < deadline) await sleep(100);
    if (this.running || tree.some(isRunning)) {
      throw new LauncherError(`processes still running ${seconds(timeoutMs)} after kill("${target}"): ${[this.child.pid!, ...tree].filter(isRunning).join(", ")}`, this.output);
    }
  }

  /** SIGTERM, wait for the launcher (it stops Next and PostgreSQL), then SIGKILL whatever survives. Idempotent. */
  async stop(): Promise<StopReport> {
    const tree = this.tree();
    if (this.running) {
      this.child.kill("SIGTERM");
      const stopped = await Promise.race([this.exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
      if (!stopped) {
        console.error(`  the launcher did not stop within ${seconds(STOP_TIMEOUT_MS)}; killing it and its ${tree.length} child processes`);
        killAll([this.child.pid!, ...tree]);
        await Promise.race([this.exited, sleep(5_000)]);
      }
    }
    // PostgreSQL is stopped by the launcher; give its last processes a moment to go.
    const deadline = Date.now() + 10_000;
    while (tree.some(isRunning) && Date.now() < deadline) await sleep(200);
    const survivors = tree.filter(isRunning);
    if (survivors.length > 0) console.error(`  processes ${survivors.join(", ")} started by the launcher are still running; killing them`);
    killAll(survivors);
    return { processes: tree.length, survivors: survivors.length };
  }

  private collect(chunk: Buffer): void {
    this.pending += chunk.toString("utf8");
    const lines = this.pending.split("\n");
    this.pending = lines.pop() ?? "";
    for (const line of lines) {
      this.output.push(line);
      if (this.output.length > 300) this.output.shift();
      if (line.includes("building the app") && !this.built) {
        this.built = true;
        this.options.onBuild?.();
      }
      const build = /build finished in ([\d.]+ s)/.exec(line);
      if (build) this.buildSeconds = build[1]!;
      if (this.options.verbose) console.log(`  ${this.options.label ?? "|"} ${((performance.now() - this.spawnedAt) / 1000).toFixed(1).padStart(5)} s  ${line}`);
    }
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    // runtime.json may be left over from a killed launcher: only the one naming this launcher's pid counts.
    const runtime = path.join(this.dataDir, "runtime.json");
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new LauncherError(`the launcher exited (${this.child.signalCode ?? `code ${this.child.exitCode}`}) before it was ready`, this.output);
      if (Date.now() > deadline) throw new LauncherError(`the launcher was not ready within ${seconds(timeoutMs)}`, this.output);
      const info = readRuntime(runtime);
      if (info && info.pid === this.child.pid && typeof info.databaseUrl === "string") {
        this.databaseUrl = info.databaseUrl;
        break;
      }
      await sleep(200);
    }
    assertLocalDatabase(this.databaseUrl);
    const health = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => {
      throw new LauncherError(`/api/health failed: ${errorText(error)}`, this.output);
    });
    if (!health.ok) throw new LauncherError(`/api/health answered HTTP ${health.status}`, this.output);
  }
}

function readRuntime(file: string): { pid?: unknown; databaseUrl?: unknown } | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as { pid?: unknown; databaseUrl?: unknown };
  } catch {
    return null; // being written
  }
}

/** Benchmarks write test users and synthetic rows: never into anything but a database on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`refusing to write benchmark data to a database on ${host}; expected the launcher's embedded PostgreSQL on 127.0.0.1`);
}

/** Deletes a data folder, retrying briefly while PostgreSQL's last processes let go of it. */
export async function removeDataDir(dir: string): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return true;
    } catch (error) {
      if (attempt === 4) console.error(`  could not remove ${dir}: ${errorText(error)}`);
      await sleep(500);
    }
  }
  return !existsSync(dir);
}
