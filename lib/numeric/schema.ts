/**
 * The `template:` block of a numeric question (content/README.md, "### Numeric"), as a zod schema. Messages say
 * what was expected; they are shown to content authors as `file: field: message`.
 *
 * The parsed value has the same shape as the YAML (plus the defaults `constraints: []` and `mistakes: []`),
 * so it can be stored as JSON and parsed again with this schema.
 */
import { z } from "zod";
import { ALLOWED_CONSTANTS, MAX_EXPRESSION_LENGTH, VARIABLE_NAME } from "./evaluate";
import { ALLOWED_FUNCTIONS } from "./functions";
import { NUMERIC_UNITS } from "./units";

/** Most values a `range` may hold, so a draw stays one 32-bit random number and a typo like 1e9 is caught. */
export const MAX_RANGE_COUNT = 1_000_000;
/** Most variables per template. */
export const MAX_VARIABLES = 20;
/** Most constraints per template. */
export const MAX_CONSTRAINTS = 20;
/** Most mistakes per template. */
export const MAX_MISTAKES = 12;
/** Longest solution, in characters of Markdown (the section limit of lib/content). */
export const MAX_SOLUTION_LENGTH = 20_000;
/** Longest mistake feedback, in characters of Markdown. */
export const MAX_FEEDBACK_LENGTH = 1_000;

/**
 * Names a variable may not take: `answer` (the placeholder of the answer), the constants and keywords of the
 * expression language, mathjs's reserved `end`, and every allowed function (a variable would hide it).
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  "answer",
  ...ALLOWED_CONSTANTS,
  "true",
  "false",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "end",
  "mod",
  "to",
  "in",
  "and",
  "or",
  "xor",
  "not",
  ...ALLOWED_FUNCTIONS,
]);

// An object schema's own message for a wrong type; other issues (unknown keys) keep zod's wording.
const mapping = (expected: string) => (issue: { code?: string; input?: unknown }) =>
  issue.code === "invalid_type" ? (issue.input === undefined ? `missing: expected ${expected}` : `expected ${expected}`) : undefined;

const integer = (what: string) => z.number({ error: `expected ${what} (a whole number)` }).int(`expected ${what} (a whole number)`);

const expressionSchema = z
  .string({ error: 'expected an expression in quotes, e.g. "k * k * c_in"' })
  .trim()
  .min(1, "expected a non-empty expression")
  .max(MAX_EXPRESSION_LENGTH, `expected an expression of at most ${MAX_EXPRESSION_LENGTH} characters`);

/** One entry of `variables`: a list to pick from, an integer range, or an expression of earlier variables. */
export type VariableSpec = { choices: number[] } | { range: [number, number]; step?: number } | { derive: string };

const variableSchema = z
  .strictObject(
    {
      choices: z
        .array(z.number({ error: "expected every choice to be a number" }).refine(Number.isFinite, "expected finite numbers"), {
          error: "expected `choices` to be a list of numbers, e.g. [1, 3, 5]",
        })
        .min(1, "expected at least one choice")
        .max(1000, "expected at most 1000 choices")
        .optional(),
      range: z
        .tuple([integer("lo"), integer("hi")], { error: "expected `range` to be [lo, hi] with whole numbers, both inclusive" })
        .optional(),
      step: integer("step").min(1, "expected step >= 1").optional(),
      derive: expressionSchema.optional(),
    },
    { error: mapping("{ choices: [...] }, { range: [lo, hi], step } or { derive: \"expression\" }") },
  )
  .superRefine((spec, context) => {
    const kinds = (["choices", "range", "derive"] as const).filter((kind) => spec[kind] !== undefined);
    if (kinds.length !== 1) {
      context.addIssue({
        code: "custom",
        message:
          kinds.length === 0
            ? "expected one of `choices`, `range` or `derive`"
            : `expected only one of \`choices\`, \`range\` or \`derive\`, got ${kinds.map((kind) => `\`${kind}\``).join(" and ")}`,
      });
      return;
    }
    if (spec.step !== undefined && spec.range === undefined) {
      context.addIssue({ code: "custom", message: "`step` goes with `range` only", path: ["step"] });
    }
    const step = spec.step ?? 1;
    // zod still runs this refinement after a failed `step` or bound check; those issues are reported already.
    if (spec.range && Number.isInteger(step) && step >= 1 && spec.range.every(Number.isInteger)) {
      const [lo, hi] = spec.range;
      if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
        context.addIssue({ code: "custom", message: "expected `range` bounds within ±2^53", path: ["range"] });
      } else if (lo > hi) {
        context.addIssue({ code: "custom", message: `expected lo <= hi in \`range\`, got [${lo}, ${hi}]`, path: ["range"] });
      } else if ((hi - lo) % step !== 0) {
        context.addIssue({
          code: "custom",
          message: `expected hi - lo (${hi - lo}) to be a multiple of step (${step}), so both ends can be drawn`,
          path: ["range"],
        });
      } else if ((hi - lo) / step + 1 > MAX_RANGE_COUNT) {
        context.addIssue({ code: "custom", message: `expected at most ${MAX_RANGE_COUNT} values in \`range\``, path: ["range"] });
      }
    }
  })
  .transform((spec) => spec as VariableSpec);

const variablesSchema = z
  .record(z.string(), variableSchema, { error: mapping("a mapping of variable names to { choices }, { range } or { derive }") })
  .superRefine((variables, context) => {
    const names = Object.keys(variables);
    if (names.length === 0) context.addIssue({ code: "custom", message: "expected at least one variable" });
    if (names.length > MAX_VARIABLES) context.addIssue({ code: "custom", message: `expected at most ${MAX_VARIABLES} variables` });
    for (const name of names) {
      if (!VARIABLE_NAME.test(name)) {
        context.addIssue({ code: "custom", message: "expected a variable name: a letter, then letters, digits or _", path: [name] });
      } else if (RESERVED_NAMES.has(name)) {
        context.addIssue({
          code: "custom",
          message: name === "answer" ? "`answer` is reserved (it is the answer's placeholder)" : `\`${name}\` is reserved (a constant, keyword or function name)`,
          path: [name],
        });
      }
    }
  });

/** `tolerance:` of a template; see content/README.md. */
export const toleranceSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("exact") }),
    z.strictObject({
      type: z.literal("absolute"),
      value: z.number({ error: "expected `value`: the largest allowed difference, a number > 0" }).positive("expected a value > 0").refine(Number.isFinite, "expected a finite value"),
    }),
    z.strictObject({
      type: z.literal("relative"),
      value: z
        .number({ error: "expected `value`: the largest allowed relative difference, e.g. 0.01 for 1 %" })
        .positive("expected a value > 0")
        .max(1, "expected a value <= 1 (0.01 means 1 %)"),
    }),
    z.strictObject({
      type: z.literal("sigfigs"),
      value: integer("the number of significant figures").min(1, "expected 1 to 15 significant figures").max(15, "expected 1 to 15 significant figures"),
    }),
  ],
  {
    error: (issue) =>
      issue.input === undefined
        ? "missing: expected a tolerance such as { type: exact } or { type: relative, value: 0.01 }"
        : "expected `type` to be exact, absolute, relative or sigfigs",
  },
);

/** A numeric template's tolerance. */
export type Tolerance = z.infer<typeof toleranceSchema>;

const mistakeSchema = z.strictObject(
  {
    when: expressionSchema,
    feedback: z
      .string({ error: "expected `feedback`: what the learner probably did wrong" })
      .trim()
      .min(1, "expected non-empty feedback")
      .max(MAX_FEEDBACK_LENGTH, `expected feedback of at most ${MAX_FEEDBACK_LENGTH} characters`),
  },
  { error: mapping("{ when: \"expression\", feedback: \"text\" }") },
);

/**
 * The `template:` block of a numeric question. See content/README.md ("### Numeric") for every field.
 *
 * @example
 * ```ts
 * numericTemplateSchema.parse({
 *   variables: { k: { choices: [1, 3] }, c: { range: [16, 64], step: 16 } },
 *   answer: "convParams({kernel: k, inChannels: c, outChannels: c})",
 *   tolerance: { type: "exact" },
 *   unit: "parameters",
 *   solution: "{{k}}² · {{c}}² + {{c}} = {{answer}}",
 * }); // => the same object with constraints: [] and mistakes: []
 * ```
 */
export const numericTemplateSchema = z.strictObject(
  {
    variables: variablesSchema,
    constraints: z
      .array(expressionSchema, { error: 'expected `constraints` to be a list of expressions such as "c_out >= c_in"' })
      .max(MAX_CONSTRAINTS, `expected at most ${MAX_CONSTRAINTS} constraints`)
      .default([]),
    answer: expressionSchema,
    tolerance: toleranceSchema,
    unit: z.enum(NUMERIC_UNITS, { error: `expected \`unit\` to be one of ${NUMERIC_UNITS.join(", ")}` }),
    mistakes: z
      .array(mistakeSchema, { error: "expected `mistakes` to be a list of { when, feedback }" })
      .max(MAX_MISTAKES, `expected at most ${MAX_MISTAKES} mistakes`)
      .default([]),
    solution: z
      .string({ error: "expected `solution`: a worked solution in Markdown (use `solution: |` for several lines)" })
      .trim()
      .min(1, "expected a non-empty solution")
      .max(MAX_SOLUTION_LENGTH, `expected a solution of at most ${MAX_SOLUTION_LENGTH} characters`),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type"
        ? issue.input === undefined
          ? "numeric questions need a `template:` block"
          : "expected `template:` to be a mapping"
        : undefined,
  },
);

/** A parsed `template:` block. */
export type NumericTemplate = z.infer<typeof numericTemplateSchema>;
/** The `template:` block before defaults (what a YAML file or a stored JSON holds). */
export type NumericTemplateInput = z.input<typeof numericTemplateSchema>;
