/**
 * Playwright's web server: the real launcher with a throwaway data folder. DATABASE_URL is removed so the
 * launcher starts its own embedded PostgreSQL; the folder is deleted once the launcher has stopped.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = process.env.RECEPTIVE_DATA_DIR;
if (!dataDir) throw new Error("RECEPTIVE_DATA_DIR must be set by playwright.config.ts");

const env = { ...process.env };
delete env.DATABASE_URL;
delete env.NEXTAUTH_SECRET;

const launcher = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], { cwd: root, env, stdio: "inherit" });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => launcher.kill(signal));
}

launcher.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
