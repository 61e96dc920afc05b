/**
 * Malformed input at every endpoint of the table (./endpoints.ts): fast-check builds arguments for the server
 * actions (wrong types, huge and broken strings, deep nesting, prototype-pollution keys, NaN and Infinity, odd uploads,
 * and valid calls with one field broken) and requests for the route handlers (query strings, headers, bodies that are
 * not JSON, too large or of the wrong content type). Each is sent by an anonymous visitor and by a logged-in learner
 * (for group actions the learner who owns the group, so the input gets past the membership check; for admin-only
 * endpoints also by an admin, so it reaches validation). Whatever comes in:
 * - nothing is thrown: an action returns its state object, a route handler a Response, with a status below 500;
 * - no internal error is reached (the generic "something went wrong" answer, or anything logged with console.error);
 * - no answer contains stack-trace-like text, and Object.prototype is never polluted;
 * - a refused call changes no row of any table (an input the endpoint accepts as valid may change what it says).
 *
 * Runs are reproducible: FUZZ_SEED (default below) seeds every property; a failure names the seed and the entry.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Db } from "@/lib/db-client";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";

const session = vi.hoisted(() => ({ db: null as unknown as Db, user: null as null | { id: string; email: string; name: string; role: "LEARNER" | "ADMIN" } }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db", () => ({ getDb: () => session.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

import { MAX_UPLOAD_BYTES } from "@/lib/admin/bank-transfer";
import { MAX_PACKAGE_BYTES } from "@/lib/learner-data/apkg-archive";
import { changedTables, createFixture, destroyFixture, fingerprint, freshGroup, invoke, type Actor, type Fixture, type Outcome } from "./endpoint-fixture";
import { ENDPOINTS, keyOf, load, type Endpoint } from "./endpoints";
import { testDb } from "./helpers";

const db = testDb();
session.db = db;
let fx: Fixture;

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_611);
/**
 * Runs per entry and actor. An anonymous call stops at the session check, so it needs few; a logged-in one reaches
 * validation and the services. Route handlers are cheap, so they get more.
 */
const RUNS = { anonymous: { action: 4, handler: 8 }, loggedIn: { action: 16, handler: 24 } };
/** Text that looks like a stack trace or an internal detail (linear: no nested quantifiers, it scans 1 MB strings). */
const STACK = /\bat \S+ \(|node_modules|Error: |prisma/i;

const runs = { total: 0, accepted: 0 };

beforeAll(async () => {
  process.env.DATABASE_URL ??= inject("databaseUrl");
  // No 400 reviews for the learner: a malformed call can then never start a background optimiser run.
  fx = await createFixture(db, { optimizerReviews: false });
});

afterAll(async () => {
  session.user = null;
  if (fx) await destroyFixture(fx);
  await db.$disconnect();
  console.info(`fuzz: ${runs.total} runs (${runs.accepted} accepted as valid input), seed ${SEED}`);
});

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

/** Strings: printable, any code point, the usual troublemakers (NUL, lone surrogates, RTL, BOM), and up to 1M chars. */
const text = fc
  .oneof(
    { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 2 },
    {
      arbitrary: fc.string({ unit: fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\u202E", "\uFEFF", "%00", "../", "'", '"', "<script>", "${", "{{", "\\", "\r\n", "é", "😀"), maxLength: 8 }),
      weight: 2,
    },
    { arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => "x".repeat(n * 50_000)), weight: 1 },
  )
  .filter((value) => !STACK.test(value));

const protoKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then", "$$typeof");
const key = fc.oneof(protoKey, fc.string({ maxLength: 12 }).filter((value) => !STACK.test(value)));

const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 53 + 2, 2 ** 31, -1, 1e308, null, undefined, true, false, "", 0),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
);

/** `{ a: { a: … } }` or `[[…]]`, hundreds to thousands of levels deep. */
const deep = fc.tuple(fc.integer({ min: 100, max: 5_000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level++) value = arrays ? [value] : { a: value };
  return value;
});

/** JSON text of anything (BigInts as strings; what JSON cannot hold becomes null). */
function toJson(input: unknown): string {
  try {
    return JSON.stringify(input, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner)) ?? "null";
  } catch {
    return "null";
  }
}

/** Objects whose own keys include "__proto__" and friends, as JSON.parse makes them. */
const polluting = fc.tuple(protoKey, scalar).map(([name, inner]) => JSON.parse(`{${JSON.stringify(name)}: {"isAdmin": true, "role": "ADMIN"}, "value": ${toJson(inner)}}`) as unknown);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, tie("array"), tie("object"), deep, polluting, fc.constant(new Map([["a", 1]])), fc.constant(new Set([1]))),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
}));

/** A valid argument list with one thing broken: one argument replaced, or one field of an object argument set. */
function broken(valid: unknown[]): fc.Arbitrary<unknown[]> {
  const objects = valid.map((arg, index) => [arg, index] as const).filter(([arg]) => typeof arg === "object" && arg !== null && !(arg instanceof FormData));
  const replaced = fc.tuple(fc.nat(), value).map(([index, next]) => valid.map((arg, at) => (at === index % Math.max(valid.length, 1) ? next : arg)));
  if (objects.length === 0) return replaced;
  const names = objects.flatMap(([arg]) => Object.keys(arg as object));
  const name = names.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 3 }, { arbitrary: key, weight: 1 }) : key;
  // Most fields are strings: a broken string (NUL, lone surrogates, 1 MB) gets past a type check and goes deeper.
  const next = fc.oneof({ arbitrary: text, weight: 2 }, { arbitrary: value, weight: 1 });
  const field = fc.tuple(fc.constantFrom(...objects), name, next).map(([[arg, index], name, next]) => {
    const copy = { ...(arg as Record<string, unknown>) };
    Object.defineProperty(copy, name, { value: next, enumerable: true, configurable: true, writable: true });
    return valid.map((original, at) => (at === index ? copy : original));
  });
  return fc.oneof({ arbitrary: replaced, weight: 1 }, { arbitrary: field, weight: 3 });
}

/** Oversized uploads are built once (they are tens of megabytes) and only when a run asks for one. */
const oversized = new Map<number, Blob>();
const oversizedBlob = (bytes: number) => oversized.get(bytes) ?? oversized.set(bytes, new Blob([new Uint8Array(bytes + 1)])).get(bytes)!;

/** Multipart forms for the upload actions: odd files, broken copies of a valid one, wrong field types, extra fields. */
function forms(valid: Uint8Array, limit: number): fc.Arbitrary<FormData> {
  const name = fc.oneof(fc.constantFrom("deck.apkg", "bank.zip", "../../etc/passwd", "", "a".repeat(10_000), "名前.apkg", "x\u0000.zip"), text);
  const file = fc.oneof(
    fc.tuple(fc.uint8Array({ maxLength: 2_048 }), name).map(([bytes, fileName]) => new File([bytes], fileName) as Blob | string),
    fc.tuple(fc.nat(), name).map(([cut, fileName]) => new File([valid.slice(0, cut % Math.max(valid.length, 1))], fileName)),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, flip]) => {
      const copy = new Uint8Array(valid);
      copy[at % copy.length] = (copy[at % copy.length] ?? 0) ^ flip;
      return new File([copy], "flipped.bin");
    }),
    fc.constant(new Blob([])),
    fc.constant(null).map(() => oversizedBlob(limit)),
    text,
  );
  return fc
    .record({ files: fc.array(file, { maxLength: 2 }), force: fc.option(text), extra: fc.array(fc.tuple(key, text), { maxLength: 3 }) })
    .map(({ files, force, extra }) => {
      const data = new FormData();
      for (const part of files) data.append("file", part);
      if (force !== null) data.set("force", force);
      for (const [field, content] of extra) data.append(field, content);
      return data;
    });
}

/** Arguments for a server action: junk, or the valid call broken; for uploads mostly odd forms. */
async function actionArgs(valid: unknown[]): Promise<fc.Arbitrary<unknown[]>> {
  const junk = fc.array(value, { maxLength: 3 });
  const upload = valid[0] instanceof FormData ? valid[0].get("file") : null;
  if (upload instanceof Blob) {
    // The zip import form has a `force` field; the Anki import form does not.
    const limit = (valid[0] as FormData).has("force") ? MAX_UPLOAD_BYTES : MAX_PACKAGE_BYTES;
    return fc.oneof({ arbitrary: forms(new Uint8Array(await upload.arrayBuffer()), limit).map((form) => [form]), weight: 3 }, { arbitrary: junk, weight: 1 });
  }
  return fc.oneof({ arbitrary: junk, weight: 1 }, { arbitrary: broken(valid), weight: 3 });
}

const headerName = fc.oneof(
  fc.constantFrom("content-type", "cookie", "authorization", "x-forwarded-for", "x-real-ip", "accept", "origin", "referer", "next-action", "x-middleware-subrequest", "range", "accept-encoding", "x-http-method-override"),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
);
const headerValue = fc.oneof(fc.stringMatching(/^[\x20-\x7e]{0,80}$/), fc.constant("a".repeat(8_192)), fc.constant("bäd ÿ"), fc.constant("multipart/form-data; boundary=x"));
const rawQuery = fc.oneof(
  fc.constantFrom("", "?", "?deck", "?deck=", "?deck=%", "?deck=%E0%A4%A", "?deck=%00", "?deck[]=a&deck=b", "?deck=a&deck=b", "?__proto__[x]=1", `?deck=${"a".repeat(10_000)}`, "?deck=..%2F..%2Fetc"),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom("deck", "page", "q", "__proto__"), key), text), { maxLength: 4 }).map((pairs) => {
    const params = new URLSearchParams();
    for (const [name, content] of pairs) params.append(name, content.slice(0, 20_000));
    return `?${params}`;
  }),
);
const contentType = fc.constantFrom(null, "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16");

/** JSON texts: malformed, huge, of any value, or the valid body with one field broken. */
function bodies(validBody: unknown): fc.Arbitrary<string> {
  const json = toJson;
  return fc.oneof(
    fc.constantFrom("", "{", "nul", "[1,", '{"a":}', "\u0000", '{"rating":3', "true", "1e999", '"\\uD800"', "{}".repeat(10_000), `[${"1,".repeat(20_000)}1]`),
    text,
    value.map(json),
    validBody === undefined ? value.map(json) : broken([validBody]).map(([body]) => json(body)),
  );
}

/** A Request for a route handler: the valid call's URL with another query string, odd headers, and (POST) a body. */
function requests(valid: unknown[]): fc.Arbitrary<unknown[]> {
  const base = valid[0] instanceof Request ? valid[0] : null;
  const method = base?.method ?? "GET";
  const url = new URL(base?.url ?? "http://localhost/fuzz");
  const validBody = base && method === "POST" ? (JSON.parse(validBodies.get(base) ?? "null") as unknown) : undefined;
  const context = valid[1];
  const segments = fc.array(fc.oneof(fc.constantFrom("..", ".", "%2e%2e", ".env", "a/b", "figure.png", fx.asset[0]!, "..%2f", "C:\\Windows", "x".repeat(300), ""), text), { maxLength: 8 });
  return fc
    .record({
      query: rawQuery,
      headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 5 }),
      type: contentType,
      body: bodies(validBody),
      path: segments,
    })
    .map(({ query, headers, type, body, path }) => {
      const init = new Headers();
      for (const [name, content] of headers) {
        try {
          init.append(name, content);
        } catch {
          // A value the Headers class itself refuses cannot be sent; leave it out.
        }
      }
      if (type) init.set("content-type", type);
      const request = new Request(`${url.origin}${url.pathname}${query}`, { method, headers: init, body: method === "POST" ? body : undefined });
      return context === undefined ? [request] : [request, { params: Promise.resolve({ path }) }];
    });
}

/** Valid POST bodies by request, so `requests` can break one field of them (a Request's body can be read once). */
const validBodies = new Map<Request, string>();

// ---------------------------------------------------------------------------------------------------------------
// The property

function fuzzActors(entry: Endpoint): Actor[] {
  const learner: Actor = entry.scope === "group" ? "owner" : "learner";
  return ["anonymous", learner, ...(entry.policy === "admin" ? (["admin"] as Actor[]) : [])];
}

/** Everything wrong with one outcome; empty when the run is fine. */
function problems(outcome: Outcome, logged: unknown[][], changed: string[]): string[] {
  const found: string[] = [];
  if (outcome.status !== null && outcome.status >= 500) found.push(`status ${outcome.status}`);
  if (outcome.text.includes(GENERIC_ERROR_MESSAGE)) found.push("internal error (generic message)");
  const stack = STACK.exec(outcome.text);
  if (stack) found.push(`stack-like text "${stack[0]}" in ${outcome.text.slice(Math.max(0, stack.index - 80), stack.index + 80)}`);
  if (logged.length > 0) found.push(`console.error: ${logged.map((args) => args.map(String).join(" ")).join(" | ").slice(0, 600)}`);
  if (!outcome.ok && changed.length > 0) found.push(`refused but changed ${changed.join(", ")}`);
  // The "__proto__" objects carry these keys: a merge that follows them would put them on every object.
  if ("isAdmin" in {} || "role" in {}) found.push("Object.prototype was polluted");
  return found;
}

/** A short, safe description of a value: depth- and length-limited (counterexamples nest 5,000 levels deep). */
function preview(input: unknown, depth = 0): string {
  if (typeof input === "string") return input.length > 60 ? `${JSON.stringify(input.slice(0, 60))}…(${input.length} chars)` : JSON.stringify(input);
  if (typeof input === "bigint") return `${input}n`;
  if (typeof input !== "object" || input === null) return String(input);
  if (input instanceof Request) return `${input.method} ${input.url.slice(0, 200)} [${[...input.headers.keys()].join(", ")}]`;
  if (input instanceof FormData) return `FormData(${[...input.entries()].map(([name, part]) => `${name}=${typeof part === "string" ? preview(part, 9) : `Blob(${part.size})`}`).join(", ")})`;
  if (input instanceof Date) return `Date(${Number.isNaN(input.getTime()) ? "invalid" : input.toISOString()})`;
  if (depth >= 3) return Array.isArray(input) ? "[…]" : "{…}";
  if (Array.isArray(input)) return `[${input.slice(0, 5).map((item) => preview(item, depth + 1)).join(", ")}${input.length > 5 ? ", …" : ""}]`;
  const keys = Reflect.ownKeys(input).filter((name): name is string => typeof name === "string");
  return `{${keys.slice(0, 6).map((name) => `${JSON.stringify(name)}: ${preview((input as Record<string, unknown>)[name], depth + 1)}`).join(", ")}${keys.length > 6 ? ", …" : ""}}`;
}

function describeArgs(args: unknown[]): string {
  return args.map((arg) => preview(arg)).join(", ").slice(0, 600);
}

async function fuzz(entry: Endpoint, index: number): Promise<void> {
  const fn = await load(entry);
  const handler = entry.module.endsWith("/route.ts");
  for (const [round, actor] of fuzzActors(entry).entries()) {
    const c = { fx, actor, group: entry.scope === "group" ? await freshGroup(fx) : null };
    session.user = null;
    const valid = await entry.args(c);
    if (valid[0] instanceof Request && valid[0].method === "POST") validBodies.set(valid[0], await valid[0].clone().text());
    const args = handler ? requests(valid) : await actionArgs(valid);
    let before = await fingerprint(db);
    const seed = SEED + index * 10 + round;
    const property = fc.asyncProperty(args, async (call) => {
      session.user = actor === "anonymous" ? null : fx.users[actor];
      const logged: unknown[][] = [];
      const spy = vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void logged.push(parts));
      let outcome: Outcome;
      try {
        outcome = await invoke(fn, call);
      } catch (error) {
        outcome = { ok: false, status: 500, text: `threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
      } finally {
        spy.mockRestore();
        session.user = null;
      }
      const after = await fingerprint(db);
      const changed = changedTables(before, after);
      before = after;
      runs.total += 1;
      if (outcome.ok) runs.accepted += 1;
      const found = problems(outcome, logged, changed);
      if (found.length > 0) throw new Error(`${keyOf(entry)} as ${actor} with (${describeArgs(call)}): ${found.join("; ")}`);
    });
    // No shrinking: a refused run leaves the database as it found it, but an accepted one may not, so a shrunk replay
    // would not see the same rows. fc.check rather than fc.assert: printing a 5,000-level counterexample overflows
    // the stack, and the thrown error already names the call.
    const details = await fc.check(property, { seed, numRuns: RUNS[actor === "anonymous" ? "anonymous" : "loggedIn"][handler ? "handler" : "action"], endOnFailure: true });
    if (details.failed) {
      const cause = details.errorInstance;
      throw new Error(`fuzz failure after ${details.numRuns} runs (FUZZ_SEED=${SEED}, property seed ${seed}): ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }
}

describe("malformed input at every endpoint", () => {
  const entries = ENDPOINTS.filter((entry) => !entry.skip);
  for (const [index, entry] of entries.entries()) {
    it(`${keyOf(entry)} (${fuzzActors(entry).join(", ")})`, () => fuzz(entry, index));
  }

  it("ran at least 1,000 calls in all", () => {
    expect(runs.total).toBeGreaterThanOrEqual(1_000);
  });
});
