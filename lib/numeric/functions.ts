/**
 * The functions a template expression may call, and the result fields it may read. Everything here takes and
 * returns plain data (numbers, strings, arrays, plain objects); nothing reaches a mathjs or JavaScript object
 * with methods.
 */
import * as calc from "../calc";
import { TemplateError } from "./errors";
import { mathFunctions } from "./math";

type AnyFunction = (...args: unknown[]) => unknown;

function describeValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) return "a list";
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return "an object";
  return "a non-number value";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function numberArgument(name: string, value: unknown, position: number): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TemplateError(`${name}: argument ${position} must be a number, got ${describeValue(value)}`);
  }
  return value;
}

function arity(name: string, args: unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw new TemplateError(`${name} takes ${expected} argument${max === 1 ? "" : "s"}, got ${args.length}`);
  }
}

function realResult(name: string, args: unknown[], result: unknown): number {
  if (typeof result !== "number") {
    throw new TemplateError(`${name}(${args.map(describeValue).join(", ")}) is not a real number`);
  }
  return result;
}

/** A mathjs function restricted to numbers in and a real number out (`sqrt(-4)` is an error, not 2i). */
function mathFunction(name: keyof typeof mathFunctions, min: number, max: number): AnyFunction {
  const fn = mathFunctions[name] as unknown as AnyFunction;
  return (...args: unknown[]) => {
    arity(name, args, min, max);
    args.forEach((arg, i) => numberArgument(name, arg, i + 1));
    return realResult(name, args, fn(...args));
  };
}

/** `min`/`max`: numbers, or one list of numbers. */
function extremum(name: "min" | "max"): AnyFunction {
  const fn = mathFunctions[name] as unknown as AnyFunction;
  return (...args: unknown[]) => {
    const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    if (list.length === 0) throw new TemplateError(`${name} needs at least one number`);
    list.forEach((arg, i) => numberArgument(name, arg, i + 1));
    return realResult(name, list, fn(...list));
  };
}

/**
 * `round(x)` or `round(x, digits)` with digits an integer from 0 to 15; halves round away from zero
 * (mathjs's rule: `round(2.5)` = 3, `round(-2.5)` = −3).
 */
function round(...args: unknown[]): number {
  arity("round", args, 1, 2);
  const x = numberArgument("round", args[0], 1);
  if (args.length === 1) return realResult("round", args, mathFunctions.round(x));
  const digits = numberArgument("round", args[1], 2);
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new TemplateError(`round: digits must be an integer from 0 to 15, got ${digits}`);
  }
  return realResult("round", args, mathFunctions.round(x, digits));
}

/**
 * `at(list, index)`: the element at a 0-based `index` of a list (a calc result such as `softmax(…)` or
 * `analyzeNetwork(…).layers`); a negative index counts from the end (`at(list, -1)` is the last element).
 */
function at(...args: unknown[]): unknown {
  arity("at", args, 2, 2);
  const [list, index] = args;
  if (!Array.isArray(list)) throw new TemplateError(`at: the first argument must be a list, got ${describeValue(list)}`);
  if (typeof index !== "number" || !Number.isInteger(index)) {
    throw new TemplateError(`at: the index must be an integer, got ${describeValue(index)}`);
  }
  if (index >= list.length || index < -list.length) {
    throw new TemplateError(`at: index ${index} is outside the list of ${list.length} (0 to ${list.length - 1}, or negative from the end)`);
  }
  return list[index < 0 ? list.length + index : index];
}

type CalcArgument = "options" | "number" | "string";

/**
 * The lib/calc exports templates may call, with the kind of their single argument. Every other export is
 * either a type, a constant or a preset, or `parseNetworkSpec` (it returns its input; use `analyzeNetwork`).
 */
const CALC_FUNCTIONS = {
  convOutputSize: "options",
  transposedConvOutputSize: "options",
  samePadding: "options",
  convParams: "options",
  linearParams: "options",
  batchNormParams: "options",
  convBnBlockParams: "options",
  stackedKernelComparison: "options",
  receptiveField: "options",
  convMacs: "options",
  convFlops: "options",
  linearMacs: "options",
  linearFlops: "options",
  macsToFlops: "number",
  flopsToMacs: "number",
  bytesPerElement: "string",
  activationMemory: "options",
  parameterBytes: "options",
  trainingMemory: "options",
  convertBytes: "options",
  poolOutputSize: "options",
  adaptivePoolOutputSize: "options",
  adaptivePoolBins: "options",
  mapBoxToFeatureMap: "options",
  roiPoolBins: "options",
  roiAlignBins: "options",
  fpsFromFlops: "options",
  latencyMs: "options",
  requiredFlopsPerSecond: "options",
  iou: "options",
  softmax: "options",
  logSoftmax: "options",
  crossEntropy: "options",
  sigmoid: "number",
  binaryCrossEntropy: "options",
  binaryCrossEntropyWithLogits: "options",
  analyzeNetwork: "options",
} as const satisfies Partial<Record<keyof typeof calc, CalcArgument>>;

/** Calls a lib/calc function with its one argument checked; a CalcError becomes a TemplateError naming the function. */
function calcFunction(name: keyof typeof CALC_FUNCTIONS, argument: CalcArgument): AnyFunction {
  const fn = calc[name] as unknown as AnyFunction;
  const example = argument === "options" ? "an options object such as {kernel: k, …}" : `a ${argument}`;
  return (...args: unknown[]) => {
    const value = args[0];
    const ok =
      args.length === 1 &&
      (argument === "options" ? isPlainObject(value) : argument === "number" ? typeof value === "number" : typeof value === "string");
    if (!ok) {
      throw new TemplateError(`${name} takes one argument, ${example}; got ${args.length === 1 ? describeValue(value) : `${args.length} arguments`}`);
    }
    try {
      return fn(value);
    } catch (error) {
      if (error instanceof calc.CalcError) throw new TemplateError(`${name}: ${error.message}`, { cause: error });
      throw error;
    }
  };
}

const table = new Map<string, AnyFunction>([
  ["floor", mathFunction("floor", 1, 1)],
  ["ceil", mathFunction("ceil", 1, 1)],
  ["round", round as AnyFunction],
  ["abs", mathFunction("abs", 1, 1)],
  ["min", extremum("min")],
  ["max", extremum("max")],
  ["sqrt", mathFunction("sqrt", 1, 1)],
  ["log", mathFunction("log", 1, 2)],
  ["log2", mathFunction("log2", 1, 1)],
  ["log10", mathFunction("log10", 1, 1)],
  ["exp", mathFunction("exp", 1, 1)],
  ["pow", mathFunction("pow", 2, 2)],
  ["at", at],
  ...Object.entries(CALC_FUNCTIONS).map(
    ([name, argument]) => [name, calcFunction(name as keyof typeof CALC_FUNCTIONS, argument)] as [string, AnyFunction],
  ),
]);

/** Every function a template expression may call: math functions, `at`, then the lib/calc functions. */
export const ALLOWED_FUNCTIONS: readonly string[] = Object.freeze([...table.keys()]);

/** The callable behind each name of {@link ALLOWED_FUNCTIONS}. Internal to lib/numeric. */
export const FUNCTION_TABLE: ReadonlyMap<string, AnyFunction> = table;

/**
 * Fields of calc results a template may read with `.field` (or `["field"]`): the numeric fields and nested
 * objects and lists of the result types (`BatchNormParams`, `NetworkAnalysis`, `RoiPoolBins`, …). Any other
 * property, in particular `constructor`, `__proto__` and `prototype`, is rejected before evaluation.
 */
export const ALLOWED_FIELDS: ReadonlySet<string> = new Set([
  // BatchNormParams, ConvBnBlockParams
  "params",
  "runningStats",
  "buffers",
  "weights",
  "bias",
  "batchNorm",
  "total",
  // StackedKernelComparison
  "receptiveField",
  "singleKernel",
  "stackedParams",
  "singleParams",
  "ratio",
  "nonlinearities",
  // ReceptiveFieldResult, ReceptiveFieldStep
  "jump",
  "start",
  "end",
  "index",
  "effectiveKernel",
  "layers",
  // SamePadding
  "before",
  "after",
  // ActivationMemory, TrainingMemory
  "elements",
  "bytes",
  "parameters",
  "gradients",
  "optimizerState",
  "activations",
  // RoiPoolBins, RoiAlignBins, PoolBin
  "roi",
  "roiSize",
  "binSize",
  "rows",
  "cols",
  "x1",
  "y1",
  "x2",
  "y2",
  "height",
  "width",
  "empty",
  "samples",
  "samplingGrid",
  // NetworkAnalysis, NetworkTotals, LayerAnalysis
  "totals",
  "trainableParams",
  "macs",
  "flops",
  "activationElements",
  "outputShape",
]);
