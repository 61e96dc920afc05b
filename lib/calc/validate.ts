// Internal run-time checks shared by the formulas and the analyzer. Not re-exported from index.ts:
// the public contract is only "invalid input throws CalcError".
import { CalcError } from "./errors";

/** Short, JSON-ish rendering of an offending value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

/** Returns `value` if it is a safe integer >= `min`; otherwise throws a CalcError naming `what`. */
export function integer(value: unknown, what: string, min: number, path?: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new CalcError(`${what} must be an integer >= ${min}, got ${describe(value)}`, { path });
  }
  // Above 2^53 integers stop being exact, and every count below would silently round.
  if (!Number.isSafeInteger(value)) {
    throw new CalcError(`${what} must be at most ${Number.MAX_SAFE_INTEGER}, got ${describe(value)}`, { path });
  }
  return value;
}

/** {@link integer} with min 1 (sizes, channels, strides). */
export function positiveInteger(value: unknown, what: string, path?: string): number {
  return integer(value, what, 1, path);
}

/** {@link integer} with min 0 (padding, counts). */
export function nonNegativeInteger(value: unknown, what: string, path?: string): number {
  return integer(value, what, 0, path);
}

/** Returns `value` if it is a finite number; otherwise throws a CalcError naming `what`. */
export function finite(value: unknown, what: string, path?: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new CalcError(`${what} must be a finite number, got ${describe(value)}`, { path });
  }
  return value;
}

/** Returns `value` if it is finite and > 0. */
export function positive(value: unknown, what: string, path?: string): number {
  const x = finite(value, what, path);
  if (x <= 0) throw new CalcError(`${what} must be > 0, got ${describe(value)}`, { path });
  return x;
}

/** Returns `value` if it is finite and >= 0. */
export function nonNegative(value: unknown, what: string, path?: string): number {
  const x = finite(value, what, path);
  if (x < 0) throw new CalcError(`${what} must be >= 0, got ${describe(value)}`, { path });
  return x;
}

/** Returns `value` if it is a boolean (JSON may carry "true" strings or 0/1). */
export function boolean(value: unknown, what: string, path?: string): boolean {
  if (typeof value !== "boolean") {
    throw new CalcError(`${what} must be true or false, got ${describe(value)}`, { path });
  }
  return value;
}

/** Checks a product of safe integers stayed exact. */
export function safeCount(value: number, what: string, path?: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new CalcError(`${what} (${value}) exceeds the exactly representable integer range`, { path });
  }
  return value;
}
