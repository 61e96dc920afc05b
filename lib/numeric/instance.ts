/**
 * Draws one instance of a numeric template: the variables from a seeded stream, the derived values, the
 * answer and the values of the common mistakes. A pure function of (template, seed).
 */
import { TemplateError } from "./errors";
import { compileExpression, evaluateCondition, evaluateNumber, type CompiledExpression } from "./evaluate";
import { fillPlaceholders } from "./placeholders";
import { createRng, type Rng } from "./rng";
import type { NumericTemplate, VariableSpec } from "./schema";

/** Default for {@link GenerateInstanceOptions.maxDraws}. */
export const DEFAULT_MAX_DRAWS = 200;

/** Options for {@link generateInstance}. */
export interface GenerateInstanceOptions {
  /** Draws tried before giving up on the constraints (integer >= 1). Default 200. */
  maxDraws?: number;
}

/** A common mistake's value in one instance. */
export interface InstanceMistake {
  /** Index in `template.mistakes`. */
  index: number;
  /** What the learner would answer after making this mistake. */
  value: number;
  /** The mistake's feedback with its placeholders filled (variables and `answer`). */
  feedback: string;
}

/** One instance of a numeric template: what a learner sees and what is checked. */
export interface NumericInstance {
  /** The seed it was drawn with; the same template and seed give the same instance. */
  seed: number;
  /** Every variable (drawn and derived), in declaration order. */
  values: Record<string, number>;
  /** The correct answer, a finite number, in the template's unit. */
  answer: number;
  /** Every mistake of the template, in order (including ones that happen to equal the answer here). */
  mistakes: InstanceMistake[];
}

interface PlannedVariable {
  name: string;
  spec: VariableSpec;
  derive: CompiledExpression | null;
  /** Range draws: number of values, so `lo + step · nextInt(count)` is uniform over them. */
  count: number;
  /** Constraints whose last needed variable is this one: checked right after it is drawn. */
  constraints: CompiledExpression[];
}

/** A template with every expression compiled and each constraint scheduled. */
export interface TemplatePlan {
  variables: PlannedVariable[];
  /** Constraints that read no variable (checked once). */
  constantConstraints: CompiledExpression[];
  answer: CompiledExpression;
  mistakes: CompiledExpression[];
}

const plans = new WeakMap<NumericTemplate, TemplatePlan>();

/**
 * Compiles every expression of a template once (cached per template object, which is treated as immutable).
 * A `derive` may read only earlier variables; constraints, the answer and mistakes read any variable.
 * Throws {@link TemplateError} for the first expression that does not compile.
 *
 * Each constraint is checked as soon as the variables it reads are drawn, so `k <= H` can guard a later
 * `derive` such as `convOutputSize({input: H, kernel: k})` that would otherwise throw.
 */
export function planTemplate(template: NumericTemplate): TemplatePlan {
  const cached = plans.get(template);
  if (cached) return cached;
  const names = Object.keys(template.variables);
  const variables: PlannedVariable[] = Object.entries(template.variables).map(([name, spec], position) => {
    const derive = "derive" in spec ? compileExpression(spec.derive, names.slice(0, position)) : null;
    const count = "range" in spec ? (spec.range[1] - spec.range[0]) / (spec.step ?? 1) + 1 : "choices" in spec ? spec.choices.length : 0;
    return { name, spec, derive, count, constraints: [] };
  });
  const constantConstraints: CompiledExpression[] = [];
  for (const source of template.constraints) {
    const constraint = compileExpression(source, names);
    const last = Math.max(-1, ...constraint.variables.map((name) => names.indexOf(name)));
    if (last === -1) constantConstraints.push(constraint);
    else variables[last]!.constraints.push(constraint);
  }
  const plan: TemplatePlan = {
    variables,
    constantConstraints,
    answer: compileExpression(template.answer, names),
    mistakes: template.mistakes.map((mistake) => compileExpression(mistake.when, names)),
  };
  plans.set(template, plan);
  return plan;
}

function draw(variable: PlannedVariable, rng: Rng, values: ReadonlyMap<string, number>): number {
  const { spec } = variable;
  if ("choices" in spec) return spec.choices[rng.nextInt(variable.count)]!;
  if ("range" in spec) return spec.range[0] + (spec.step ?? 1) * rng.nextInt(variable.count);
  return evaluateNumber(variable.derive!, values, `the derived variable \`${variable.name}\``);
}

/** Draws all variables once; `null` when a constraint fails. */
function attempt(plan: TemplatePlan, rng: Rng): Map<string, number> | null {
  const values = new Map<string, number>();
  for (const variable of plan.variables) {
    values.set(variable.name, draw(variable, rng, values));
    for (const constraint of variable.constraints) {
      if (!evaluateCondition(constraint, values, "a constraint")) return null;
    }
  }
  return values;
}

/**
 * Generates the instance of `template` for `seed`.
 *
 * Variables are drawn in declaration order from one seeded stream (`choices`: uniform over the list; `range`:
 * uniform over lo, lo+step, …, hi; `derive`: evaluated). When a constraint fails, everything is drawn again
 * from the same stream, up to `maxDraws` times. Deterministic: the same template and seed always give the same
 * instance.
 *
 * Throws {@link TemplateError} when the constraints fail `maxDraws` times in a row ("constraints could not be
 * satisfied in 200 draws"), when an expression throws, or when a derived value, the answer or a mistake is
 * not a finite number. Throws RangeError for a seed that is not an integer from 0 to 2³² − 1.
 *
 * @example
 * ```ts
 * const t = numericTemplateSchema.parse({ variables: { c: { choices: [8, 16] } }, answer: "2 * c", … });
 * generateInstance(t, 7); // { seed: 7, values: { c: 16 }, answer: 32, mistakes: [] } (c depends on the seed)
 * ```
 */
export function generateInstance(template: NumericTemplate, seed: number, options: GenerateInstanceOptions = {}): NumericInstance {
  const maxDraws = options.maxDraws ?? DEFAULT_MAX_DRAWS;
  if (!Number.isInteger(maxDraws) || maxDraws < 1) throw new RangeError(`maxDraws must be an integer >= 1, got ${String(maxDraws)}`);
  const rng = createRng(seed);
  const plan = planTemplate(template);
  const empty = new Map<string, number>();
  for (const constraint of plan.constantConstraints) {
    if (!evaluateCondition(constraint, empty, "a constraint")) {
      throw new TemplateError("this constraint reads no variable and is always false", { expression: constraint.source });
    }
  }
  for (let draws = 0; draws < maxDraws; draws++) {
    const values = attempt(plan, rng);
    if (!values) continue;
    const answer = evaluateNumber(plan.answer, values, "the answer");
    const placeholderValues = new Map(values).set("answer", answer);
    const mistakes = plan.mistakes.map((expression, index) => ({
      index,
      value: evaluateNumber(expression, values, `mistake ${index}`),
      feedback: fillPlaceholders(template.mistakes[index]!.feedback, placeholderValues),
    }));
    return { seed, values: Object.fromEntries(values), answer, mistakes };
  }
  throw new TemplateError(`constraints could not be satisfied in ${maxDraws} draws`);
}
