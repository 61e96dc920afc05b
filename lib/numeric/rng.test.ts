import { describe, expect, it } from "vitest";
import { createRng, MAX_SEED } from "./index";

function take(seed: number, count: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.nextUint32());
}

describe("createRng", () => {
  it("the same seed gives the same stream; different seeds differ", () => {
    expect(take(42, 20)).toEqual(take(42, 20));
    expect(take(42, 20)).not.toEqual(take(43, 20));
    expect(take(0, 5)).not.toEqual(take(MAX_SEED, 5));
  });

  it("outputs unsigned 32-bit integers and floats in [0, 1)", () => {
    const rng = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const x = rng.nextUint32();
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
      const f = rng.nextFloat();
      expect(f >= 0 && f < 1).toBe(true);
    }
  });

  it("nextInt is uniform over [0, count): each of 6 faces within 10 % of 10,000 in 60,000 rolls", () => {
    // Binomial(60000, 1/6): mean 10,000, standard deviation sqrt(60000·(1/6)·(5/6)) ≈ 91; ±1,000 is ~11 σ.
    const rng = createRng(2024);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.nextInt(6)]!++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(1_000);
    expect(createRng(1).nextInt(1)).toBe(0);
  });

  it("rejects seeds and counts out of range instead of coercing them", () => {
    expect(() => createRng(-1)).toThrow(RangeError);
    expect(() => createRng(1.5)).toThrow("seed must be an integer from 0 to 4294967295, got 1.5");
    expect(() => createRng(2 ** 32)).toThrow(RangeError);
    expect(() => createRng(1).nextInt(0)).toThrow(RangeError);
  });
});
