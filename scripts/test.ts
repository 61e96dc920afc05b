/**
 * `npm test`: every check, in the order of the Foundation issue, on a throwaway database:
 *   1. type-check (tsc --noEmit)   2. lint (eslint)   3. content check (when the content loader exists)
 *   4. Vitest unit tests            5. Vitest integration tests (embedded PostgreSQL, see tests/integration)
 *   6. production build (skipped when current)        7. Playwright e2e against that build
 *   8. Vitest system tests (tests/system: kill -9 and restart under load, two instances on one database, backup and
 *      restore; real processes on that build)
 * Every stage runs even when an earlier one fails, so one run reports everything; the exit code is non-zero
 * if any stage failed. The last line is the plain "N passed, N failed" summary of all test cases.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isBuildCurrent, sourceHash, writeBuildStamp } from "./lib/build-stamp";
import { PROJECT_ROOT } from "./lib/data-dir";
import { bin, run } from "./lib/run";

interface StageResult {
  name: string;
  ok: boolean;
  seconds: number;
  passed?: number;
  failed?: number;
  skipped?: number;
}

const results: StageResult[] = [];
const REPORTS = path.join(PROJECT_ROOT, "test-results");
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : "1" };
// Tests bring their own databases; never touch the developer's.
delete env.DATABASE_URL;

async function stage(name: string, action: () => Promise<void>, counts?: () => Promise<Partial<StageResult>>): Promise<void> {
  console.log(`\n━━━ ${name} ━━━`);
  const started = performance.now();
  let ok = true;
  try {
    await action();
  } catch (error) {
    ok = false;
    console.error(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const extra = counts ? await counts().catch(() => ({})) : {};
  results.push({ name, ok, seconds, ...extra });
}

async function vitestCounts(file: string): Promise<Partial<StageResult>> {
  const report = JSON.parse(await readFile(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

async function playwrightCounts(file: string): Promise<Partial<StageResult>> {
  const report = JSON.parse(await readFile(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped };
}

function vitest(project: string, report: string): Promise<void> {
  return run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { env });
}

async function main(): Promise<number> {
  await mkdir(REPORTS, { recursive: true });
  const unitReport = path.join(REPORTS, "unit.json");
  const integrationReport = path.join(REPORTS, "integration.json");
  const e2eReport = path.join(REPORTS, "e2e-report.json");
  const systemReport = path.join(REPORTS, "system.json");

  await stage("type-check", () => run(bin("tsc"), ["--noEmit"], { env }));
  await stage("lint", () => run(bin("eslint"), ["--max-warnings=0", "."], { env }));
  if (existsSync(path.join(PROJECT_ROOT, "scripts", "content-check.ts"))) {
    await stage("content check", () => run(process.execPath, ["--import", "tsx", "scripts/content-check.ts", "--require=zh"], { env }));
  }
  await stage("unit tests", () => vitest("unit", unitReport), () => vitestCounts(unitReport));
  await stage("integration tests", () => vitest("integration", integrationReport), () => vitestCounts(integrationReport));
  let built = true;
  await stage("production build", async () => {
    if (await isBuildCurrent()) {
      console.log("build is current");
      return;
    }
    try {
      await run(process.execPath, [path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], { env: { ...env, NODE_ENV: "production" } });
      await writeBuildStamp(await sourceHash());
    } catch (error) {
      built = false;
      throw error;
    }
  });
  if (built) {
    await stage("e2e tests", () => run(bin("playwright"), ["test"], { env }), () => playwrightCounts(e2eReport));
    await stage("system tests", () => vitest("system", systemReport), () => vitestCounts(systemReport));
  } else {
    results.push({ name: "e2e tests (not run: build failed)", ok: false, seconds: 0 });
    results.push({ name: "system tests (not run: build failed)", ok: false, seconds: 0 });
  }

  console.log("\n━━━ summary ━━━");
  for (const result of results) {
    const counts = result.passed === undefined ? "" : `  ${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ""}`;
    console.log(`${result.ok ? "✓" : "✗"} ${result.name.padEnd(20)} ${result.seconds.toFixed(1).padStart(6)} s${counts}`);
  }
  const passed = results.reduce((sum, result) => sum + (result.passed ?? 0), 0);
  const failed = results.reduce((sum, result) => sum + (result.failed ?? 0), 0);
  const skipped = results.reduce((sum, result) => sum + (result.skipped ?? 0), 0);
  const allOk = results.every((result) => result.ok);
  // A failing stage without counted cases (type errors, lint, build) still fails the run.
  const failedCount = failed + (allOk ? 0 : results.filter((result) => !result.ok && result.failed === undefined).length);
  console.log(`\n${passed} passed, ${failedCount} failed${skipped ? `, ${skipped} skipped` : ""}`);
  return allOk ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
