/**
 * The migration workaround (prisma/migration-adapter.ts) against a real PostgreSQL: committed migrations apply to
 * a fresh database and match the schema exactly, and each of the adapter fixes holds on its own.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MigrationSafePrismaPg } from "../../prisma/migration-adapter";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const PRISMA = path.join(ROOT, "node_modules", ".bin", "prisma");

const baseUrl = inject("databaseUrl");
const freshUrl = baseUrl.replace(/\/[^/]+$/, "/receptive_migration_check");

async function adminQuery(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: baseUrl.replace(/\/[^/]+$/, "/postgres") });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function prisma(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec(PRISMA, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: freshUrl, ...env } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

async function shadowDatabases(): Promise<string[]> {
  const result = await adminQuery("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
  return result.rows.map((row: { datname: string }) => row.datname);
}

describe("prisma migrate through the migration adapter", () => {
  beforeAll(async () => {
    await adminQuery("DROP DATABASE IF EXISTS receptive_migration_check");
    await adminQuery("CREATE DATABASE receptive_migration_check");
  });
  afterAll(async () => {
    await adminQuery("DROP DATABASE IF EXISTS receptive_migration_check");
  });

  it("applies every committed migration to a fresh database", async () => {
    const result = await prisma(["migrate", "deploy"]);
    expect(result.output).toMatch(/successfully applied|No pending migrations/);
    expect(result.code).toBe(0);
    const client = new pg.Client({ connectionString: freshUrl });
    await client.connect();
    const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    await client.end();
    const names = tables.rows.map((row: { table_name: string }) => row.table_name);
    for (const table of ["User", "Deck", "Question", "QuestionRevision", "Card", "ReviewLog", "AuditLog", "_prisma_migrations"]) {
      expect(names).toContain(table);
    }
  }, 120_000);

  it("finds no difference between the migrations and the schema, and leaves no shadow database behind", async () => {
    const before = await shadowDatabases();
    const result = await prisma([
      "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code",
    ]);
    expect(result.output).toContain("No difference detected");
    expect(result.code).toBe(0);
    expect(await shadowDatabases()).toEqual(before);
  }, 120_000);

  it("reports a difference (exit code 2) when the schema has a change no migration covers", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "receptive-schema-"));
    try {
      const schema = await readFile(path.join(ROOT, "prisma", "schema.prisma"), "utf8");
      const changed = schema.replace("model Deck {", "model Deck {\n  uncoveredColumn String?");
      expect(changed).not.toBe(schema);
      const schemaPath = path.join(dir, "schema.prisma");
      await writeFile(schemaPath, changed);
      const result = await prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", schemaPath, "--exit-code"]);
      expect(result.code).toBe(2);
      expect(result.output).toContain("uncoveredColumn");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("MigrationSafePrismaPg fixes", () => {
  const factory = new MigrationSafePrismaPg(baseUrl);

  it("decodes catalog columns of type name and \"char\" (fix 1)", async () => {
    const adapter = await factory.connect();
    try {
      const result = await adapter.queryRaw({
        sql: "SELECT relname, relkind, ARRAY[relname] AS names FROM pg_class WHERE relname = 'pg_class'",
        args: [],
        argTypes: [],
      });
      expect(result.rows).toEqual([["pg_class", "r", ["pg_class"]]]);
    } finally {
      await adapter.dispose();
    }
  });

  it("runs a script whole, with semicolons inside literals and DO blocks (fix 2)", async () => {
    const adapter = await factory.connect();
    try {
      await adapter.executeScript(`
        DROP TABLE IF EXISTS adapter_script_check;
        CREATE TABLE adapter_script_check (note text);
        INSERT INTO adapter_script_check VALUES ('a; b; c');
        DO $$ BEGIN INSERT INTO adapter_script_check VALUES ('from do; block'); END $$;`);
      const rows = await adapter.queryRaw({ sql: "SELECT note FROM adapter_script_check ORDER BY note", args: [], argTypes: [] });
      expect(rows.rows).toEqual([["a; b; c"], ["from do; block"]]);
      await adapter.executeScript("DROP TABLE adapter_script_check;");
    } finally {
      await adapter.dispose();
    }
  });

  it("gives the shadow connection its own database and drops it on dispose (fixes 3 and 4)", async () => {
    const shadow = await factory.connectToShadowDb();
    const result = await shadow.queryRaw({ sql: "SELECT current_database()::text", args: [], argTypes: [] });
    const shadowName = String(result.rows[0]?.[0]);
    expect(shadowName).toMatch(/^prisma_migrate_shadow_db_/);
    expect(await shadowDatabases()).toContain(shadowName);
    await shadow.dispose();
    expect(await shadowDatabases()).not.toContain(shadowName);
  });

  it("hides PostgreSQL 18 NOT NULL constraint rows from constraint introspection (fix 5)", async () => {
    const adapter = await factory.connect();
    try {
      const sql = `SELECT conname AS constraint_name, contype AS constraint_type FROM pg_constraint
                   WHERE conrelid = '"User"'::regclass ORDER BY conname`;
      const patched = await adapter.queryRaw({ sql, args: [], argTypes: [] });
      const types = patched.rows.map((row) => row[1]);
      expect(types).not.toContain("n");
      expect(types).toContain("p"); // the primary key is still reported
    } finally {
      await adapter.dispose();
    }
  });
});
