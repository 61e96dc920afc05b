import { describe, expect, it } from "vitest";
import { CalcError } from "./errors";
import { activationMemory, bytesPerElement, convertBytes, parameterBytes, trainingMemory } from "./memory";

describe("bytesPerElement", () => {
  it("knows fp32, fp16, bf16 and int8", () => {
    expect(["fp32", "fp16", "bf16", "int8"].map((d) => bytesPerElement(d as never))).toEqual([4, 2, 2, 1]);
    expect(() => bytesPerElement("fp8" as never)).toThrow(CalcError);
  });
});

describe("activationMemory", () => {
  it("multiplies batch, shape and element size", () => {
    // ResNet stem output, batch 32, fp32
    expect(activationMemory({ shape: [64, 112, 112], batch: 32 })).toEqual({
      elements: 32 * 64 * 112 * 112,
      bytes: 4 * 32 * 64 * 112 * 112,
    });
    expect(activationMemory({ shape: [64, 112, 112], dtype: "fp16" }).bytes).toBe(2 * 64 * 112 * 112);
    expect(activationMemory({ shape: [64, 112, 112], dtype: "bf16" }).bytes).toBe(2 * 64 * 112 * 112);
    expect(activationMemory({ shape: [1000], batch: 256, dtype: "int8" })).toEqual({ elements: 256_000, bytes: 256_000 });
  });

  it("rejects empty or invalid shapes", () => {
    expect(() => activationMemory({ shape: [] })).toThrow(CalcError);
    expect(() => activationMemory({ shape: [64, 0, 3] })).toThrow(/shape\[1\]/);
  });
});

describe("parameterBytes", () => {
  it("is params × bytes per element", () => {
    // ResNet-50's 25,557,032 parameters
    expect(parameterBytes({ params: 25_557_032 })).toBe(4 * 25_557_032);
    expect(parameterBytes({ params: 25_557_032, dtype: "fp16" })).toBe(2 * 25_557_032);
    expect(parameterBytes({ params: 25_557_032, dtype: "int8" })).toBe(25_557_032);
    expect(() => parameterBytes({ params: -1 })).toThrow(CalcError);
  });
});

describe("trainingMemory", () => {
  const P = 1_000_000;
  const A = 2_000_000;

  it("adds params, grads, optimizer copies and batch activations", () => {
    // SGD keeps no state: 4P + 4P + 0 + 8·A·4
    expect(trainingMemory({ params: P, activationElements: A, batch: 8, optimizer: "sgd" })).toEqual({
      parameters: 4 * P,
      gradients: 4 * P,
      optimizerState: 0,
      activations: 8 * A * 4,
      total: 4 * P + 4 * P + 8 * A * 4,
    });
    // momentum: one extra copy
    expect(trainingMemory({ params: P, activationElements: A, optimizer: "sgd-momentum" }).optimizerState).toBe(4 * P);
    // Adam: two copies (m and v); the default optimizer
    const adam = trainingMemory({ params: P, activationElements: A, batch: 8 });
    expect(adam.optimizerState).toBe(2 * 4 * P);
    expect(adam.total).toBe(4 * P * (1 + 1 + 2) + 8 * A * 4);
    expect(trainingMemory({ params: P, activationElements: A, optimizer: "adamw" }).optimizerState).toBe(8 * P);
  });

  it("scales with dtype", () => {
    // fp16 everything: 2 bytes per element
    expect(trainingMemory({ params: P, activationElements: A, optimizer: "adam", dtype: "fp16" }).total).toBe(
      2 * P * 4 + 2 * A,
    );
  });

  it("rejects unknown optimizers", () => {
    expect(() => trainingMemory({ params: P, activationElements: A, optimizer: "lion" as never })).toThrow(CalcError);
  });
});

describe("convertBytes", () => {
  it("keeps decimal and binary units apart", () => {
    const bytes = 4 * 25_557_032; // ResNet-50 fp32 weights
    expect(convertBytes({ bytes, unit: "MB" })).toBe(bytes / 1e6);
    expect(convertBytes({ bytes, unit: "MiB" })).toBe(bytes / 1_048_576);
    expect(convertBytes({ bytes, unit: "MiB" })).toBeCloseTo(97.49, 2);
    expect(convertBytes({ bytes: 1024, unit: "KiB" })).toBe(1);
    expect(convertBytes({ bytes: 1024, unit: "KB" })).toBe(1.024);
    expect(convertBytes({ bytes: 2 ** 30, unit: "GiB" })).toBe(1);
    expect(convertBytes({ bytes: 2 ** 30, unit: "GB" })).toBe(1.073741824);
    expect(convertBytes({ bytes: 1e12, unit: "TB" })).toBe(1);
    expect(convertBytes({ bytes: 2 ** 40, unit: "TiB" })).toBe(1);
    expect(convertBytes({ bytes: 5, unit: "B" })).toBe(5);
    expect(() => convertBytes({ bytes: 1, unit: "mb" as never })).toThrow(CalcError);
    expect(() => convertBytes({ bytes: -1, unit: "MB" })).toThrow(CalcError);
  });
});
