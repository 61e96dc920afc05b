// The admin question list at scale: a throwaway embedded PostgreSQL with the real migrations, the real bank seeded,
// then synthetic questions up to 10,000 in all, and the median time of listQuestionsForAdmin (the query behind
// /admin/questions) for the filters an admin uses, plus a zip export and its import dry run of the whole bank.
//
// Run: npx tsx bench/admin/index.ts [--questions=10000] [--runs=20] [--quick]   (--quick: 5 runs)
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { exportBankZip, planImport } from "../../lib/admin/bank-transfer";
import { listQuestionsForAdmin } from "../../lib/admin/questions";
import { hashPassword } from "../../lib/auth/password";
import { refreshBankOrder } from "../../lib/bank/order";
import { seedQuestionBank } from "../../lib/bank/seed";
import { loadContent } from "../../lib/content/load";
import { createPrismaClient } from "../../lib/db-client";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { findFreePort } from "../../scripts/lib/free-port";
import { migrateDeploy } from "../../scripts/lib/run";
import { intArg } from "../lib/cli";
import { recordFigures } from "../lib/results";

const TOTAL_QUESTIONS = intArg("questions", 10_000);
const RUNS = intArg("runs", 20, { quick: 5 });

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main() {
  console.log(`admin bench — node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  const root = await mkdtemp(path.join(tmpdir(), "receptive-bench-admin-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: await findFreePort(), database: "receptive_bench" });
  const db = createPrismaClient(server.url);
  try {
    await migrateDeploy(server.url);
    const content = await loadContent(path.resolve("content"));
    await seedQuestionBank(db, content);
    const admin = await db.user.create({ data: { email: "bench-admin@example.test", name: "Bench admin", passwordHash: await hashPassword("bench admin password"), role: "ADMIN" } });
    const decks = await db.deck.findMany({ select: { id: true }, orderBy: { order: "asc" } });
    const synthetic = Math.max(0, TOTAL_QUESTIONS - content.questions.length);
    // Spread over the real decks; every 7th question edited in the browser, every 50th archived, tags from a small set.
    await db.$executeRaw`
      INSERT INTO "Question" ("id", "key", "deckId", "kind", "title", "prompt", "answer", "explanation", "tags", "difficulty", "status", "origin", "editedAt", "updatedAt")
      SELECT 'bench-q-' || g, 'bench-q-' || lpad(g::text, 6, '0'), (${decks.map((deck) => deck.id)}::text[])[1 + g % ${decks.length}],
             'FLASHCARD'::"QuestionKind", 'Synthetic question number ' || g || ' about receptive fields', 'Prompt ' || g, 'Answer ' || g, 'Explanation ' || g,
             ARRAY['tag-' || (g % 40), 'topic-' || (g % 7)], 1 + g % 5,
             (CASE WHEN g % 50 = 0 THEN 'ARCHIVED' ELSE 'ACTIVE' END)::"QuestionStatus", 'CONTENT'::"QuestionOrigin",
             CASE WHEN g % 7 = 0 THEN now() ELSE NULL END, now()
      FROM generate_series(1, ${synthetic}::int) AS g`;
    await refreshBankOrder(db, decks.map((deck) => deck.id));
    await db.$executeRawUnsafe('ANALYZE "Question", "Deck"');
    const total = await db.question.count();
    console.log(`${total.toLocaleString("en")} questions (${content.questions.length} from content/, ${synthetic.toLocaleString("en")} synthetic); median of ${RUNS} runs after a warm-up\n`);

    const lastPage = Math.ceil((await db.question.count({ where: { status: "ACTIVE" } })) / 50);
    const cases: Array<[string, Record<string, unknown>]> = [
      ["first page, no filter", {}],
      [`last page (${lastPage}), no filter`, { page: lastPage }],
      ["search “receptive 42”", { q: "receptive 42" }],
      ["tag filter", { tag: "tag-7" }],
      ["deck + kind + difficulty", { deck: "cnn-fundamentals", kind: "FLASHCARD", difficulty: 3 }],
      ["edited in the browser", { edited: "1" }],
      ["archived", { status: "ARCHIVED" }],
    ];
    const rows: Array<[string, string]> = [];
    const figures: Parameters<typeof recordFigures>[1] = [];
    for (const [label, query] of cases) {
      let matched = 0;
      const ms = await median(async () => {
        matched = (await listQuestionsForAdmin(db, admin.id, query)).total;
      });
      rows.push([`list: ${label} (${matched.toLocaleString("en")} match)`, `${ms.toFixed(1)} ms`]);
      figures.push({ figure: `admin question list of ${total.toLocaleString("en")}: ${label.replace(/ \(\d+\)/, "")}`, value: ms, unit: "ms", digits: 1 });
    }
    let zipBytes: Uint8Array = new Uint8Array();
    const exportMs = await median(async () => {
      zipBytes = (await exportBankZip(db, admin.id)).bytes;
    });
    rows.push([`export whole bank as zip (${(zipBytes.byteLength / 1024).toFixed(0)} KiB)`, `${exportMs.toFixed(0)} ms`]);
    const start = performance.now();
    const report = await planImport(db, admin.id, zipBytes);
    const importMs = performance.now() - start;
    rows.push([`import dry run of that zip (${report.counts.unchanged.toLocaleString("en")} unchanged, ${report.rows.length} changes)`, `${importMs.toFixed(0)} ms`]);
    figures.push(
      { figure: `export of the whole bank as zip (${(zipBytes.byteLength / 1024).toFixed(0)} KiB)`, value: exportMs, unit: "ms", digits: 0 },
      { figure: "import dry run of that zip", value: importMs, unit: "ms", digits: 0 },
    );
    recordFigures("admin", figures);

    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value.padStart(10)}`);
  } finally {
    await db.$disconnect();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
