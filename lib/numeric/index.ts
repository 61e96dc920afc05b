// Public API of the numeric-question engine. Re-exports only.
export { TemplateError, type TemplateErrorOptions } from "./errors";
export {
  numericTemplateSchema,
  toleranceSchema,
  RESERVED_NAMES,
  type NumericTemplate,
  type NumericTemplateInput,
  type VariableSpec,
  type Tolerance,
} from "./schema";
export { NUMERIC_UNITS, isByteUnit, unitLabel, type NumericUnit } from "./units";
export {
  compileExpression,
  evaluateExpression,
  ALLOWED_NODE_TYPES,
  ALLOWED_OPERATORS,
  ALLOWED_CONSTANTS,
  MAX_EXPRESSION_LENGTH,
  type CompiledExpression,
} from "./evaluate";
export { ALLOWED_FUNCTIONS, ALLOWED_FIELDS } from "./functions";
export { createRng, MAX_SEED, type Rng } from "./rng";
export {
  generateInstance,
  DEFAULT_MAX_DRAWS,
  type GenerateInstanceOptions,
  type NumericInstance,
  type InstanceMistake,
} from "./instance";
export { formatNumber, type FormatNumberOptions } from "./format";
export { fillPlaceholders, findPlaceholders, checkPlaceholders, type Placeholder, type CheckPlaceholdersOptions } from "./placeholders";
export { parseLearnerAnswer, MAX_INPUT_LENGTH, type LearnerAnswer } from "./input";
export { checkAnswer, withinTolerance, type CheckResult } from "./check";
export { renderSolution, answerValues } from "./solution";
export { validateTemplate, type ValidateTemplateOptions, type TemplateSections } from "./validate";
export { fromStoredTemplate, toStoredTemplate, type StoredTemplate } from "./storage";
