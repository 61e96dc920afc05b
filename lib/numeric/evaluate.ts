/**
 * The restricted evaluator for template expressions (`derive`, `constraints`, `answer`, `mistakes[].when`).
 *
 * Two layers, so that a mistake in one is not enough to escape:
 * 1. the private, trimmed mathjs instance of `math.ts` (dangerous functions disabled);
 * 2. an allow-list walk over every parsed tree before it is compiled: only the node types, operators,
 *    functions, constants and result fields listed here pass; anything else is a {@link TemplateError} at
 *    compile time, before a single node is evaluated.
 * At run time the scope holds only the template's variables and the functions of `functions.ts`.
 */
import type {
  AccessorNode,
  ArrayNode,
  ConditionalNode,
  ConstantNode,
  FunctionNode,
  IndexNode,
  MathNode,
  ObjectNode,
  OperatorNode,
  ParenthesisNode,
  SymbolNode,
} from "mathjs";
import { TemplateError } from "./errors";
import { ALLOWED_FIELDS, ALLOWED_FUNCTIONS, FUNCTION_TABLE } from "./functions";
import { parseMath } from "./math";

/** Node types an expression may contain (`IndexNode` only as the `.field` of an `AccessorNode`). */
export const ALLOWED_NODE_TYPES = [
  "ConstantNode",
  "SymbolNode",
  "OperatorNode",
  "RelationalNode",
  "ParenthesisNode",
  "ConditionalNode",
  "ObjectNode",
  "ArrayNode",
  "FunctionNode",
  "AccessorNode",
] as const;

/** mathjs operator functions allowed: `+ - * / ^ %` (and `mod`), unary `-`/`+`, comparisons, `and or xor not`. */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "mod",
  "unaryMinus",
  "unaryPlus",
  "smaller",
  "larger",
  "smallerEq",
  "largerEq",
  "equal",
  "unequal",
  "and",
  "or",
  "xor",
  "not",
]);

/** Named constants an expression may use (`true` and `false` are literals). */
export const ALLOWED_CONSTANTS: ReadonlySet<string> = new Set(["pi", "e"]);

/** Longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 1000;
/** Deepest nesting of the parsed tree accepted. */
const MAX_DEPTH = 60;
/** Longest string literal (`"fp16"`, `"conv2d"`, `"MiB"`). */
const MAX_STRING_LENGTH = 100;
/** Compiled expressions kept; a template bank has a few hundred, so the cache never churns in practice. */
const CACHE_SIZE = 2000;

/** The variable-name rule of content/README.md. */
export const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A parsed, checked and compiled expression. */
export interface CompiledExpression {
  /** The source text. */
  readonly source: string;
  /** Names the expression reads as variables, in first-use order (functions and `pi`/`e` excluded). */
  readonly variables: readonly string[];
  /**
   * Evaluates with the given variable values. Returns whatever the expression yields (a number, a boolean, a
   * list or an object from a calc function); throws {@link TemplateError} naming the expression on failure.
   */
  evaluate(values: ReadonlyMap<string, number>): unknown;
}

interface Checked {
  readonly source: string;
  readonly variables: readonly string[];
  readonly run: (scope: Scope) => unknown;
}

const cache = new Map<string, Checked>();

/**
 * The scope mathjs sees: the function table first (so a variable can never shadow a function), then the
 * variables. Read-only; no expression can assign, since assignment nodes are rejected.
 */
class Scope {
  constructor(private readonly values: ReadonlyMap<string, number>) {}
  has(name: string): boolean {
    return FUNCTION_TABLE.has(name) || this.values.has(name);
  }
  get(name: string): unknown {
    return FUNCTION_TABLE.get(name) ?? this.values.get(name);
  }
  set(): never {
    throw new TemplateError("expressions cannot assign");
  }
  keys(): IterableIterator<string> {
    return [...FUNCTION_TABLE.keys(), ...this.values.keys()][Symbol.iterator]();
  }
}

const NODE_PROBLEMS: Record<string, string> = {
  AssignmentNode: "assignment (`=`) is not allowed",
  FunctionAssignmentNode: "defining a function is not allowed",
  BlockNode: "only one expression is allowed (no `;` or line breaks between expressions)",
  RangeNode: "ranges (`a:b`) are not allowed",
  IndexNode: "indexing with `[ ]` is not allowed; use `at(list, i)` for list elements or `.field` for result fields",
};

function fail(problem: string, source: string): never {
  throw new TemplateError(problem, { expression: source });
}

/** Checks one tree against the allow-lists and collects the variable names it reads. */
function walk(node: MathNode, source: string, depth: number, variables: string[]): void {
  if (depth > MAX_DEPTH) fail(`the expression is nested more than ${MAX_DEPTH} levels deep`, source);
  const next = depth + 1;
  switch (node.type) {
    case "ConstantNode": {
      const value = (node as ConstantNode).value as unknown;
      if (typeof value === "number") {
        if (!Number.isFinite(value)) fail(`the number ${String(value)} is not allowed (only finite numbers)`, source);
      } else if (typeof value === "string") {
        if (value.length > MAX_STRING_LENGTH) fail(`strings are limited to ${MAX_STRING_LENGTH} characters`, source);
      } else if (typeof value !== "boolean") {
        fail(`the constant ${String(value)} is not allowed`, source);
      }
      return;
    }
    case "SymbolNode": {
      const name = (node as SymbolNode).name;
      if (ALLOWED_CONSTANTS.has(name)) return;
      if (FUNCTION_TABLE.has(name)) fail(`\`${name}\` is a function: call it, as in ${name}(…)`, source);
      if (!VARIABLE_NAME.test(name)) fail(`unknown name \`${name}\``, source);
      if (!variables.includes(name)) variables.push(name);
      return;
    }
    case "ParenthesisNode":
      walk((node as ParenthesisNode).content, source, next, variables);
      return;
    case "OperatorNode": {
      const operator = node as OperatorNode;
      if (!ALLOWED_OPERATORS.has(operator.fn)) fail(`the operator \`${operator.op}\` is not allowed`, source);
      for (const arg of operator.args) walk(arg, source, next, variables);
      return;
    }
    case "RelationalNode": {
      const relation = node as unknown as { conditionals: string[]; params: MathNode[] };
      for (const conditional of relation.conditionals) {
        if (!ALLOWED_OPERATORS.has(conditional)) fail(`the comparison \`${conditional}\` is not allowed`, source);
      }
      for (const param of relation.params) walk(param, source, next, variables);
      return;
    }
    case "ConditionalNode": {
      const conditional = node as ConditionalNode;
      walk(conditional.condition, source, next, variables);
      walk(conditional.trueExpr, source, next, variables);
      walk(conditional.falseExpr, source, next, variables);
      return;
    }
    case "ArrayNode":
      for (const item of (node as ArrayNode).items) walk(item, source, next, variables);
      return;
    case "ObjectNode": {
      const properties = (node as ObjectNode).properties;
      // mathjs builds `properties` by assignment, so a `__proto__` key replaces its prototype instead of adding a key.
      if (Object.getPrototypeOf(properties) !== Object.prototype) fail("the object key `__proto__` is not allowed", source);
      for (const key of Object.keys(properties)) {
        if (!VARIABLE_NAME.test(key) || key in Object.prototype || key === "prototype") {
          fail(`the object key \`${key}\` is not allowed (keys are plain names such as kernel or inChannels)`, source);
        }
        walk(properties[key]!, source, next, variables);
      }
      return;
    }
    case "FunctionNode": {
      const call = node as FunctionNode<MathNode>;
      if ((call as unknown as { optional?: boolean }).optional) fail("optional calls (`?.()`) are not allowed", source);
      if (call.fn.type !== "SymbolNode") fail("only named functions can be called, as in convParams({…})", source);
      const name = (call.fn as SymbolNode).name;
      if (!FUNCTION_TABLE.has(name)) {
        fail(`unknown function \`${name}\`; allowed: ${ALLOWED_FUNCTIONS.join(", ")}`, source);
      }
      for (const arg of call.args) walk(arg, source, next, variables);
      return;
    }
    case "AccessorNode": {
      const accessor = node as AccessorNode;
      if (accessor.optionalChaining) fail("optional chaining (`?.`) is not allowed", source);
      const index = accessor.index as IndexNode;
      const dimension = index.type === "IndexNode" && index.dimensions.length === 1 ? index.dimensions[0] : undefined;
      const field = dimension?.type === "ConstantNode" ? ((dimension as ConstantNode).value as unknown) : undefined;
      if (typeof field !== "string") {
        fail("indexing with `[ ]` is not allowed; use `at(list, i)` for list elements or `.field` for result fields", source);
      }
      if (!ALLOWED_FIELDS.has(field)) {
        fail(`the field \`${field}\` is not allowed; readable fields: ${[...ALLOWED_FIELDS].join(", ")}`, source);
      }
      walk(accessor.object, source, next, variables);
      return;
    }
    default:
      fail(NODE_PROBLEMS[node.type] ?? `${node.type} is not allowed in template expressions`, source);
  }
}

function checkAndCompile(source: string): Checked {
  if (typeof source !== "string") throw new TemplateError("an expression must be a string");
  if (source.trim() === "") throw new TemplateError("an expression is empty");
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new TemplateError(`an expression has ${source.length} characters; at most ${MAX_EXPRESSION_LENGTH} are allowed`);
  }
  let node: MathNode;
  try {
    node = parseMath(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new TemplateError(`does not parse: ${message}`, { expression: source, cause: error });
  }
  const variables: string[] = [];
  walk(node, source, 0, variables);
  const compiled = node.compile();
  return { source, variables, run: (scope) => compiled.evaluate(scope) };
}

/**
 * Parses, checks and compiles an expression once (cached by its source), and checks that every name it reads
 * is one of `variables`.
 *
 * Allowed: numbers, strings and `true`/`false`; the variables; `pi`, `e`; the operators of
 * {@link ALLOWED_OPERATORS}; `a ? b : c`; `[a, b]`; `{key: value}` with plain-name keys; calls of the functions of
 * {@link ALLOWED_FUNCTIONS} by name; `.field` (or `["field"]`) for the fields of {@link ALLOWED_FIELDS}.
 * Everything else (assignment, function definitions, `;`, ranges, numeric indexing, method calls, unknown names
 * and functions, `constructor`/`__proto__`) throws {@link TemplateError} here, before anything runs.
 *
 * @param source - the expression, at most {@link MAX_EXPRESSION_LENGTH} characters.
 * @param variables - the names the expression may read (for a `derive`, only the variables declared before it).
 *
 * @example
 * ```ts
 * const e = compileExpression("convParams({kernel: k, inChannels: c, outChannels: 2 * c})", ["k", "c"]);
 * e.evaluate(new Map([["k", 3], ["c", 8]])); // 1168 = 3·3·8·16 + 16
 * compileExpression("k.constructor", ["k"]); // throws TemplateError: the field `constructor` is not allowed…
 * ```
 */
export function compileExpression(source: string, variables: readonly string[]): CompiledExpression {
  let checked = cache.get(source);
  if (!checked) {
    checked = checkAndCompile(source);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(source, checked);
  }
  for (const name of checked.variables) {
    if (!variables.includes(name)) {
      const known = variables.length === 0 ? "none" : variables.join(", ");
      fail(`unknown name \`${name}\` (known variables here: ${known})`, source);
    }
  }
  const { run } = checked;
  return {
    source,
    variables: checked.variables,
    evaluate(values: ReadonlyMap<string, number>): unknown {
      try {
        return run(new Scope(values));
      } catch (error) {
        if (error instanceof TemplateError) {
          if (error.expression !== undefined) throw error;
          throw new TemplateError(error.problem, { expression: source, cause: error.cause ?? error });
        }
        const message = error instanceof Error ? error.message : String(error);
        throw new TemplateError(message, { expression: source, cause: error });
      }
    },
  };
}

/**
 * Compiles (cached) and evaluates `source` with `values` in one call; the names of `values` are the allowed
 * variables. For tests and tools; instance generation compiles once and evaluates many times.
 *
 * @example
 * ```ts
 * evaluateExpression("batchNormParams({channels: c}).params", { c: 64 }); // 128 = 2·64
 * ```
 */
export function evaluateExpression(source: string, values: Readonly<Record<string, number>> = {}): unknown {
  const map = new Map(Object.entries(values));
  return compileExpression(source, [...map.keys()]).evaluate(map);
}

/** A short description of a non-number result for error messages. */
function describeResult(value: unknown): string {
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return "a string";
  if (Array.isArray(value)) return "a list";
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "object" && "re" in value && "im" in value) return "a complex number";
  return "an object";
}

/**
 * Evaluates and requires a finite number; `what` names the result in the error ("the answer").
 * Throws {@link TemplateError} otherwise (Infinity from a division by zero, NaN, a list, an object…).
 */
export function evaluateNumber(expression: CompiledExpression, values: ReadonlyMap<string, number>, what: string): number {
  const result = expression.evaluate(values);
  if (typeof result !== "number" || !Number.isFinite(result)) {
    const hint = result === Infinity || result === -Infinity ? " (a division by zero?)" : "";
    throw new TemplateError(`${what} must be a finite number, got ${describeResult(result)}${hint}`, { expression: expression.source });
  }
  return result;
}

/** Evaluates and requires `true` or `false` (a comparison); `what` names the expression in the error. */
export function evaluateCondition(expression: CompiledExpression, values: ReadonlyMap<string, number>, what: string): boolean {
  const result = expression.evaluate(values);
  if (typeof result !== "boolean") {
    throw new TemplateError(`${what} must be true or false (a comparison such as c_out >= c_in), got ${describeResult(result)}`, {
      expression: expression.source,
    });
  }
  return result;
}
