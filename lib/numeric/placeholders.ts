/**
 * `{{name}}` placeholders in question text (prompt, answer, explanation, solution, mistake feedback).
 */
import { TemplateError } from "./errors";
import { formatNumber } from "./format";

/** `{{ name }}`; the inside is captured as written so a malformed placeholder can be reported. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Half-open character ranges of `markdown` that are math: `$…$` and `$$…$$`, skipping `\$` escapes and code
 * (backtick spans and fences, where a dollar is just a dollar).
 */
function mathRanges(markdown: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const n = markdown.length;
  let i = 0;
  while (i < n) {
    const c = markdown[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "`") {
      let run = 1;
      while (markdown[i + run] === "`") run++;
      const fence = "`".repeat(run);
      let close = markdown.indexOf(fence, i + run);
      // A closing run must have exactly the same length.
      while (close !== -1 && markdown[close + run] === "`") close = markdown.indexOf(fence, close + run + 1);
      i = close === -1 ? i + run : close + run;
      continue;
    }
    if (c === "$") {
      const display = markdown[i + 1] === "$";
      const delimiter = display ? "$$" : "$";
      let j = i + delimiter.length;
      let close = -1;
      while (j < n) {
        if (markdown[j] === "\\") {
          j += 2;
          continue;
        }
        if (markdown.startsWith(delimiter, j)) {
          close = j;
          break;
        }
        j++;
      }
      if (close === -1) {
        i += delimiter.length;
        continue;
      }
      ranges.push([i, close + delimiter.length]);
      i = close + delimiter.length;
      continue;
    }
    i++;
  }
  return ranges;
}

/** One placeholder found in a text. */
export interface Placeholder {
  /** The text between the braces, trimmed (a variable name when well formed). */
  name: string;
  /** Whether it sits inside `$…$` or `$$…$$`. */
  inMath: boolean;
}

/**
 * Lists the placeholders of a Markdown text in order, with whether each is inside math.
 *
 * @example
 * ```ts
 * findPlaceholders("Use {{k}}: $ {{k}}^2 $"); // [{ name: "k", inMath: false }, { name: "k", inMath: true }]
 * ```
 */
export function findPlaceholders(markdown: string): Placeholder[] {
  const ranges = mathRanges(markdown);
  const found: Placeholder[] = [];
  for (const match of markdown.matchAll(PLACEHOLDER)) {
    const at = match.index;
    found.push({ name: match[1]!.trim(), inMath: ranges.some(([start, end]) => at >= start && at < end) });
  }
  return found;
}

/** Options for {@link checkPlaceholders}. */
export interface CheckPlaceholdersOptions {
  /** Whether `{{answer}}` may appear (not in the prompt). Default true. */
  allowAnswer?: boolean;
}

/**
 * Problems with the placeholders of a text, given the template's variable names: malformed placeholders,
 * unknown names, and `{{answer}}` where it is not allowed. Empty when all is well.
 *
 * @example
 * ```ts
 * checkPlaceholders("{{k}} and {{answer}}", ["k"], { allowAnswer: false });
 * // ["{{answer}} must not appear here: it would give the answer away"]
 * ```
 */
export function checkPlaceholders(markdown: string, variables: readonly string[], options: CheckPlaceholdersOptions = {}): string[] {
  const allowAnswer = options.allowAnswer ?? true;
  const problems = new Set<string>();
  for (const { name } of findPlaceholders(markdown)) {
    if (name === "answer") {
      if (!allowAnswer) problems.add("{{answer}} must not appear here: it would give the answer away");
    } else if (!NAME.test(name)) {
      problems.add(`{{${name}}} is not a placeholder: write a variable name, as in {{${variables[0] ?? "k"}}}`);
    } else if (!variables.includes(name)) {
      problems.add(`{{${name}}} is not a variable (known: ${[...variables, ...(allowAnswer ? ["answer"] : [])].join(", ")})`);
    }
  }
  return [...problems];
}

/**
 * Replaces every `{{name}}` with the value of `name`, written with {@link formatNumber}: plainly inside
 * `$…$`/`$$…$$`, with thousands separators outside. Throws {@link TemplateError} listing the known names for an
 * unknown or malformed placeholder.
 *
 * @param values - the variables, plus `answer` where the answer may be shown.
 *
 * @example
 * ```ts
 * fillPlaceholders("{{n}} weights: $ {{n}} = 2^{16} $", { n: 65536 });
 * // "65,536 weights: $ 65536 = 2^{16} $"
 * ```
 */
export function fillPlaceholders(markdown: string, values: Readonly<Record<string, number>> | ReadonlyMap<string, number>): string {
  const lookup = values instanceof Map ? (values as ReadonlyMap<string, number>) : new Map(Object.entries(values));
  if (!markdown.includes("{{")) return markdown;
  const ranges = mathRanges(markdown);
  return markdown.replace(PLACEHOLDER, (whole, inner: string, at: number) => {
    const name = inner.trim();
    const value = lookup.get(name);
    if (value === undefined) {
      const known = [...lookup.keys()].join(", ") || "none";
      throw new TemplateError(
        NAME.test(name) ? `unknown placeholder {{${name}}} (known: ${known})` : `${whole} is not a placeholder (known names: ${known})`,
      );
    }
    return formatNumber(value, { math: ranges.some(([start, end]) => at >= start && at < end) });
  });
}
