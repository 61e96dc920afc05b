/**
 * sql.js (SQLite compiled to WASM) for reading Anki collections on the server without a native module. The WASM
 * file is located explicitly rather than through sql.js's default (its own `__dirname`), which only works while
 * sql.js stays an unbundled Node require: `createRequire` resolves it from this module under vitest and when the
 * package is external in the built Next server (next.config.js `serverExternalPackages`), and the project's
 * `node_modules` under the working directory covers a bundler that rewrote `import.meta.url`.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import initSqlJs, { type SqlJsStatic } from "sql.js";

const WASM_SUBPATH = "sql.js/dist/sql-wasm.wasm";
/** The WASM file sits beside sql.js's main script (dist/sql-wasm.js). */
const WASM_FILE = "sql-wasm.wasm";

let loading: Promise<SqlJsStatic> | null = null;

/** The sql.js module, initialised once per process (a failed initialisation is retried on the next call). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const wasm = wasmPath();
    loading = initSqlJs({ locateFile: () => wasm }).catch((error: unknown) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

/** Where sql-wasm.wasm is; throws when neither place has it (an installation problem, not the user's). */
export function wasmPath(): string {
  const candidates: string[] = [];
  try {
    // Resolve the package's main script, not the .wasm itself: a literal path to the .wasm would make the bundler
    // pull it into the server build as a WASM module.
    candidates.push(path.join(path.dirname(createRequire(import.meta.url).resolve("sql.js")), WASM_FILE));
  } catch {
    // Not resolvable from here (a bundled copy of this module): try the working directory next.
  }
  candidates.push(path.join(process.cwd(), "node_modules", ...WASM_SUBPATH.split("/")));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`sql.js: cannot find ${WASM_SUBPATH} (looked in ${candidates.join(", ")})`);
  return found;
}
