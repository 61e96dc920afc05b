/**
 * The private mathjs instance behind template expressions, set up as mathjs's security guidance says
 * (https://mathjs.org/docs/expressions/security.html): a separate instance built from a minimal factory set (the
 * parser, the operators the allow-list permits, a few math functions, `pi` and `e`), references kept to what
 * this library needs, then every function that could parse, compile, define or import something replaced by one
 * that throws. The global `mathjs` default instance is never used. `evaluate.ts` adds the second layer: an
 * allow-list walk over the parsed tree.
 */
import {
  absDependencies,
  addDependencies,
  andDependencies,
  andTransformDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  eDependencies,
  equalDependencies,
  expDependencies,
  floorDependencies,
  largerDependencies,
  largerEqDependencies,
  log10Dependencies,
  log2Dependencies,
  logDependencies,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  orTransformDependencies,
  parseDependencies,
  piDependencies,
  powDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
  xorDependencies,
  type FactoryFunctionMap,
  type MathNode,
} from "mathjs";

// mathjs's typings declare each `…Dependencies` export as possibly undefined; they are all defined.
const factories = {
  parseDependencies,
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  powDependencies,
  modDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  smallerDependencies,
  largerDependencies,
  smallerEqDependencies,
  largerEqDependencies,
  equalDependencies,
  unequalDependencies,
  andDependencies,
  orDependencies,
  xorDependencies,
  notDependencies,
  andTransformDependencies,
  orTransformDependencies,
  floorDependencies,
  ceilDependencies,
  roundDependencies,
  absDependencies,
  minDependencies,
  maxDependencies,
  sqrtDependencies,
  logDependencies,
  log2Dependencies,
  log10Dependencies,
  expDependencies,
  piDependencies,
  eDependencies,
} as FactoryFunctionMap;

const math = create(
  factories,
  // Plain arrays, not Matrix objects, so `[a, b]` reaches lib/calc as a JavaScript array; plain numbers.
  { matrix: "Array", number: "number" },
);

/** The parser, kept before `parse` is disabled on the instance below. */
const parseReference = math.parse.bind(math);

/**
 * The math functions templates may call, as references to this instance's typed functions. `evaluate.ts`
 * wraps them so they accept and return plain numbers only.
 */
export const mathFunctions = {
  floor: math.floor,
  ceil: math.ceil,
  round: math.round,
  abs: math.abs,
  min: math.min,
  max: math.max,
  sqrt: math.sqrt,
  log: math.log,
  log2: math.log2,
  log10: math.log10,
  exp: math.exp,
  pow: math.pow,
} as const;

/**
 * Names disabled on the instance: each now throws, whatever an expression or a future change tries. (`chain`
 * is absent from the minimal factory set, and mathjs's `import` refuses to define it, so it stays undefined.)
 */
export const DISABLED_MATH_FUNCTIONS = [
  "import",
  "createUnit",
  "reviver",
  "evaluate",
  "parse",
  "simplify",
  "simplifyCore",
  "derivative",
  "resolve",
  "compile",
  "rationalize",
  "help",
  "parser",
] as const;

function disabled(name: string): () => never {
  return () => {
    throw new Error(`function ${name} is disabled in template expressions`);
  };
}

math.import(Object.fromEntries(DISABLED_MATH_FUNCTIONS.map((name) => [name, disabled(name)])), { override: true });

/**
 * Parses a mathjs expression with the private instance. Parsing only builds a tree; nothing is evaluated.
 * Throws mathjs's `SyntaxError` on bad syntax (callers wrap it in a TemplateError).
 */
export function parseMath(source: string): MathNode {
  return parseReference(source);
}
