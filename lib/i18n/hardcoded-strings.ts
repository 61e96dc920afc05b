/**
 * Finds user-visible text written straight into the interface's source instead of the message catalogues:
 * JSX text, visible attributes (aria-label, placeholder, title, alt, label…), string literals rendered as JSX
 * children, and the values of message-like object properties (message, error, label, title…). Used by a unit
 * test over app/ and by `npx tsx scripts/i18n-scan.ts [paths]`.
 *
 * A line may opt out with a `i18n-ignore` comment on it or the line above, saying why (e.g. a language's own name).
 */
import ts from "typescript";

export interface HardcodedString {
  file: string;
  line: number;
  text: string;
  rule: "jsx-text" | "jsx-attribute" | "jsx-child" | "property";
}

const VISIBLE_ATTRIBUTE = /^(aria-label|aria-description|aria-valuetext|aria-roledescription|placeholder|title|alt|label|description|summary|heading|caption|hint|message|emptyText|[a-z]+Label|[a-z]+Text|[a-z]+Message|confirm[A-Za-z]*)$/;
const MESSAGE_PROPERTY = /^(message|error|label|title|description|summary|placeholder|heading|hint|caption|emptyText|[a-z]+Label|[a-z]+Message)$/;
/** Text a translator would touch: at least one letter, in any script. */
const HAS_LETTER = /\p{L}/u;
/** Names that stay the same in every language. */
const ALLOWED_TEXT = new Set(["Receptive"]);

function isVisible(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== "" && HAS_LETTER.test(trimmed) && !ALLOWED_TEXT.has(trimmed);
}

/** A string literal or a template with text, else null. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join("…");
  return null;
}

/** Literals an expression can evaluate to directly: `a ? "Yes" : "No"`, `x ?? "None"`, `("Hi")`. */
function renderedLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return renderedLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...renderedLiterals(node.whenTrue), ...renderedLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      return [...renderedLiterals(node.left), ...renderedLiterals(node.right)];
    }
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(node.right);
    if (operator === ts.SyntaxKind.PlusToken) return [...renderedLiterals(node.left), ...renderedLiterals(node.right)];
  }
  return literalText(node) === null ? [] : [node];
}

export function findHardcodedStrings(file: string, source: string): HardcodedString[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = source.split("\n");
  const ignored = (line: number) => /i18n-ignore/.test(lines[line - 1] ?? "") || /i18n-ignore/.test(lines[line - 2] ?? "");
  const findings: HardcodedString[] = [];
  const report = (node: ts.Node, text: string, rule: HardcodedString["rule"]) => {
    if (!isVisible(text)) return;
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    if (!ignored(line)) findings.push({ file, line, text: text.trim().replace(/\s+/g, " "), rule });
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      report(node, node.text, "jsx-text");
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sourceFile);
      if (VISIBLE_ATTRIBUTE.test(name)) {
        if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text, "jsx-attribute");
        else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
          for (const literal of renderedLiterals(node.initializer.expression)) report(literal, literalText(literal) ?? "", "jsx-attribute");
        }
      }
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of renderedLiterals(node.expression)) report(literal, literalText(literal) ?? "", "jsx-child");
    } else if (ts.isPropertyAssignment(node) && MESSAGE_PROPERTY.test(node.name.getText(sourceFile))) {
      for (const literal of renderedLiterals(node.initializer)) report(literal, literalText(literal) ?? "", "property");
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}
