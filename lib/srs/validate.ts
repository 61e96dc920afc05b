// Internal run-time checks shared by the modules of lib/srs (not exported from index.ts).
import { SrsError } from "./errors";

/** Throws unless `value` is a `Date` holding a real instant (not `Invalid Date`). */
export function assertDate(value: unknown, path: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new SrsError({ path, message: "Expected a valid date." });
  }
}

/** Throws unless `value` is an integer >= 0. */
export function assertCount(value: unknown, path: string): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new SrsError({ path, message: "Expected a whole number of at least 0." });
  }
}

/** A copy, so a returned object never shares a mutable `Date` with the caller's input. */
export function copyDate(date: Date): Date {
  return new Date(date.getTime());
}

/** Runs a ts-fsrs call, rethrowing its validation errors (FSRSError, FSRSValidationError) as {@link SrsError}. */
export function callFsrs<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof Error && error.name.startsWith("FSRS")) {
      throw new SrsError({ path, message: `The scheduler rejected the card: ${error.message}` }, { cause: error });
    }
    throw error;
  }
}
