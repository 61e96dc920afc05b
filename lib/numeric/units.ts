/**
 * The units a numeric question may ask for (content/README.md, "Units"), and the unit words a learner may type
 * after a number. Byte units convert into each other; every other unit must match the question's.
 */

/** Every unit a template's `unit:` may name. */
export const NUMERIC_UNITS = [
  "parameters",
  "elements",
  "MACs",
  "FLOPs",
  "bytes",
  "bits",
  "KB",
  "MB",
  "GB",
  "KiB",
  "MiB",
  "GiB",
  "pixels",
  "FPS",
  "ms",
  "seconds",
  "percent",
  "ratio",
  "none",
] as const;

/** A unit of {@link NUMERIC_UNITS}. */
export type NumericUnit = (typeof NUMERIC_UNITS)[number];

/**
 * Size in bytes of each byte unit a learner may type: decimal KB = 10³ B, MB = 10⁶ B…, binary KiB = 2¹⁰ B,
 * MiB = 2²⁰ B… (as `lib/calc`'s `convertBytes`), a bit = 1/8 B. TB and TiB are accepted as input only.
 */
const BYTE_SIZES = {
  bits: 1 / 8,
  bytes: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
} as const;

type ByteUnitName = keyof typeof BYTE_SIZES;

/** True for the byte units of {@link NUMERIC_UNITS} (bytes, bits, KB … GiB). */
export function isByteUnit(unit: NumericUnit): boolean {
  return Object.hasOwn(BYTE_SIZES, unit);
}

/** How a unit is named in messages to the learner ("This question asks for …"). */
export function unitLabel(unit: NumericUnit): string {
  switch (unit) {
    case "percent":
      return "a percentage (%)";
    case "ratio":
      return "a ratio";
    case "none":
      return "a plain number (no unit)";
    default:
      return unit;
  }
}

/** Suffix used when echoing a value back (`normalized`): "" for `none`, "%" for percent. */
export function unitSuffix(unit: NumericUnit): string {
  if (unit === "none") return "";
  if (unit === "percent") return "%";
  return ` ${unit}`;
}

/** A unit word the learner typed, understood. */
export interface TypedUnit {
  /** The family member the word names: a template unit, or TB/TiB (byte input only). */
  unit: NumericUnit | "TB" | "TiB";
  /** Multiplier carried by an SI prefix on a count unit: `GFLOPs` = 10⁹ FLOPs. 1 otherwise. */
  factor: number;
}

// Lower-case spellings (matching is case-insensitive, so "mb", "MB" and "Mb" all mean megabytes).
const WORDS: Record<string, TypedUnit["unit"]> = {
  param: "parameters",
  params: "parameters",
  parameter: "parameters",
  parameters: "parameters",
  weights: "parameters",
  element: "elements",
  elements: "elements",
  elem: "elements",
  elems: "elements",
  b: "bytes",
  byte: "bytes",
  bytes: "bytes",
  bit: "bits",
  bits: "bits",
  kb: "KB",
  kilobyte: "KB",
  kilobytes: "KB",
  mb: "MB",
  megabyte: "MB",
  megabytes: "MB",
  gb: "GB",
  gigabyte: "GB",
  gigabytes: "GB",
  tb: "TB",
  terabyte: "TB",
  terabytes: "TB",
  kib: "KiB",
  mib: "MiB",
  gib: "GiB",
  tib: "TiB",
  px: "pixels",
  pixel: "pixels",
  pixels: "pixels",
  fps: "FPS",
  ms: "ms",
  msec: "ms",
  millisecond: "ms",
  milliseconds: "ms",
  s: "seconds",
  sec: "seconds",
  secs: "seconds",
  second: "seconds",
  seconds: "seconds",
  "%": "percent",
  percent: "percent",
  pct: "percent",
  x: "ratio",
  "×": "ratio",
  ratio: "ratio",
};

const PREFIXES: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12 };

/**
 * Reads a unit word typed after a number, case-insensitively: `MiB`, `params`, `fps`, `%`, and SI-prefixed
 * operation counts (`GFLOPs`, `MMACs`, where the prefix multiplies). Returns `null` for an unknown word.
 *
 * @example
 * ```ts
 * parseUnitWord("MiB");    // { unit: "MiB", factor: 1 }
 * parseUnitWord("gflops"); // { unit: "FLOPs", factor: 1e9 }
 * parseUnitWord("apples"); // null
 * ```
 */
export function parseUnitWord(word: string): TypedUnit | null {
  const lower = word.toLowerCase();
  const unit = Object.hasOwn(WORDS, lower) ? WORDS[lower] : undefined;
  if (unit !== undefined) return { unit, factor: 1 };
  const prefixed = /^([kmgt])(macs?|flops?)$/.exec(lower);
  if (prefixed) {
    return { unit: prefixed[2]!.startsWith("mac") ? "MACs" : "FLOPs", factor: PREFIXES[prefixed[1]!]! };
  }
  const plain = /^(macs?|flops?)$/.exec(lower);
  if (plain) return { unit: plain[1]!.startsWith("mac") ? "MACs" : "FLOPs", factor: 1 };
  return null;
}

/**
 * Converts `value`, typed in `typed`, into the question's unit `asked`. Byte units convert into each other
 * (`3.5 MiB` → 3,670,016 bytes); any other unit must be the asked one. Returns `null` when the families differ.
 */
export function convertTypedUnit(value: number, typed: TypedUnit, asked: NumericUnit): number | null {
  if (typed.unit === asked) return value * typed.factor;
  const from = (BYTE_SIZES as Record<string, number | undefined>)[typed.unit];
  const to = (BYTE_SIZES as Record<string, number | undefined>)[asked];
  if (from === undefined || to === undefined) return null;
  return (value * typed.factor * from) / to;
}

/** Byte units of {@link BYTE_SIZES}, for tests and documentation. */
export const BYTE_UNITS: readonly ByteUnitName[] = Object.keys(BYTE_SIZES) as ByteUnitName[];
