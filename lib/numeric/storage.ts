/**
 * Templates as stored in the database. PostgreSQL's jsonb does not keep object key order (it sorts keys by
 * length, then bytes), but variables are drawn in order and a `derive` may read only earlier ones. So the
 * stored form carries the order explicitly in `variableOrder`, and reading restores it.
 */
import { numericTemplateSchema, type NumericTemplate } from "./schema";
import { TemplateError } from "./errors";

export interface StoredTemplate extends Omit<NumericTemplate, "variables"> {
  variables: NumericTemplate["variables"];
  variableOrder: string[];
}

export function toStoredTemplate(template: NumericTemplate): StoredTemplate {
  return { ...template, variableOrder: Object.keys(template.variables) };
}

/** Parses a stored template (or a template straight from a content file), with its variables in their order. */
export function fromStoredTemplate(value: unknown): NumericTemplate {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new TemplateError("a stored template must be an object");
  const { variableOrder, ...rest } = value as Record<string, unknown>;
  let candidate: Record<string, unknown> = rest;
  if (Array.isArray(variableOrder) && rest.variables && typeof rest.variables === "object") {
    const variables = rest.variables as Record<string, unknown>;
    const ordered: Record<string, unknown> = {};
    for (const name of variableOrder) if (typeof name === "string" && name in variables) ordered[name] = variables[name];
    for (const name of Object.keys(variables)) if (!(name in ordered)) ordered[name] = variables[name];
    candidate = { ...rest, variables: ordered };
  }
  const parsed = numericTemplateSchema.safeParse(candidate);
  if (!parsed.success) throw new TemplateError(`invalid stored template: ${parsed.error.issues[0]?.message ?? "unknown problem"}`);
  return parsed.data;
}
