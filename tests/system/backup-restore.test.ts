/**
 * Backup and restore with the documented commands: a populated instance's data folder is backed up with
 * `npm run backup` (scripts/backup.ts, which starts the embedded cluster itself), restored with
 * `npm run restore` (scripts/restore.ts) into a fresh data folder, and the two databases are compared table by
 * table: row counts and an md5 of all rows in a fixed order, computed here independently of the scripts' own
 * checksums. The restored instance must then work as usual (its StudyDay triggers re-enabled), a second restore
 * over data must be refused, a truncated backup must leave the target unchanged, and --replace must replace.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { createPrismaClient, type Db } from "../../lib/db-client";
import { loadStudySettings } from "../../lib/study/settings";
import { getNextStudyCard, submitReview } from "../../lib/study/service";
import { EMBEDDED_DATABASE_NAME } from "../../scripts/lib/database";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { findFreePort } from "../../scripts/lib/free-port";
import { migrateDeploy } from "../../scripts/lib/run";
import { restoreDatabase } from "../../scripts/backup";
import { seedContent } from "../../scripts/seed";
import { correctChoices, createUsers, LEARNER_PASSWORD, reviewFor, studyDeckIds } from "../../bench/lib/learners";
import { ROOT } from "./servers";

const LEARNERS = 4;
const DAYS = 3;
const REVIEWS_PER_DAY = 5;
/** Every character COPY's text format must escape, plus quotes and characters outside ASCII. */
const AWKWARD_NAME = 'Ada\t"Lovelace"\\n \\ back\\slash\nsecond line\r\n’ – 😀';

let root = "";
let source = "";
let restored = "";
const servers: RunningPostgres[] = [];

async function startCluster(dataFolder: string): Promise<RunningPostgres> {
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataFolder, "pg"), port: await findFreePort(), database: EMBEDDED_DATABASE_NAME });
  servers.push(server);
  return server;
}

async function stopCluster(server: RunningPostgres): Promise<void> {
  await server.stop();
  servers.splice(servers.indexOf(server), 1);
}

/** Runs one of the npm scripts' files against a data folder (DATABASE_URL unset, as `npm run backup` on a machine). */
function runScript(script: string, args: string[], dataFolder: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, RECEPTIVE_DATA_DIR: dataFolder };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", script), ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** Per table: row count and the md5 of every row's text in sorted order (an independent check of the scripts' own). */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables.rows) {
      const row = await client.query<{ rows: number; md5: string }>(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "public"."${name}" t`);
      result[name] = row.rows[0]!;
    }
    return result;
  } finally {
    await client.end();
  }
}

/** Learners with a few days of reviews through the real study service, so ReviewLog, Card and StudyDay have history. */
async function populate(db: Db): Promise<void> {
  const deckIds = await studyDeckIds(db);
  const correct = await correctChoices(db, deckIds);
  const users = await createUsers(db, "backup-learner", LEARNERS, deckIds, { newCardsPerDay: 100 });
  await db.user.update({ where: { id: users[0]!.id }, data: { name: AWKWARD_NAME, timeZone: "Europe/Berlin", dayStartHour: 4 } });
  const today = Date.now();
  for (const user of users) {
    const settings = await loadStudySettings(db, user.id);
    for (let day = DAYS - 1; day >= 0; day--) {
      for (let i = 0; i < REVIEWS_PER_DAY; i++) {
        const now = new Date(today - day * 86_400_000 - (REVIEWS_PER_DAY - i) * 60_000);
        const next = await getNextStudyCard(db, user.id, settings, now);
        if (next.done || !next.card) break;
        await submitReview(db, user.id, { ...reviewFor(next.card, correct, randomUUID()), durationMs: 1000 + i }, settings, now);
      }
    }
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "receptive-system-backup-"));
  // Run as root, PostgreSQL runs as the postgres user, which must be able to reach the data folders inside.
  await chmod(root, 0o755);
  source = path.join(root, "source");
  restored = path.join(root, "restored");
  const server = await startCluster(source);
  await migrateDeploy(server.url);
  const db = createPrismaClient(server.url, 2);
  try {
    await seedContent(db, { log: () => {} });
    await populate(db);
  } finally {
    await db.$disconnect();
  }
  // `npm run backup` starts the embedded cluster of the data folder itself when no launcher runs there.
  await stopCluster(server);
}, 180_000);

afterAll(async () => {
  for (const server of [...servers]) await server.stop();
  if (root) await rm(root, { recursive: true, force: true });
}, 60_000);

describe("backup and restore", () => {
  const backupFile = () => path.join(root, "receptive.sql.gz");

  it("npm run backup writes a compressed, psql-readable dump of the data folder's database", async () => {
    const result = await runScript("backup.ts", ["--out", backupFile()], source);
    expect(result.output).toContain("backup written to");
    expect(result.code).toBe(0);
    const text = gunzipSync(await readFile(backupFile())).toString("utf8");
    expect(text).toMatch(/^-- Receptive backup \(receptive-backup 1\)/);
    expect(text).toContain('COPY "public"."ReviewLog" (');
    expect(text.trimEnd().endsWith("-- end of receptive-backup")).toBe(true);
    expect(existsSync(`${backupFile()}.partial`)).toBe(false);
  }, 120_000);

  it("npm run restore into a fresh data folder yields the same users, cards, review logs and every other table", async () => {
    const result = await runScript("restore.ts", [backupFile()], restored);
    expect(result.output).toContain("row counts and checksums equal to the backup's");
    expect(result.code).toBe(0);

    const [original, copy] = await Promise.all([startCluster(source), startCluster(restored)]);
    const [before, after] = await Promise.all([fingerprint(original.url), fingerprint(copy.url)]);
    expect(before.User!.rows).toBe(LEARNERS);
    expect(before.Card!.rows).toBeGreaterThan(LEARNERS * DAYS);
    expect(before.ReviewLog!.rows).toBe(LEARNERS * DAYS * REVIEWS_PER_DAY);
    expect(before.StudyDay!.rows).toBeGreaterThanOrEqual(LEARNERS * DAYS);
    expect(after).toEqual(before);
    await stopCluster(original);

    // The restored instance works as usual: passwords verify, and a new review updates StudyDay through the
    // triggers the restore had disabled while loading.
    const db = createPrismaClient(copy.url, 2);
    try {
      const learner = await db.user.findFirstOrThrow({ where: { name: AWKWARD_NAME } });
      expect(await verifyPassword(learner.passwordHash, LEARNER_PASSWORD)).toBe(true);
      const settings = await loadStudySettings(db, learner.id);
      const reviewsBefore = await db.studyDay.aggregate({ where: { userId: learner.id }, _sum: { reviews: true } });
      const next = await getNextStudyCard(db, learner.id, settings, new Date());
      if (next.done) throw new Error("the restored learner has nothing to study");
      const correct = await correctChoices(db, await studyDeckIds(db));
      await submitReview(db, learner.id, reviewFor(next.card, correct, randomUUID()), settings);
      const reviewsAfter = await db.studyDay.aggregate({ where: { userId: learner.id }, _sum: { reviews: true } });
      expect(reviewsAfter._sum.reviews).toBe((reviewsBefore._sum.reviews ?? 0) + 1);
    } finally {
      await db.$disconnect();
    }
    await stopCluster(copy);
  }, 120_000);

  it("refuses to restore over data, and a truncated backup leaves the target unchanged even with --replace", async () => {
    const copy = await startCluster(restored);
    const before = await fingerprint(copy.url);
    await expect(restoreDatabase(copy.url, backupFile())).rejects.toThrow(/already has data/);

    const lines = gunzipSync(await readFile(backupFile())).toString("utf8").trimEnd().split("\n");
    const truncated = path.join(root, "truncated.sql");
    await writeFile(truncated, lines.slice(0, -5).join("\n") + "\n");
    await expect(restoreDatabase(copy.url, truncated, { replace: true })).rejects.toThrow(/truncated/);
    expect(await fingerprint(copy.url)).toEqual(before);

    // The same file whole, with --replace: replaced by the backup's rows (the review made above is gone again).
    const plain = path.join(root, "whole.sql");
    await writeFile(plain, lines.join("\n") + "\n");
    await restoreDatabase(copy.url, plain, { replace: true });
    const original = await startCluster(source);
    expect(await fingerprint(copy.url)).toEqual(await fingerprint(original.url));
    await stopCluster(original);
    await stopCluster(copy);
  }, 120_000);
});
