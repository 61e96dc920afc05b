import { CalcError } from "./errors";
import { describe, integer } from "./validate";

/**
 * A spatial size or hyper-parameter given either once for both axes or as `[height, width]`, as in
 * PyTorch's `kernel_size=3` versus `kernel_size=(3, 5)`. Integers.
 *
 * @example
 * ```ts
 * const square: Size2 = 3;       // 3×3
 * const wide: Size2 = [1, 7];    // height 1, width 7
 * ```
 */
export type Size2 = number | [number, number];

/** Expands a {@link Size2} to `[height, width]`, checking each is an integer >= `min`. Internal. */
export function pair(value: unknown, what: string, min: number, path?: string): [number, number] {
  if (typeof value === "number") {
    const v = integer(value, what, min, path);
    return [v, v];
  }
  if (Array.isArray(value) && value.length === 2) {
    return [integer(value[0], `${what}[0] (height)`, min, path), integer(value[1], `${what}[1] (width)`, min, path)];
  }
  throw new CalcError(`${what} must be an integer or an [height, width] pair, got ${describe(value)}`, { path });
}
