/**
 * Decides whether `.next` holds a production build of the current sources, so `npm start` builds only when
 * something changed. The stamp is a hash of every input that affects the build.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "./data-dir";

const INPUT_DIRS = ["app", "lib", "types", "public"];
const INPUT_FILES = ["next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const STAMP_FILE = path.join(PROJECT_ROOT, ".next", "receptive-build-stamp");

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".test.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export async function sourceHash(): Promise<string> {
  const files = [
    ...(await Promise.all(INPUT_DIRS.map((dir) => listFiles(path.join(PROJECT_ROOT, dir))))).flat(),
    ...INPUT_FILES.map((file) => path.join(PROJECT_ROOT, file)).filter((file) => existsSync(file)),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(PROJECT_ROOT, file));
    hash.update("\0");
    hash.update(await readFile(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

export async function isBuildCurrent(): Promise<boolean> {
  if (!existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID")) || !existsSync(STAMP_FILE)) return false;
  return (await readFile(STAMP_FILE, "utf8")).trim() === (await sourceHash());
}

export async function writeBuildStamp(hash: string): Promise<void> {
  await writeFile(STAMP_FILE, hash + "\n");
}
