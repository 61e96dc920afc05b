import { describe, expect, it } from "vitest";
import * as calc from "../calc";
import { TemplateError, compileExpression, evaluateExpression, ALLOWED_FIELDS, ALLOWED_FUNCTIONS } from "./index";
import { DISABLED_MATH_FUNCTIONS, parseMath } from "./math";

const VARIABLES = ["k", "c", "x"];

/** Compiling only parses and checks; it never evaluates, so a rejection here means nothing ran. */
function rejection(source: string): TemplateError {
  try {
    compileExpression(source, VARIABLES);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error(`expected "${source}" to be rejected`);
}

describe("compileExpression: escape attempts are rejected before anything runs", () => {
  const attempts: Array<[string, RegExp]> = [
    ['import({}, {})', /unknown function `import`/],
    ['evaluate("1")', /unknown function `evaluate`/],
    ['parse("1")', /unknown function `parse`/],
    ['compile("1")', /unknown function `compile`/],
    ['createUnit("x")', /unknown function `createUnit`/],
    ['simplify("x")', /unknown function `simplify`/],
    ['derivative("x", "x")', /unknown function `derivative`/],
    ['resolve("x")', /unknown function `resolve`/],
    ["chain(1)", /unknown function `chain`/],
    ["reviver(1)", /unknown function `reviver`/],
    ["sin(1)", /unknown function `sin`/],
    ["f(x) = 1", /defining a function is not allowed/],
    ["a = 1", /assignment \(`=`\) is not allowed/],
    ["k = 1; k", /only one expression is allowed/],
    ["1; 2", /only one expression is allowed/],
    ["[1, 2][1]", /indexing with `\[ \]` is not allowed/],
    ["x[1]", /indexing with `\[ \]` is not allowed/],
    ["x[k]", /indexing with `\[ \]` is not allowed/],
    ["({}).constructor", /the field `constructor` is not allowed/],
    ["convParams.constructor", /the field `constructor` is not allowed/],
    ['x["constructor"]', /the field `constructor` is not allowed/],
    ["x.__proto__", /the field `__proto__` is not allowed/],
    ["x.prototype", /the field `prototype` is not allowed/],
    ["{__proto__: 1}", /object key `__proto__` is not allowed/],
    ["{constructor: 1}", /object key `constructor` is not allowed/],
    ["__proto__", /unknown name `__proto__`/],
    ["this", /unknown name `this`/],
    ["process", /unknown name `process`/],
    ['require("fs")', /unknown function `require`/],
    ["globalThis", /unknown name `globalThis`/],
    ['cos.constructor("return process")()', /does not parse/],
    ['x.constructor("return process")', /only named functions can be called/],
    ['k.toString()', /only named functions can be called/],
    ['convParams({kernel: 3, inChannels: 1, outChannels: 1}).toString()', /only named functions can be called/],
    ["convParams", /`convParams` is a function: call it/],
    ["x?.params", /optional chaining/],
    ["1:3", /ranges \(`a:b`\) are not allowed/],
    ["5 cm", /unknown name `cm`/],
    ["2 inch to cm", /the operator `to` is not allowed|unknown name/],
    ["3!", /the operator `!` is not allowed/],
    ["k & 1", /the operator `&` is not allowed/],
    ["x'", /the operator `'` is not allowed/],
    ["NaN", /NaN is not allowed|not allowed/],
    ["null", /the constant null is not allowed/],
    ["1e999", /Infinity is not allowed/],
    ["at.call(1)", /the field `call` is not allowed|only named functions/],
  ];

  it.each(attempts)("%s", (source, message) => {
    const error = rejection(source);
    expect(error.message).toMatch(message);
    expect(error.expression).toBe(source);
  });

  it("rejects unknown variables, naming the known ones", () => {
    expect(() => compileExpression("k + y", ["k"])).toThrow('in "k + y": unknown name `y` (known variables here: k)');
    expect(() => compileExpression("foo(1)", VARIABLES)).toThrow(/unknown function `foo`; allowed: floor, ceil, round/);
  });

  it("rejects syntax errors, empty and over-long expressions", () => {
    expect(() => compileExpression("1 +", [])).toThrow(/does not parse/);
    expect(() => compileExpression("  ", [])).toThrow("an expression is empty");
    expect(() => compileExpression(`1${"+1".repeat(600)}`, [])).toThrow(/1201 characters; at most 1000/);
  });

  it("rejects deeply nested expressions without overflowing the stack", () => {
    const deep = `${"(".repeat(200)}1${")".repeat(200)}`;
    expect(() => compileExpression(deep, [])).toThrow(TemplateError);
  });

  it("the attempts left no trace on the global object", () => {
    for (const [source] of attempts) expect(() => evaluateExpression(source, { k: 1, c: 2, x: 3 })).toThrow(TemplateError);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});

describe("the private mathjs instance (first layer, without the allow-list)", () => {
  it.each(["import", "evaluate", "parse", "compile", "createUnit", "simplify", "derivative", "resolve", "reviver"])(
    "%s throws even when the tree reaches mathjs directly",
    (name) => {
      expect(DISABLED_MATH_FUNCTIONS).toContain(name);
      expect(() => parseMath(`${name}("1")`).compile().evaluate(new Map())).toThrow(`function ${name} is disabled in template expressions`);
    },
  );

  it("chain is not defined at all", () => {
    expect(() => parseMath("chain(1)").compile().evaluate(new Map())).toThrow("Undefined function chain");
  });
});

describe("evaluateExpression: what templates may do", () => {
  it("arithmetic, comparisons, logic and conditionals", () => {
    expect(evaluateExpression("k * k * c + c", { k: 3, c: 64 })).toBe(640); // 9·64 + 64
    expect(evaluateExpression("2 ^ 10 + 7 % 3", {})).toBe(1025); // 1024 + 1
    expect(evaluateExpression("c >= k and not (k > 5) or false", { k: 3, c: 64 })).toBe(true);
    expect(evaluateExpression("k > 2 ? 10 : 20", { k: 3 })).toBe(10);
    expect(evaluateExpression("1 < k < 5", { k: 3 })).toBe(true);
    expect(evaluateExpression("-k + +k", { k: 3 })).toBe(0);
  });

  it("the math functions, on numbers only", () => {
    expect(evaluateExpression("floor(7 / 2) + ceil(7 / 2)", {})).toBe(7); // 3 + 4
    expect(evaluateExpression("round(2.5)", {})).toBe(3);
    expect(evaluateExpression("round(1.23456, 2)", {})).toBe(1.23);
    expect(evaluateExpression("abs(-3) + min(3, 1, 2) + max([4, 9])", {})).toBe(13); // 3 + 1 + 9
    expect(evaluateExpression("sqrt(16) + log(8, 2) + log2(1024) + log10(1000)", {})).toBe(20); // 4 + 3 + 10 + 3
    expect(evaluateExpression("exp(0) + pow(2, 3)", {})).toBe(9);
    expect(evaluateExpression("pi", {})).toBe(Math.PI);
    expect(evaluateExpression("e", {})).toBe(Math.E);
    expect(() => evaluateExpression("sqrt(-4)", {})).toThrow('in "sqrt(-4)": sqrt(-4) is not a real number');
    expect(() => evaluateExpression('floor("3")', {})).toThrow('floor: argument 1 must be a number, got "3"');
    expect(() => evaluateExpression("round(1.5, 0.5)", {})).toThrow("round: digits must be an integer from 0 to 15, got 0.5");
    expect(() => evaluateExpression("pow(2)", {})).toThrow("pow takes 2 arguments, got 1");
  });

  it("calc functions with object options and result fields", () => {
    // 3·3·64·128 weights + 128 biases
    expect(evaluateExpression("convParams({kernel: k, inChannels: c, outChannels: 2 * c})", { k: 3, c: 64 })).toBe(73_856);
    // (224 + 2·3 − 7) / 2 = 111.5 → 111, + 1
    expect(evaluateExpression("convOutputSize({input: 224, kernel: 7, stride: 2, padding: 3})", {})).toBe(112);
    // γ and β per channel
    expect(evaluateExpression("batchNormParams({channels: c}).params", { c: 64 })).toBe(128);
    expect(evaluateExpression('batchNormParams({channels: c})["buffers"]', { c: 64 })).toBe(129); // 2·64 + 1
    // 64·112·112 elements · 2 bytes (fp16)
    expect(evaluateExpression('activationMemory({shape: [64, 112, 112], dtype: "fp16"}).bytes', {})).toBe(1_605_632);
    expect(evaluateExpression('convertBytes({bytes: 3670016, unit: "MiB"})', {})).toBe(3.5); // 3.5 · 2^20
    expect(evaluateExpression("macsToFlops(5)", {})).toBe(10);
  });

  it("at() reads list elements, 0-based, negative from the end", () => {
    expect(evaluateExpression("at(softmax({logits: [0, 0]}), 0)", {})).toBe(0.5);
    expect(evaluateExpression("at([4, 5, 6], -1)", {})).toBe(6);
    // conv 3→4, 3×3, padding 1: 3·3·3·4 + 4 = 112 parameters; flatten 4·8·8 = 256; linear 256→10: 2570
    const network = '{input: [3, 8, 8], layers: [{type: "conv2d", out: 4, kernel: 3, padding: 1}, {type: "flatten"}, {type: "linear", out: 10}]}';
    expect(evaluateExpression(`at(analyzeNetwork(${network}).layers, 0).params`, {})).toBe(112);
    expect(evaluateExpression(`at(analyzeNetwork(${network}).layers, -1).params`, {})).toBe(2570);
    expect(evaluateExpression(`analyzeNetwork(${network}).totals.params`, {})).toBe(2682);
    expect(evaluateExpression(`at(at(analyzeNetwork(${network}).layers, 0).outputShape, 1)`, {})).toBe(8);
    expect(() => evaluateExpression("at([1, 2], 2)", {})).toThrow("at: index 2 is outside the list of 2");
    expect(() => evaluateExpression("at(3, 0)", {})).toThrow("at: the first argument must be a list, got 3");
  });

  it("a CalcError becomes a TemplateError naming the function and the expression", () => {
    const source = "convOutputSize({input: 3, kernel: k})";
    let caught: unknown;
    try {
      evaluateExpression(source, { k: 5 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    expect((caught as TemplateError).message).toMatch(/^in "convOutputSize\(\{input: 3, kernel: k\}\)": convOutputSize: kernel \(effective size 5\) is larger/);
    expect((caught as TemplateError).cause).toBeInstanceOf(calc.CalcError);
  });

  it("calc functions take one options object", () => {
    expect(() => evaluateExpression("convParams(3)", {})).toThrow("convParams takes one argument, an options object such as {kernel: k, …}; got 3");
    expect(() => evaluateExpression("convParams()", {})).toThrow(/got 0 arguments/);
    expect(() => evaluateExpression("sigmoid({x: 1})", {})).toThrow("sigmoid takes one argument, a number; got an object");
  });

  it("compiles each source once (cached)", () => {
    const first = compileExpression("k * 2 + c", ["k", "c"]);
    const second = compileExpression("k * 2 + c", ["c", "k"]);
    expect(second.variables).toBe(first.variables);
    expect(first.variables).toEqual(["k", "c"]);
  });
});

describe("allow-lists", () => {
  it("every function export of lib/calc is allowed, except parseNetworkSpec", () => {
    const calcFunctions = Object.entries(calc)
      .filter(([name, value]) => typeof value === "function" && name !== "CalcError")
      .map(([name]) => name);
    const missing = calcFunctions.filter((name) => !ALLOWED_FUNCTIONS.includes(name));
    expect(missing).toEqual(["parseNetworkSpec"]);
  });

  it("no readable field is an Object.prototype member", () => {
    for (const field of ALLOWED_FIELDS) expect(field in Object.prototype || field === "prototype").toBe(false);
  });
});
