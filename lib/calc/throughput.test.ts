import { describe, expect, it } from "vitest";
import { CalcError } from "./errors";
import { fpsFromFlops, latencyMs, requiredFlopsPerSecond } from "./throughput";

describe("throughput", () => {
  // ResNet-50: 4.089 GMACs = 8.178 GFLOPs per image
  const flopsPerImage = 2 * 4.089e9;

  it("FPS = achieved FLOP/s / FLOPs per image", () => {
    expect(fpsFromFlops({ flopsPerImage, flopsPerSecond: 10e12 })).toBeCloseTo(10e12 / 8.178e9, 9);
    // 1 GFLOP per image at 1 TFLOP/s: 1000 images/s
    expect(fpsFromFlops({ flopsPerImage: 1e9, flopsPerSecond: 1e12 })).toBe(1000);
  });

  it("latency in ms = 1000 · FLOPs / FLOP/s", () => {
    expect(latencyMs({ flopsPerImage: 1e9, flopsPerSecond: 1e12 })).toBe(1);
    expect(latencyMs({ flopsPerImage, flopsPerSecond: 10e12 })).toBeCloseTo(0.8178, 12);
  });

  it("required FLOP/s = FLOPs per image · FPS, the inverse of FPS", () => {
    expect(requiredFlopsPerSecond({ flopsPerImage, fps: 30 })).toBeCloseTo(30 * 8.178e9, 0);
    const rate = requiredFlopsPerSecond({ flopsPerImage, fps: 60 });
    expect(fpsFromFlops({ flopsPerImage, flopsPerSecond: rate })).toBeCloseTo(60, 9);
  });

  it("rejects zero and negative inputs", () => {
    expect(() => fpsFromFlops({ flopsPerImage: 0, flopsPerSecond: 1 })).toThrow(CalcError);
    expect(() => requiredFlopsPerSecond({ flopsPerImage: 1, fps: -1 })).toThrow(CalcError);
    expect(() => latencyMs({ flopsPerImage: 1, flopsPerSecond: Number.POSITIVE_INFINITY })).toThrow(CalcError);
  });
});
