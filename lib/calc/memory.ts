import { CalcError } from "./errors";
import { describe, nonNegative, nonNegativeInteger, positiveInteger, safeCount } from "./validate";

/** Element types whose storage size {@link bytesPerElement} knows. */
export type DType = "fp32" | "fp16" | "bf16" | "int8";

const BYTES: Record<DType, number> = { fp32: 4, fp16: 2, bf16: 2, int8: 1 };

/**
 * Bytes one element of `dtype` occupies: fp32 4, fp16 2, bf16 2, int8 1.
 *
 * @example
 * ```ts
 * bytesPerElement("bf16"); // 2
 * ```
 */
export function bytesPerElement(dtype: DType): number {
  const bytes = (BYTES as Record<string, number | undefined>)[dtype];
  if (bytes === undefined) {
    throw new CalcError(`dtype must be one of ${Object.keys(BYTES).join(", ")}, got ${describe(dtype)}`);
  }
  return bytes;
}

/** Options for {@link activationMemory}. */
export interface ActivationMemoryOptions {
  /** Shape of one sample's activation, e.g. `[C, H, W]` (integers >= 1, at least one dimension). */
  shape: number[];
  /** Batch size N (integer >= 1). Default 1. */
  batch?: number;
  /** Element type. Default `"fp32"`. */
  dtype?: DType;
}

/** Size of an activation tensor. */
export interface ActivationMemory {
  /** Elements: N · ∏ shape. */
  elements: number;
  /** Bytes: elements · bytesPerElement(dtype). */
  bytes: number;
}

/**
 * Elements and bytes of one activation tensor for a batch: elements = N·∏shape, bytes = elements × bytes
 * per element. Bytes are plain bytes; convert with {@link convertBytes} (MB = 10⁶ B, MiB = 2²⁰ B).
 *
 * @example
 * ```ts
 * activationMemory({ shape: [64, 112, 112], batch: 32 });
 * // { elements: 25_690_112 = 32·64·112·112, bytes: 102_760_448 = 4·25_690_112 }
 * activationMemory({ shape: [64, 112, 112], dtype: "fp16" }).bytes; // 1_605_632
 * ```
 */
export function activationMemory(options: ActivationMemoryOptions): ActivationMemory {
  if (!Array.isArray(options.shape) || options.shape.length === 0) {
    throw new CalcError(`shape must be a non-empty array of integers, got ${describe(options.shape)}`);
  }
  const batch = positiveInteger(options.batch ?? 1, "batch");
  let elements = batch;
  options.shape.forEach((d, i) => {
    elements *= positiveInteger(d, `shape[${i}]`);
  });
  safeCount(elements, "element count");
  return { elements, bytes: safeCount(elements * bytesPerElement(options.dtype ?? "fp32"), "byte count") };
}

/** Options for {@link parameterBytes}. */
export interface ParameterBytesOptions {
  /** Number of parameters (integer >= 0). */
  params: number;
  /** Storage type. Default `"fp32"`. */
  dtype?: DType;
}

/**
 * Bytes to store `params` parameters: params × bytes per element.
 *
 * @example
 * ```ts
 * parameterBytes({ params: 25_557_032 });                 // 102_228_128 (ResNet-50 in fp32, ≈ 97.5 MiB)
 * parameterBytes({ params: 25_557_032, dtype: "int8" });  // 25_557_032
 * ```
 */
export function parameterBytes(options: ParameterBytesOptions): number {
  const params = nonNegativeInteger(options.params, "params");
  return safeCount(params * bytesPerElement(options.dtype ?? "fp32"), "byte count");
}

/**
 * Optimizers for {@link trainingMemory}, by the number of per-parameter state copies they keep:
 * `"sgd"` 0, `"sgd-momentum"` 1 (momentum buffer), `"adam"` / `"adamw"` 2 (first and second moments).
 */
export type Optimizer = "sgd" | "sgd-momentum" | "adam" | "adamw";

const OPTIMIZER_COPIES: Record<Optimizer, number> = { sgd: 0, "sgd-momentum": 1, adam: 2, adamw: 2 };

/** Options for {@link trainingMemory}. */
export interface TrainingMemoryOptions {
  /** Trainable parameters (integer >= 0). */
  params: number;
  /**
   * Activation elements stored for the backward pass **per sample** (e.g. `totals.activationElements`
   * from `analyzeNetwork`, which counts every layer output for batch 1). Integer >= 0.
   */
  activationElements: number;
  /** Batch size N (integer >= 1). Default 1. */
  batch?: number;
  /** Optimizer. Default `"adam"`. */
  optimizer?: Optimizer;
  /** Element type of parameters, gradients, optimizer state and activations. Default `"fp32"`. */
  dtype?: DType;
}

/** Training-memory estimate in bytes. */
export interface TrainingMemory {
  /** Parameters: P · b. */
  parameters: number;
  /** Gradients, one per parameter: P · b. */
  gradients: number;
  /** Optimizer state: copies · P · b (0 for SGD, 1 copy for momentum, 2 for Adam). */
  optimizerState: number;
  /** Stored activations: N · A · b. */
  activations: number;
  /** Sum of the above. */
  total: number;
}

/**
 * Back-of-envelope training memory in bytes, with b = bytes per element:
 * $\text{total} = P b\,(1 + 1 + c_\text{opt}) + N A b$ where c_opt = 0 (SGD), 1 (SGD with momentum),
 * 2 (Adam/AdamW).
 *
 * Deliberately ignores what interview arithmetic ignores: the framework/CUDA context, workspace for
 * convolution algorithms, allocator fragmentation, fp32 master weights of mixed-precision training and
 * the input batch itself. Everything is stored in one `dtype`.
 *
 * @example
 * ```ts
 * trainingMemory({ params: 1_000_000, activationElements: 2_000_000, batch: 8, optimizer: "adam" });
 * // { parameters: 4e6, gradients: 4e6, optimizerState: 8e6, activations: 64e6 = 8·2e6·4, total: 80e6 }
 * ```
 */
export function trainingMemory(options: TrainingMemoryOptions): TrainingMemory {
  const params = nonNegativeInteger(options.params, "params");
  const activationElements = nonNegativeInteger(options.activationElements, "activationElements");
  const batch = positiveInteger(options.batch ?? 1, "batch");
  const optimizer = options.optimizer ?? "adam";
  const copies = (OPTIMIZER_COPIES as Record<string, number | undefined>)[optimizer];
  if (copies === undefined) {
    throw new CalcError(
      `optimizer must be one of ${Object.keys(OPTIMIZER_COPIES).join(", ")}, got ${describe(optimizer)}`,
    );
  }
  const b = bytesPerElement(options.dtype ?? "fp32");
  const parameters = safeCount(params * b, "byte count");
  const optimizerState = copies * parameters;
  const activations = safeCount(batch * activationElements * b, "byte count");
  return {
    parameters,
    gradients: parameters,
    optimizerState,
    activations,
    total: safeCount(2 * parameters + optimizerState + activations, "byte count"),
  };
}

/**
 * Byte units for {@link convertBytes}: decimal (SI) KB = 10³, MB = 10⁶, GB = 10⁹, TB = 10¹² bytes and
 * binary (IEC) KiB = 2¹⁰, MiB = 2²⁰, GiB = 2³⁰, TiB = 2⁴⁰ bytes.
 */
export type ByteUnit = "B" | "KB" | "MB" | "GB" | "TB" | "KiB" | "MiB" | "GiB" | "TiB";

const UNIT_BYTES: Record<ByteUnit, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

/** Options for {@link convertBytes}. */
export interface ConvertBytesOptions {
  /** A byte count (finite, >= 0). */
  bytes: number;
  /** Target unit. Decimal (KB, MB, GB, TB) and binary (KiB, MiB, GiB, TiB) are never conflated. */
  unit: ByteUnit;
}

/**
 * Converts bytes to a decimal or binary unit. "MB" is always 10⁶ bytes and "MiB" 2²⁰ = 1,048,576 bytes;
 * the two differ by 4.9 % (7.4 % for GB vs GiB), which is why "how many MB is this model" has two answers.
 *
 * @example
 * ```ts
 * convertBytes({ bytes: 102_228_128, unit: "MB" });  // 102.228128
 * convertBytes({ bytes: 102_228_128, unit: "MiB" }); // 97.49… (102_228_128 / 1_048_576)
 * ```
 */
export function convertBytes(options: ConvertBytesOptions): number {
  const bytes = nonNegative(options.bytes, "bytes");
  const unit = (UNIT_BYTES as Record<string, number | undefined>)[options.unit];
  if (unit === undefined) {
    throw new CalcError(`unit must be one of ${Object.keys(UNIT_BYTES).join(", ")}, got ${describe(options.unit)}`);
  }
  return bytes / unit;
}
