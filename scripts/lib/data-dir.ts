/**
 * The launcher's git-ignored data folder (.data/ by default, RECEPTIVE_DATA_DIR to move it): the embedded
 * PostgreSQL cluster, generated secrets, the first admin's credentials and the running instance's address.
 */
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");

export function dataDir(): string {
  return path.resolve(process.env.RECEPTIVE_DATA_DIR ?? path.join(PROJECT_ROOT, ".data"));
}

export async function ensureDataDir(): Promise<string> {
  const dir = dataDir();
  await mkdir(dir, { recursive: true });
  // Traversable (the postgres user must reach pg/ inside it); the secret files themselves are 0600.
  await chmod(dir, 0o755);
  return dir;
}

/** Writes a file readable and writable by its owner only. */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  await writeFile(file, content, { mode: 0o600 });
  await chmod(file, 0o600);
}

interface Secrets {
  nextauthSecret: string;
}

/** NEXTAUTH_SECRET: created on first run, then reused so sessions survive restarts. */
export async function loadOrCreateSecrets(dir: string): Promise<Secrets> {
  const file = path.join(dir, "secrets.json");
  if (existsSync(file)) {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<Secrets>;
    if (typeof parsed.nextauthSecret === "string" && parsed.nextauthSecret.length >= 32) {
      return { nextauthSecret: parsed.nextauthSecret };
    }
  }
  const secrets: Secrets = { nextauthSecret: randomBytes(32).toString("base64url") };
  await writePrivateFile(file, JSON.stringify(secrets, null, 2) + "\n");
  return secrets;
}

export interface RuntimeInfo {
  pid: number;
  databaseUrl: string;
  appUrl: string;
}

/** While the launcher runs, other commands (npm run admin, npm run seed) find its database here. */
export function runtimeFile(dir: string): string {
  return path.join(dir, "runtime.json");
}

export async function writeRuntimeInfo(dir: string, info: RuntimeInfo): Promise<void> {
  await writePrivateFile(runtimeFile(dir), JSON.stringify(info, null, 2) + "\n");
}

export async function readRuntimeInfo(dir: string): Promise<RuntimeInfo | null> {
  const file = runtimeFile(dir);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(await readFile(file, "utf8")) as RuntimeInfo;
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}

export async function clearRuntimeInfo(dir: string): Promise<void> {
  await rm(runtimeFile(dir), { force: true });
}
