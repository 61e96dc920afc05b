import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./data-dir";

/** Path of a CLI installed in node_modules/.bin. */
export function bin(name: string): string {
  return path.join(PROJECT_ROOT, "node_modules", ".bin", name);
}

/** Runs a command with inherited output; resolves on exit code 0, rejects otherwise. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: PROJECT_ROOT, ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Runs a command quietly; its combined output is returned, and included in the error when it fails. */
export function runQuiet(command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit code ${code}`}):\n${output}`));
    });
  });
}

/** Applies committed migrations; never creates new ones and never resets data. */
export function migrateDeploy(databaseUrl: string): Promise<string> {
  return runQuiet(bin("prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
