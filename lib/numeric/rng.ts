/**
 * A small seeded pseudo-random generator, so a numeric question instance is a pure function of its template
 * and its seed: the server stores only the seed and can redraw the same numbers to check an answer.
 * Not cryptographic; the server picks seeds with `crypto` (there is no `randomSeed()` here on purpose).
 */

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;

/** A deterministic stream of random numbers. */
export interface Rng {
  /** Next unsigned 32-bit integer, uniform on [0, 2³²). */
  nextUint32(): number;
  /** Uniform float on [0, 1) with 32 random bits. */
  nextFloat(): number;
  /**
   * Uniform integer on [0, `count`) (upper bound exclusive), without modulo bias.
   * `count` must be an integer from 1 to 2³². Throws RangeError otherwise.
   */
  nextInt(count: number): number;
}

/**
 * Mulberry32 (Tommy Ettinger, public domain): 32 bits of state, passes gjrand/PractRand up to 4 GB, which is
 * far more than a template draws (a few numbers per instance).
 *
 * @param seed - integer from 0 to {@link MAX_SEED}; RangeError otherwise (a silently coerced seed would break
 *   "same seed, same instance").
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 *
 * @example
 * ```ts
 * const a = createRng(42), b = createRng(42);
 * a.nextUint32() === b.nextUint32(); // true
 * createRng(7).nextInt(6);           // an integer 0..5
 * ```
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${String(seed)}`);
  }
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    nextUint32,
    nextFloat: () => nextUint32() / 2 ** 32,
    nextInt(count: number): number {
      if (!Number.isInteger(count) || count < 1 || count > 2 ** 32) {
        throw new RangeError(`count must be an integer from 1 to 2^32, got ${String(count)}`);
      }
      // Rejection sampling: values at or above the largest multiple of `count` below 2³² would make small
      // results slightly more likely than large ones.
      const limit = 2 ** 32 - (2 ** 32 % count);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % count;
      }
    },
  };
}
