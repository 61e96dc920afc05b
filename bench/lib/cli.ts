/**
 * Command-line flags of the benchmarks. Every bench accepts `--quick` (shorter runs for `npm run bench -- --quick`)
 * and `--name=value` integers with bounds; an explicit flag always wins over the quick default.
 */

/** True when `--quick` was given. */
export const QUICK = process.argv.includes("--quick");

export function hasFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export interface IntArgOptions {
  /** Used with --quick when the flag itself is absent. */
  quick?: number;
  /** Inclusive bounds (default 1 … Number.MAX_SAFE_INTEGER). */
  min?: number;
  max?: number;
}

/** The integer value of `--name=…`, else the quick or full default. Throws on a value out of bounds. */
export function intArg(name: string, fallback: number, options: IntArgOptions = {}): number {
  const { min = 1, max = Number.MAX_SAFE_INTEGER } = options;
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return QUICK && options.quick !== undefined ? options.quick : fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}
