/**
 * The breadth check of authorization: every server action and route handler (the table in ./endpoints.ts) called
 * directly, as a forged request would reach it, by every relevant actor. An allowed call succeeds and changes exactly
 * the tables its row names; a refused call fails (ok: false, or 401/403/404), changes no row of any table, and names
 * no other user or group. admin-actions.test.ts and group-actions.test.ts go deeper on their areas; this file makes
 * sure no endpoint is missing, by discovering the exports under app/ at run time and comparing them with the table.
 *
 * Only the session lookup and Next's request-scoped cache are replaced; services, validation and the database are
 * the real ones.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Db } from "@/lib/db-client";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";

const session = vi.hoisted(() => ({ db: null as unknown as Db, user: null as null | { id: string; email: string; name: string; role: "LEARNER" | "ADMIN" } }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db", () => ({ getDb: () => session.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

import { changedTables, createFixture, destroyFixture, fingerprint, freshGroup, invoke, secretsFor, type Actor, type Fixture } from "./endpoint-fixture";
import { actorsFor, ENDPOINTS, isAllowed, keyOf, load, ROOT, type Endpoint } from "./endpoints";
import { testDb } from "./helpers";

const db = testDb();
session.db = db;
let fx: Fixture;

beforeAll(async () => {
  // Registration and the settings actions read the app's configuration, which needs the database URL.
  process.env.DATABASE_URL ??= inject("databaseUrl");
  fx = await createFixture(db, { optimizerReviews: true });
});

const cases = { allowed: 0, refused: 0 };

afterAll(async () => {
  session.user = null;
  if (fx) await destroyFixture(fx);
  await db.$disconnect();
  console.info(`permission matrix: ${ENDPOINTS.length} table rows, ${cases.allowed + cases.refused} calls (${cases.allowed} allowed, ${cases.refused} refused)`);
});

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const SESSION_ENDED = "Your session has ended. Log in again.";

/** The files that define endpoints: action files by name, any file that starts with "use server", and route handlers. */
function endpointFiles(): string[] {
  const files = readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" }).map((file) => `app/${file.split(path.sep).join("/")}`);
  return files
    .filter((file) => {
      if (/(^|\/)([\w-]+-)?actions\.ts$|(^|\/)route\.ts$/.test(file)) return true;
      return /\.tsx?$/.test(file) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8"));
    })
    .sort();
}

/** Every endpoint the app exports now: an action module's functions, a route module's HTTP-method handlers. */
async function discoverEndpoints(): Promise<string[]> {
  const keys: string[] = [];
  for (const file of endpointFiles()) {
    const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== "function") continue;
      if (file.endsWith("/route.ts") && !HTTP_METHODS.has(name)) continue;
      keys.push(keyOf({ module: file, name }));
    }
  }
  return keys.sort();
}

describe("the endpoint table", () => {
  it("has exactly one row for every action and route handler under app/", async () => {
    const discovered = await discoverEndpoints();
    const rows = ENDPOINTS.map(keyOf);
    expect(discovered.length).toBeGreaterThan(40);
    expect({
      missing: discovered.filter((key) => !rows.includes(key)),
      stale: rows.filter((key) => !discovered.includes(key)),
      duplicated: rows.filter((key, index) => rows.indexOf(key) !== index),
    }).toEqual({ missing: [], stale: [], duplicated: [] });
  });

  it("says for every row it does not call which tests cover it instead, and those files exist", () => {
    for (const entry of ENDPOINTS.filter((row) => row.skip)) {
      const files = entry.skip!.match(/[\w./-]+\.(?:test|spec)\.ts/g) ?? [];
      expect({ key: keyOf(entry), files: files.length > 0 }).toEqual({ key: keyOf(entry), files: true });
      for (const file of files) {
        const candidates = [file, `tests/integration/${file}`].map((candidate) => path.join(ROOT, candidate));
        expect({ file, exists: candidates.some((candidate) => existsSync(candidate)) }).toEqual({ file, exists: true });
      }
    }
  });
});

/** One actor's call of one endpoint, judged against the row's policy. */
async function check(entry: Endpoint, fn: (...args: unknown[]) => unknown, actor: Actor): Promise<void> {
  const label = `${keyOf(entry)} as ${actor}`;
  cases[isAllowed(entry.policy, actor) ? "allowed" : "refused"] += 1;
  const allowed = isAllowed(entry.policy, actor);
  const c = { fx, actor, group: entry.scope === "group" ? await freshGroup(fx) : null };
  session.user = actor === "anonymous" ? null : fx.users[actor];
  const args = await entry.args(c);

  const before = await fingerprint(db);
  const outcome = await invoke(fn, args);
  if (allowed && outcome.ok) await entry.settle?.(c);
  const changed = changedTables(before, await fingerprint(db));
  session.user = null;

  if (allowed) {
    expect({ label, ok: outcome.ok, response: outcome.ok ? "" : outcome.text }).toEqual({ label, ok: true, response: "" });
    const must = typeof entry.changes === "function" ? entry.changes(actor) : entry.changes;
    const may: string[] = [...must, ...(entry.mayChange ?? [])];
    expect({ label, unexpected: changed.filter((table) => !may.includes(table)), missing: must.filter((table) => !changed.includes(table)) }).toEqual({
      label,
      unexpected: [],
      missing: [],
    });
    return;
  }
  expect({ label, ok: outcome.ok, changed }).toEqual({ label, ok: false, changed: [] });
  if (outcome.status !== null) {
    const refusals = actor === "anonymous" ? [401] : [403, 404];
    expect({ label, status: outcome.status, refusal: refusals.includes(outcome.status) }).toEqual({ label, status: outcome.status, refusal: true });
  } else if (actor === "anonymous") {
    const message = (JSON.parse(outcome.text) as { message?: string }).message ?? SESSION_ENDED;
    expect({ label, message }).toEqual({ label, message: SESSION_ENDED });
  }
  expect({ label, generic: outcome.text.includes(GENERIC_ERROR_MESSAGE) }).toEqual({ label, generic: false });
  const leaked = secretsFor(fx, actor).filter((secret) => outcome.text.includes(secret));
  expect({ label, leaked }).toEqual({ label, leaked: [] });
}

describe("every endpoint, called by every actor", () => {
  for (const entry of ENDPOINTS.filter((row) => !row.skip)) {
    const allowed = actorsFor(entry).filter((actor) => isAllowed(entry.policy, actor));
    it(`${keyOf(entry)}: ${entry.policy} (allowed: ${allowed.join(", ") || "nobody"})`, async () => {
      const fn = await load(entry);
      // Refusals first, so they run against the state the fixture set up; then the allowed calls.
      const actors = [...actorsFor(entry)].sort((a, b) => Number(isAllowed(entry.policy, a)) - Number(isAllowed(entry.policy, b)));
      for (const actor of actors) await check(entry, fn, actor);
    });
  }
});
