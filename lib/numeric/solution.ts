import type { NumericInstance } from "./instance";
import { fillPlaceholders } from "./placeholders";
import type { NumericTemplate } from "./schema";

/**
 * The variables of an instance plus `answer`: the values for texts that may show the answer (answer,
 * explanation, solution, feedback). The prompt takes `instance.values` alone.
 */
export function answerValues(instance: NumericInstance): Map<string, number> {
  return new Map(Object.entries(instance.values)).set("answer", instance.answer);
}

/**
 * The template's worked solution for one instance, as Markdown with every placeholder (including `{{answer}}`)
 * filled: plainly inside math, with thousands separators outside. The caller renders the Markdown.
 * Throws TemplateError for an unknown placeholder (`validateTemplate` reports those beforehand).
 *
 * @example
 * ```ts
 * renderSolution(template, instance); // "Each filter has $3 \\cdot 3 \\cdot 64$ weights … $$ … = 73856 $$"
 * ```
 */
export function renderSolution(template: NumericTemplate, instance: NumericInstance): string {
  return fillPlaceholders(template.solution, answerValues(instance));
}
