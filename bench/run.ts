/**
 * `npm run bench [-- --quick] [--only=study,load] [--skip=groups] [--out=FILE]`: every bench/<name>/index.ts in
 * turn (calc, numeric, study, admin, groups, stats, load, then any new ones alphabetically), each with its output
 * shown as it runs, then one table of the figures they recorded (bench/lib/results.ts), with the machine above
 * it. --quick passes --quick on, so the long benches run shorter; --out also writes the table (Markdown) to FILE.
 * Exits non-zero when a bench failed; the table still lists what the others measured.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { QUICK } from "./lib/cli";
import { formatValue, machineDescription, readFigures, RESULTS_ENV, type Figure } from "./lib/results";

const BENCH_DIR = import.meta.dirname;
const ROOT = path.resolve(BENCH_DIR, "..");
const PREFERRED_ORDER = ["calc", "numeric", "study", "admin", "groups", "stats", "load"];

function listArg(name: string): string[] | null {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  return raw ? raw.split(",").map((item) => item.trim()).filter(Boolean) : null;
}

function discover(): string[] {
  const found = readdirSync(BENCH_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(BENCH_DIR, entry.name, "index.ts")))
    .map((entry) => entry.name);
  const rank = (name: string) => (PREFERRED_ORDER.includes(name) ? PREFERRED_ORDER.indexOf(name) : PREFERRED_ORDER.length);
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function runBench(name: string, resultsFile: string): Promise<{ code: number | null; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(BENCH_DIR, name, "index.ts"), ...(QUICK ? ["--quick"] : [])], {
      cwd: ROOT,
      env: { ...process.env, [RESULTS_ENV]: resultsFile, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    // Ctrl-C reaches the bench too (same process group); it cleans up and exits, and so do we.
    child.on("exit", (code, signal) => resolve({ code: signal ? 128 : code, seconds: (performance.now() - started) / 1000 }));
    child.on("error", () => resolve({ code: 127, seconds: (performance.now() - started) / 1000 }));
  });
}

/** One Markdown table, columns padded so it also reads well in a terminal. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => (column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (column === 2 ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

async function main(): Promise<number> {
  const only = listArg("only");
  const skip = listArg("skip") ?? [];
  const out = process.argv.find((arg) => arg.startsWith("--out="))?.slice(6);
  const benches = discover().filter((name) => (!only || only.includes(name)) && !skip.includes(name));
  const unknown = [...(only ?? []), ...skip].filter((name) => !discover().includes(name));
  if (unknown.length > 0) throw new Error(`no bench named ${unknown.join(", ")} (there are: ${discover().join(", ")})`);

  const machine = machineDescription();
  const startedAt = new Date();
  const load = loadavg()[0]!;
  const scratch = mkdtempSync(path.join(tmpdir(), "receptive-bench-results-"));
  const resultsFile = path.join(scratch, "figures.jsonl");
  const runs: Array<{ name: string; code: number | null; seconds: number }> = [];
  try {
    for (const name of benches) {
      console.log(`\n━━━ bench/${name}${QUICK ? " (--quick)" : ""} ━━━`);
      runs.push({ name, ...(await runBench(name, resultsFile)) });
    }
    const figures = readFigures(resultsFile);

    const rows: string[][] = [["bench", "figure", "value", "unit"]];
    for (const { name, code, seconds } of runs) {
      for (const figure of figures.filter((entry: Figure) => entry.bench === name)) rows.push([name, figure.figure, formatValue(figure), figure.unit]);
      if (code !== 0) rows.push([name, `FAILED (exit code ${code})`, "", ""]);
      rows.push([name, "bench run time", seconds.toFixed(0), "s"]);
    }
    const total = runs.reduce((sum, run) => sum + run.seconds, 0);
    const report = [
      `Machine: ${machine}`,
      `Run: ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, ${QUICK ? "npm run bench -- --quick" : "npm run bench"}, ${(total / 60).toFixed(1)} min, load average ${load.toFixed(2)} at the start`,
      "",
      table(rows),
    ].join("\n");
    console.log(`\n━━━ results ━━━\n${report}`);
    if (out) {
      writeFileSync(out, report + "\n");
      console.log(`\n(also written to ${out})`);
    }
    const failed = runs.filter((run) => run.code !== 0).map((run) => run.name);
    if (failed.length > 0) console.error(`\nfailed: ${failed.join(", ")}`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
