/**
 * Keeps the `server` catalogue (messages/<locale>/server.json, see lib/i18n/server-messages.ts) in step with
 * the English messages the server writes: every user-facing message literal in lib/, the route handlers and the
 * action and form wrappers must be matched by an English entry, and every entry must still match some literal.
 *
 * Collected (with the TypeScript compiler API, no type checking):
 * - the message argument of `new AppError(code, message, fieldErrors)` and the messages inside its
 *   `fieldErrors` object literal; likewise the errors whose message reaches a browser as it is: ApkgError
 *   (Anki import), ContentArchiveError (admin bank upload), CalcError (the analyzer page: its message starts
 *   with the layer path, so it is checked as `<path>: message`), the answer parser's InputError and the
 *   optimiser's LearnerFacingError;
 * - zod messages: `.min(n, "…")`, `.max`, `.length`, `.regex`, `.refine`… and `{ error: "…" }` /
 *   `{ message: "…" }` option objects (also `{ error: (issue) => `…` }`), `addIssue({ message: "…" })`; the
 *   same `message:` / `error:` rule covers NextResponse.json error bodies and `{ ok: false, message }` results;
 * - constants named `…_MESSAGE` / `…_ERROR`, and literals passed to a function of the same file at a
 *   parameter named `message`, `stage` or `reason`;
 * - the optimiser's progress stages (`stage`, shown on the settings page) and the Anki import's skip reasons
 *   (`reason`, shown in the import preview).
 * An identifier in one of these positions is followed to its `const` (in an enclosing block, the file, or imported
 * from another file of the repository); `a ? "x" : "y"`, `a ?? "x"` and `${cond ? "x" : "y"}` are expanded; other
 * `${…}` parts match anything.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import english from "@/messages/en/server.json";
import chinese from "@/messages/zh-Hans/server.json";
import { translateMessage } from "./server-messages";

const ROOT = resolve(__dirname, "../..");

/**
 * Left out of the scan, because no learner or admin sees these messages in the browser, or they are diagnostics
 * written for content authors that stay English:
 * - lib/content/ except archive.ts: diagnostics of content files (`npm run content:check` and the admin bank
 *   upload's issue list, shown with file, line and field as written for content authors). archive.ts is scanned:
 *   its ContentArchiveError tells the admin why an uploaded zip was refused;
 * - lib/admin/csv-flashcards.ts: the CSV import's per-row and per-file diagnostics apply the content-file rules
 *   in their wording ("front: expected non-empty text"), like the content diagnostics above;
 * - lib/numeric/ except input.ts: template validation (TemplateError, the template schema) is for content
 *   authors and runs before a learner sees a question; input.ts reads learners' answers and is scanned;
 * - lib/calc/ files the analyzer page does not reach (metrics, roi, memory, throughput, receptive-field,
 *   networks): their errors fire only on content templates or are invariants of the presets;
 * - lib/fsrs-optimizer/ except service.ts and optimize.ts: OptimizerError messages are for logs (the service
 *   shows the learner its own sentences); service.ts and optimize.ts write the run status a learner sees;
 * - lib/env.ts: startup configuration errors, for the operator's terminal;
 * - lib/i18n/: the translation machinery itself.
 * SrsError, OptimizerError, TemplateError and plain Error messages are skipped wherever they are thrown: they are
 * not AppErrors, so a browser only ever gets the generic message for them.
 */
const EXCLUDED = [
  /^lib\/content\/(?!archive\.ts$)/,
  /^lib\/admin\/csv-flashcards\.ts$/,
  /^lib\/numeric\/(?!input\.ts$)/,
  /^lib\/calc\/(metrics|roi|memory|throughput|receptive-field|networks|index)\.ts$/,
  /^lib\/fsrs-optimizer\/(?!(service|optimize)\.ts$)/,
  /^lib\/env\.ts$/,
  /^lib\/i18n\//,
];
const EXTRA_FILES = ["app/user-action.ts", "app/admin/admin-action.ts", "app/ui/use-validated-form.ts"];

/** Errors whose message is shown as it is, and the index of their message argument. */
const MESSAGE_ERRORS: Record<string, number> = {
  AppError: 1,
  ApkgError: 1,
  ContentArchiveError: 1,
  CalcError: 0,
  InputError: 0,
  LearnerFacingError: 0,
};
/** zod methods whose string arguments are messages. */
const ZOD_METHODS = new Set(["min", "max", "length", "regex", "refine", "gt", "gte", "lt", "lte", "int", "positive", "nonnegative", "negative", "nonpositive", "multipleOf", "nonempty", "finite"]);
const MESSAGE_KEY = /^(message|error)$/;
const MESSAGE_CONSTANT = /^[A-Z][A-Z0-9_]*_(MESSAGE|ERROR)$/;
const MESSAGE_PARAMETER = /^(message|stage|reason)$/;
/** Stands for a `${…}` part that can be any text. */
const WILDCARD = "\u0000";

interface Literal {
  file: string;
  line: number;
  /** The message with WILDCARD for its dynamic parts. */
  text: string;
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    } else if (/\.ts$/.test(path) && !/\.(test|d)\.ts$/.test(path)) {
      files.push(relative(ROOT, path).replace(/\\/g, "/"));
    }
  };
  walk(join(ROOT, "lib"));
  walk(join(ROOT, "app/api"));
  return [...files.filter((file) => !EXCLUDED.some((pattern) => pattern.test(file))), ...EXTRA_FILES];
}

const parsedFiles = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile | undefined {
  if (!parsedFiles.has(file)) {
    let text: string;
    try {
      text = readFileSync(join(ROOT, file), "utf8");
    } catch {
      return undefined;
    }
    parsedFiles.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
  }
  return parsedFiles.get(file);
}

/** The file an import specifier names (`@/lib/x`, `./x`), if it is a .ts file or a folder's index.ts. */
function importedFile(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? join(dirname(from), specifier) : undefined;
  if (base === undefined) return undefined;
  const normalized = base.replace(/\\/g, "/");
  return [`${normalized}.ts`, `${normalized}/index.ts`].find((candidate) => parse(candidate) !== undefined);
}

/** The initializer of a `const name = …` among these statements. */
function constantIn(statements: readonly ts.Statement[], name: string): ts.Expression | undefined {
  for (const statement of statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
    if (declaration?.initializer) return declaration.initializer;
  }
  return undefined;
}

type Resolved = { file: ts.SourceFile; expression: ts.Expression } | undefined;

/** Follows an identifier to the `const` it names: in an enclosing block, at the top of its file, or imported. */
function resolveIdentifier(identifier: ts.Identifier): Resolved {
  const name = identifier.text;
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    // A parameter of that name hides any constant outside the function.
    if (ts.isFunctionLike(node) && node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return undefined;
    if (ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      const found = constantIn(node.statements, name);
      if (found) return { file: identifier.getSourceFile(), expression: found };
    }
  }
  return topLevel(identifier.getSourceFile(), name, 0);
}

/** A top-level constant of a file, or one it imports or re-exports from a file of this repository. */
function topLevel(sourceFile: ts.SourceFile, name: string, depth: number): Resolved {
  if (depth > 5) return undefined;
  const own = constantIn(sourceFile.statements, name);
  if (own) return { file: sourceFile, expression: own };
  for (const statement of sourceFile.statements) {
    let importedName: string | undefined;
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      const element = bindings && ts.isNamedImports(bindings) ? bindings.elements.find((e) => e.name.text === name) : undefined;
      importedName = element ? (element.propertyName ?? element.name).text : undefined;
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const clause = statement.exportClause;
      const element = clause && ts.isNamedExports(clause) ? clause.elements.find((e) => e.name.text === name) : undefined;
      importedName = clause === undefined ? name : element ? (element.propertyName ?? element.name).text : undefined;
    }
    const specifier = (statement as ts.ImportDeclaration | ts.ExportDeclaration).moduleSpecifier;
    if (importedName === undefined || !specifier || !ts.isStringLiteral(specifier)) continue;
    const target = importedFile(sourceFile.fileName, specifier.text);
    const resolved = target === undefined ? undefined : topLevel(parse(target)!, importedName, depth + 1);
    if (resolved) return resolved;
  }
  return undefined;
}

/**
 * The texts an expression can evaluate to, with WILDCARD for parts that are not literal; null when it is not a
 * message literal at all (a variable holding some other error's message, a function call).
 */
function texts(sourceFile: ts.SourceFile, node: ts.Expression, depth = 0): string[] | null {
  if (depth > 10) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return texts(sourceFile, node.expression, depth);
  if (ts.isConditionalExpression(node)) return alternatives(sourceFile, [node.whenTrue, node.whenFalse], depth);
  // zod's `{ error: (issue) => `…` }`.
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return texts(sourceFile, node.body, depth + 1);
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
      return alternatives(sourceFile, [node.left, node.right], depth);
    }
    if (operator === ts.SyntaxKind.PlusToken) {
      const left = texts(sourceFile, node.left, depth + 1) ?? [WILDCARD];
      const right = texts(sourceFile, node.right, depth + 1) ?? [WILDCARD];
      if (left.every((t) => t === WILDCARD) && right.every((t) => t === WILDCARD)) return null;
      return left.flatMap((l) => right.map((r) => l + r));
    }
  }
  if (ts.isIdentifier(node)) {
    const resolved = resolveIdentifier(node);
    return resolved ? texts(resolved.file, resolved.expression, depth + 1) : null;
  }
  if (ts.isTemplateExpression(node)) {
    let results = [node.head.text];
    for (const span of node.templateSpans) {
      const parts = spanTexts(sourceFile, span.expression, depth);
      results = results.flatMap((start) => parts.map((part) => start + part + span.literal.text));
    }
    return results;
  }
  return null;
}

/** Alternatives of `a ? b : c` / `a ?? b`: the literal ones; null when none is literal. */
function alternatives(sourceFile: ts.SourceFile, nodes: ts.Expression[], depth: number): string[] | null {
  const found = nodes.map((n) => texts(sourceFile, n, depth + 1));
  if (found.every((f) => f === null)) return null;
  return found.flatMap((f) => f ?? []);
}

/** What a `${…}` part contributes: its literal alternatives, any text (WILDCARD) for the rest. */
function spanTexts(sourceFile: ts.SourceFile, node: ts.Expression, depth: number): string[] {
  if (depth > 10) return [WILDCARD];
  if (ts.isParenthesizedExpression(node)) return spanTexts(sourceFile, node.expression, depth);
  if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse].flatMap((branch) => spanTexts(sourceFile, branch, depth + 1));
  if (ts.isIdentifier(node)) {
    const resolved = resolveIdentifier(node);
    return resolved ? spanTexts(resolved.file, resolved.expression, depth + 1) : [WILDCARD];
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return texts(sourceFile, node, depth + 1) ?? [WILDCARD];
  return [WILDCARD];
}

/** Names of the functions and methods declared in a file, with their parameter names. */
function declaredParameters(sourceFile: ts.SourceFile): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const names = (parameters: ts.NodeArray<ts.ParameterDeclaration>) => parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ""));
  const visit = (node: ts.Node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      result.set(node.name.text, names(node.parameters));
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
      result.set(node.name.text, names(node.initializer.parameters));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return result;
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function collectMessageLiterals(file: string): Literal[] {
  const sourceFile = parse(file);
  if (!sourceFile) throw new Error(`cannot read ${file}`);
  const literals: Literal[] = [];
  const parameters = declaredParameters(sourceFile);
  const add = (node: ts.Expression, prefix = "") => {
    const found = texts(sourceFile, node);
    if (!found) return;
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    // Texts with a letter; not paths like NextAuth's `pages: { error: "/login" }`.
    for (const text of found) if (/\p{L}/u.test(text) && !/^\/[\w/-]*$/.test(text)) literals.push({ file, line, text: prefix + text });
  };
  /** Messages inside a fieldErrors object literal: `{ field: ["…", `…`] }`. */
  const addFieldErrors = (node: ts.Expression) => {
    if (!ts.isObjectLiteralExpression(node)) return;
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property) && ts.isArrayLiteralExpression(property.initializer)) {
        for (const element of property.initializer.elements) add(element);
      }
    }
  };

  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /Error$/.test(node.expression.text)) {
      const name = node.expression.text;
      // Other errors (SrsError, OptimizerError, TemplateError, Error) reach a browser only as the generic message.
      if (!Object.hasOwn(MESSAGE_ERRORS, name)) return;
      const message = node.arguments?.[MESSAGE_ERRORS[name]!];
      if (message) add(message, name === "CalcError" ? `${WILDCARD}: ` : "");
      if (name === "AppError" && node.arguments?.[2]) addFieldErrors(node.arguments[2]);
    } else if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      if (name !== undefined && ts.isPropertyAccessExpression(node.expression) && ZOD_METHODS.has(name)) {
        for (const argument of node.arguments) if (ts.isStringLiteral(argument) || ts.isTemplateLiteral(argument)) add(argument);
      }
      const declared = name === undefined ? undefined : parameters.get(name);
      if (declared) {
        node.arguments.forEach((argument, index) => {
          if (MESSAGE_PARAMETER.test(declared[index] ?? "")) add(argument);
        });
      }
    } else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const key = node.name.text;
      if (MESSAGE_KEY.test(key) || (key === "stage" && file.startsWith("lib/fsrs-optimizer/")) || (key === "reason" && file.startsWith("lib/learner-data/"))) {
        add(node.initializer);
      }
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      if (MESSAGE_CONSTANT.test(node.name.text) || (node.name.text === "stage" && file.startsWith("lib/fsrs-optimizer/"))) add(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return literals;
}

const SLOT = /\{[A-Za-z_][A-Za-z0-9_]*\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A sample of the text a literal stands for: each dynamic part becomes a short word. */
function sample(text: string): string {
  return text.replaceAll(WILDCARD, "x1");
}

const MARK = "\u0001";
const marked = Object.fromEntries(Object.keys(english).map((id) => [id, `${MARK}${id}${MARK}`]));
function entryMatching(text: string): string | undefined {
  const translated = translateMessage(sample(text), { english, translated: marked });
  const match = new RegExp(`${MARK}([^${MARK}]+)${MARK}`).exec(translated);
  return match?.[1];
}

const literals = sourceFiles().flatMap((file) => collectMessageLiterals(file));

describe("server message catalogue", () => {
  it("finds the messages it is meant to check", () => {
    expect(literals.length).toBeGreaterThan(100);
    const texts = new Set(literals.map((literal) => literal.text));
    expect(texts).toContain("Your session has ended. Log in again.");
    expect(texts).toContain("Something went wrong on our side. Please try again.");
    expect(texts).toContain("Enter your email address.");
    expect(texts).toContain("Division by zero.");
    expect(texts).toContain(`${WILDCARD}: unknown layer type ${WILDCARD}`);
  });

  it("names entries with camelCase ids", () => {
    expect(Object.keys(english).filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
  });

  it("has an English entry for every user-facing message literal", () => {
    const uncovered = literals.filter((literal) => entryMatching(literal.text) === undefined).map((l) => `${l.file}:${l.line}  ${l.text.replaceAll(WILDCARD, "${…}")}`);
    expect(uncovered).toEqual([]);
  });

  it("has no entry that no literal uses", () => {
    // An entry is used when a literal's text matches it, or when it spells out what a literal's `${…}` part can
    // be ("Use at most 10 learning steps." for `Use at most ${MAX_STEPS} ${what} steps.`).
    const used = new Set(literals.map((literal) => entryMatching(literal.text)));
    const patterns = literals.map((literal) => new RegExp(`^${literal.text.split(WILDCARD).map(escapeRegExp).join("[\\s\\S]+")}$`));
    const specialises = (message: string) => patterns.some((pattern) => pattern.test(sample(message.replace(SLOT, WILDCARD))));
    expect(Object.entries(english).filter(([id, message]) => !used.has(id) && !specialises(message)).map(([id]) => id)).toEqual([]);
  });

  it("has the same ids and slots in English and Chinese", () => {
    const slots = (message: string) => [...message.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]).sort().join();
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    const mismatched = Object.entries(english).filter(([id, message]) => slots(message) !== slots((chinese as Record<string, string>)[id] ?? ""));
    expect(mismatched).toEqual([]);
  });
});
