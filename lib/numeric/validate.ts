/**
 * Checks a numeric template the way `npm run content:check` needs: every expression compiles, many seeded
 * instances can be drawn, placeholders name real variables, and every mistake can actually be recognised.
 */
import { withinTolerance } from "./check";
import { TemplateError } from "./errors";
import { compileExpression } from "./evaluate";
import { generateInstance, planTemplate } from "./instance";
import { checkPlaceholders } from "./placeholders";
import type { NumericTemplate } from "./schema";

/** The question's Markdown sections, whose placeholders are checked too. */
export interface TemplateSections {
  prompt?: string;
  answer?: string;
  explanation?: string;
}

/** Options for {@link validateTemplate}. */
export interface ValidateTemplateOptions {
  /** Instances drawn, with seeds 1 to `samples` (integer >= 1). Default 50. */
  samples?: number;
  /** The question's sections; their placeholders are checked (`{{answer}}` is refused in the prompt). */
  sections?: TemplateSections;
}

/** Significant digits beyond which an `exact` answer cannot reasonably be typed from the shown numbers. */
const EXACT_DIGITS = 7;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function significantDigits(x: number): number {
  const mantissa = Math.abs(x).toExponential().split("e")[0]!;
  return mantissa.replace(".", "").replace(/0+$/, "").length;
}

/**
 * Lists the problems of a (schema-valid) numeric template; empty when it is fine. Each problem is one line
 * starting with where it is (`answer: …`, `variables.w.derive: …`, `mistakes[1]: …`, `Prompt: …`).
 *
 * Checks, in order: every expression compiles within the restricted scope (a `derive` reads only earlier
 * variables); placeholders of the solution, the feedback and the given sections name known variables and the
 * prompt does not use `{{answer}}`; then `samples` instances (seeds 1..samples) are drawn, reporting each
 * distinct failure once with how many samples it hit (constraints that cannot be met, throwing expressions,
 * answers that are not finite numbers); a mistake whose value is within tolerance of the answer in every
 * sample (it can never be recognised); and a non-integer `exact` answer with more than 6 significant figures
 * (learners see numbers to 6; use `relative` or `sigfigs`).
 *
 * Fast enough for a whole bank: 50 samples of a typical template take well under a millisecond each.
 *
 * @example
 * ```ts
 * validateTemplate(template, { sections: { prompt: "… {{answer}} …" } });
 * // ["Prompt: {{answer}} must not appear here: it would give the answer away"]
 * ```
 */
export function validateTemplate(template: NumericTemplate, options: ValidateTemplateOptions = {}): string[] {
  const samples = options.samples ?? 50;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples must be an integer >= 1, got ${String(samples)}`);
  const problems: string[] = [];
  const names = Object.keys(template.variables);

  // 1. Compile every expression on its own, so all broken ones are reported at once.
  const expressions: Array<[string, string, readonly string[]]> = [];
  Object.entries(template.variables).forEach(([name, spec], position) => {
    if ("derive" in spec) expressions.push([`variables.${name}.derive`, spec.derive, names.slice(0, position)]);
  });
  template.constraints.forEach((source, i) => expressions.push([`constraints[${i}]`, source, names]));
  expressions.push(["answer", template.answer, names]);
  template.mistakes.forEach((mistake, i) => expressions.push([`mistakes[${i}].when`, mistake.when, names]));
  let compiles = true;
  for (const [where, source, allowed] of expressions) {
    try {
      compileExpression(source, allowed);
    } catch (error) {
      compiles = false;
      problems.push(`${where}: ${error instanceof TemplateError ? error.problem : message(error)}`);
    }
  }

  // 2. Placeholders.
  const placeholderChecks: Array<[string, string | undefined, boolean]> = [
    ["solution", template.solution, true],
    ...template.mistakes.map((mistake, i) => [`mistakes[${i}].feedback`, mistake.feedback, true] as [string, string, boolean]),
    ["Prompt", options.sections?.prompt, false],
    ["Answer", options.sections?.answer, true],
    ["Explanation", options.sections?.explanation, true],
  ];
  let feedbackFills = true;
  for (const [where, text, allowAnswer] of placeholderChecks) {
    if (text === undefined) continue;
    for (const problem of checkPlaceholders(text, names, { allowAnswer })) {
      problems.push(`${where}: ${problem}`);
      if (where.startsWith("mistakes")) feedbackFills = false;
    }
  }
  // Drawing would only repeat these problems once per sample (instances fill the feedback).
  if (!compiles || !feedbackFills) return problems;
  planTemplate(template);

  // 3. Samples.
  const failures = new Map<string, { count: number; seed: number }>();
  const mistakeEverDiffers = template.mistakes.map(() => false);
  let succeeded = 0;
  let longAnswer: number | null = null;
  for (let seed = 1; seed <= samples; seed++) {
    try {
      const instance = generateInstance(template, seed);
      succeeded++;
      for (const mistake of instance.mistakes) {
        if (!withinTolerance(mistake.value, instance.answer, template.tolerance)) mistakeEverDiffers[mistake.index] = true;
      }
      const answer = instance.answer;
      if (template.tolerance.type === "exact" && longAnswer === null && !Number.isInteger(answer) && significantDigits(answer) >= EXACT_DIGITS) {
        longAnswer = answer;
      }
    } catch (error) {
      const text = message(error);
      const failure = failures.get(text);
      if (failure) failure.count++;
      else failures.set(text, { count: 1, seed });
    }
  }
  for (const [text, { count, seed }] of failures) {
    problems.push(`${text} (in ${count} of ${samples} samples, first with seed ${seed})`);
  }
  if (succeeded > 0) {
    mistakeEverDiffers.forEach((differs, i) => {
      if (!differs) {
        problems.push(`mistakes[${i}]: "${template.mistakes[i]!.when}" equals the answer in every sample, so it can never be recognised`);
      }
    });
  }
  if (longAnswer !== null) {
    problems.push(
      `tolerance: exact, but the answer ${longAnswer} is not an integer and has more than 6 significant figures (numbers are shown to 6): use relative or sigfigs`,
    );
  }
  return problems;
}
