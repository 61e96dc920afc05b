/**
 * The numeric template editor's model: a template block (YAML, as in a content file) as plain form fields and
 * back. Framework-free so it can be tested; the form writes YAML and the server validates that YAML with the
 * content-file rules, so nothing here decides what a valid template is.
 */
import { parse, stringify } from "yaml";

export type VariableKind = "choices" | "range" | "derive";

export interface VariableRow {
  name: string;
  kind: VariableKind;
  choices: string;
  lo: string;
  hi: string;
  step: string;
  derive: string;
}

export interface TemplateForm {
  variables: VariableRow[];
  constraints: string[];
  answer: string;
  toleranceType: "exact" | "absolute" | "relative" | "sigfigs";
  toleranceValue: string;
  unit: string;
  mistakes: Array<{ when: string; feedback: string }>;
  solution: string;
}

export const TOLERANCES = [
  { value: "exact", label: "Exact", hint: "" },
  { value: "absolute", label: "Absolute", hint: "largest allowed difference, e.g. 0.5" },
  { value: "relative", label: "Relative", hint: "largest relative difference, e.g. 0.01 for 1 %" },
  { value: "sigfigs", label: "Significant figures", hint: "how many must match, e.g. 3" },
] as const;

/** A number where the text is one; otherwise the text, so the server's check names the problem. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

export function formToYaml(form: TemplateForm): string {
  const variables: Record<string, unknown> = {};
  for (const row of form.variables) {
    if (row.kind === "choices") variables[row.name] = { choices: row.choices.split(",").map(numberOrText).filter((value) => value !== "") };
    else if (row.kind === "range") variables[row.name] = { range: [numberOrText(row.lo), numberOrText(row.hi)], ...(row.step.trim() ? { step: numberOrText(row.step) } : {}) };
    else variables[row.name] = { derive: row.derive };
  }
  const template: Record<string, unknown> = { variables };
  const constraints = form.constraints.filter((constraint) => constraint.trim() !== "");
  if (constraints.length > 0) template.constraints = constraints;
  template.answer = form.answer;
  template.tolerance = form.toleranceType === "exact" ? { type: "exact" } : { type: form.toleranceType, value: numberOrText(form.toleranceValue) };
  template.unit = form.unit;
  const mistakes = form.mistakes.filter((mistake) => mistake.when.trim() !== "" || mistake.feedback.trim() !== "");
  if (mistakes.length > 0) template.mistakes = mistakes;
  template.solution = form.solution;
  return stringify(template, { lineWidth: 0 });
}

const asText = (value: unknown) => (typeof value === "number" || typeof value === "string" ? String(value) : null);

/** The form for a YAML template, or null when the YAML holds something the form cannot show faithfully. */
export function yamlToForm(yaml: string): TemplateForm | null {
  let data: unknown;
  try {
    data = parse(yaml);
  } catch {
    return null;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const { variables, constraints = [], answer, tolerance, unit, mistakes = [], solution, ...rest } = data as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !variables || typeof variables !== "object" || Array.isArray(variables)) return null;
  const rows: VariableRow[] = [];
  for (const [name, spec] of Object.entries(variables as Record<string, unknown>)) {
    if (!spec || typeof spec !== "object") return null;
    const { choices, range, step, derive, ...extra } = spec as Record<string, unknown>;
    if (Object.keys(extra).length > 0) return null;
    const row: VariableRow = { name, kind: "choices", choices: "", lo: "", hi: "", step: "", derive: "" };
    if (Array.isArray(choices) && choices.every((choice) => asText(choice) !== null) && range === undefined && derive === undefined) {
      row.choices = choices.join(", ");
    } else if (Array.isArray(range) && range.length === 2 && choices === undefined && derive === undefined) {
      Object.assign(row, { kind: "range", lo: asText(range[0]) ?? "", hi: asText(range[1]) ?? "", step: step === undefined ? "" : (asText(step) ?? "") });
    } else if (typeof derive === "string" && choices === undefined && range === undefined && step === undefined) {
      Object.assign(row, { kind: "derive", derive });
    } else {
      return null;
    }
    rows.push(row);
  }
  if (!Array.isArray(constraints) || !constraints.every((item) => typeof item === "string")) return null;
  if (!Array.isArray(mistakes) || !mistakes.every((item) => item && typeof item === "object" && typeof item.when === "string" && typeof item.feedback === "string" && Object.keys(item).length === 2)) return null;
  if (typeof answer !== "string" || typeof solution !== "string" || typeof unit !== "string") return null;
  if (!tolerance || typeof tolerance !== "object") return null;
  const { type, value, ...toleranceExtra } = tolerance as Record<string, unknown>;
  if (Object.keys(toleranceExtra).length > 0 || !TOLERANCES.some((option) => option.value === type)) return null;
  return {
    variables: rows,
    constraints: constraints as string[],
    answer,
    toleranceType: type as TemplateForm["toleranceType"],
    toleranceValue: value === undefined ? "" : (asText(value) ?? ""),
    unit,
    mistakes: (mistakes as Array<{ when: string; feedback: string }>).map(({ when, feedback }) => ({ when, feedback })),
    solution,
  };
}
