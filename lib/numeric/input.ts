/**
 * Reading what a learner typed as an answer. The input comes from learners, so it is never given to mathjs:
 * a small hand-written tokenizer and recursive-descent parser accept numbers and a little arithmetic, bounded in
 * length and depth, and never throw.
 */
import { formatNumber } from "./format";
import { convertTypedUnit, parseUnitWord, unitLabel, unitSuffix, type NumericUnit } from "./units";

/** Longest input accepted, in characters. */
export const MAX_INPUT_LENGTH = 200;
/** Deepest nesting of parentheses and signs accepted. */
const MAX_DEPTH = 20;

/** Result of {@link parseLearnerAnswer}. */
export type LearnerAnswer =
  | {
      ok: true;
      /** The value in the question's unit (a finite number). */
      value: number;
      /** The value as understood, in the question's unit, for echoing back ("3.5 MiB", "73,856 parameters"). */
      normalized: string;
    }
  | { ok: false; message: string };

/** A problem with the input; caught inside this module and turned into `{ ok: false }`. */
class InputError extends Error {}

const COMMA_MESSAGE = "Use a dot for decimals (1.5) and commas only between thousands (73,856).";
const TOO_LARGE = "That number is too large.";

type Token =
  | { kind: "number"; value: number; text: string }
  | { kind: "op"; value: "+" | "-" | "*" | "/" | "^" | "(" | ")"; text: string }
  | { kind: "word"; value: string; text: string };

/**
 * Multipliers a number may carry: SI `73.9k`, `1.2M` (upper-case M only: lower-case m would be milli), and the
 * Chinese 万 (10⁴) and 亿 (10⁸) that Chinese learners write large counts with: `7.3856万`.
 */
const MULTIPLIERS: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/**
 * Full-width forms (U+FF01–FF5E: ７３，８５６, ＋, ｅ) as their ASCII letters, and the ideographic space as a space,
 * as a Chinese input method types them. Not NFKC: that would also turn 10² into 102.
 */
function foldFullWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const NUMBER = /^(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^(?:[A-Za-z]+|%)/;
const SPACE = /[\s\u00a0\u2009\u202f]/;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z]/.test(c);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const number = NUMBER.exec(rest);
    if (number) {
      const literal = number[0];
      const mantissaEnd = literal.search(/[eE]/);
      const mantissa = mantissaEnd === -1 ? literal : literal.slice(0, mantissaEnd);
      const integerPart = mantissa.split(".")[0]!;
      if (integerPart.includes(",") && !/^\d{1,3}(?:,\d{3})+$/.test(integerPart)) throw new InputError(COMMA_MESSAGE);
      if (text[i + literal.length] === ",") throw new InputError(COMMA_MESSAGE);
      let value = Number(literal.replaceAll(",", ""));
      let length = literal.length;
      const suffix = text[i + length];
      if (suffix !== undefined && Object.hasOwn(MULTIPLIERS, suffix) && !isLetter(text[i + length + 1])) {
        value *= MULTIPLIERS[suffix]!;
        length++;
      }
      if (!Number.isFinite(value)) throw new InputError(TOO_LARGE);
      const previous = tokens.at(-1);
      if (previous?.kind === "number") {
        throw new InputError(`Unexpected number "${text.slice(i, i + length)}": write one number, without spaces inside (73856 or 73,856).`);
      }
      tokens.push({ kind: "number", value, text: text.slice(i, i + length) });
      i += length;
      continue;
    }
    if (c === ",") throw new InputError(COMMA_MESSAGE);
    // "×", "x" and "X" multiply when an operand follows ("7.3856×10^4", "3x3"); alone at the end, "x" is the
    // ratio unit ("2.5x").
    if (c === "×" || c === "x" || c === "X") {
      let j = i + 1;
      while (j < text.length && SPACE.test(text[j]!)) j++;
      const operandFollows = j < text.length && /[\d.(]/.test(text[j]!);
      if (operandFollows && (c === "×" || !isLetter(text[i + 1]))) {
        tokens.push({ kind: "op", value: "*", text: c });
        i++;
        continue;
      }
      if (c === "×") {
        tokens.push({ kind: "word", value: "×", text: c });
        i++;
        continue;
      }
    }
    if (rest.startsWith("**")) {
      tokens.push({ kind: "op", value: "^", text: "**" });
      i += 2;
      continue;
    }
    const operator = { "+": "+", "-": "-", "−": "-", "*": "*", "·": "*", "⋅": "*", "/": "/", "÷": "/", "^": "^", "(": "(", ")": ")" }[c] as
      | Extract<Token, { kind: "op" }>["value"]
      | undefined;
    if (operator) {
      tokens.push({ kind: "op", value: operator, text: c });
      i++;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: "word", value: word[0], text: word[0] });
      i += word[0].length;
      continue;
    }
    throw new InputError(`Unexpected "${c}". Type a number, for example 73856, 7.3856e4 or 73.9k.`);
  }
  return tokens;
}

/** Recursive descent over the tokens: expr = term (± term)*, term = unary (×/÷ unary)*, unary = ±unary | power. */
class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  /** Index of the first token not consumed. */
  get consumed(): number {
    return this.position;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isOp(value: string): boolean {
    const token = this.peek();
    return token?.kind === "op" && token.value === value;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new InputError("Too many nested parentheses or signs.");
  }

  expression(): number {
    let value = this.term();
    while (this.isOp("+") || this.isOp("-")) {
      const operator = this.tokens[this.position++]!.value;
      const right = this.term();
      value = operator === "+" ? value + right : value - right;
    }
    return value;
  }

  private term(): number {
    let value = this.unary();
    while (this.isOp("*") || this.isOp("/")) {
      const operator = this.tokens[this.position++]!.value;
      const right = this.unary();
      if (operator === "/" && right === 0) throw new InputError("Division by zero.");
      value = operator === "*" ? value * right : value / right;
    }
    return value;
  }

  private unary(): number {
    if (this.isOp("-") || this.isOp("+")) {
      const operator = this.tokens[this.position++]!.value;
      this.enter();
      const value = this.unary();
      this.depth--;
      return operator === "-" ? -value : value;
    }
    return this.power();
  }

  private power(): number {
    const base = this.primary();
    if (!this.isOp("^")) return base;
    this.position++;
    this.enter();
    const exponent = this.unary(); // right-associative: 2^3^2 = 2^9
    this.depth--;
    const value = base ** exponent;
    if (Number.isNaN(value)) throw new InputError("That power is not a real number.");
    return value;
  }

  private primary(): number {
    const token = this.peek();
    if (token === undefined) {
      const previous = this.tokens[this.position - 1];
      throw new InputError(previous ? `Missing a number after "${previous.text}".` : "Type a number.");
    }
    if (token.kind === "number") {
      this.position++;
      return token.value;
    }
    if (token.kind === "op" && token.value === "(") {
      this.position++;
      this.enter();
      const value = this.expression();
      this.depth--;
      if (!this.isOp(")")) throw new InputError("Missing a closing parenthesis.");
      this.position++;
      return value;
    }
    if (token.kind === "op" && token.value === ")") throw new InputError("Unexpected closing parenthesis.");
    if (token.kind === "op") throw new InputError(`Missing a number before "${token.text}".`);
    throw new InputError(`"${token.text}" is not a number. Type a number, for example 73856, 7.3856e4 or 73.9k.`);
  }
}

/** Reads the words after the expression: an optional multiplier (`k`, `M`…) then an optional unit. */
function readTail(tokens: Token[], start: number, asked: NumericUnit, value: number): number {
  let i = start;
  let result = value;
  const first = tokens[i];
  if (first?.kind === "word" && Object.hasOwn(MULTIPLIERS, first.value)) {
    result *= MULTIPLIERS[first.value]!;
    i++;
  }
  const unitToken = tokens[i];
  if (unitToken !== undefined) {
    if (unitToken.kind !== "word") {
      throw new InputError(unitToken.kind === "op" && unitToken.value === ")" ? "Unexpected closing parenthesis." : `Unexpected "${unitToken.text}".`);
    }
    const typed = parseUnitWord(unitToken.value);
    if (!typed) throw new InputError(`Unknown unit "${unitToken.text}". This question asks for ${unitLabel(asked)}.`);
    const converted = convertTypedUnit(result, typed, asked);
    if (converted === null) throw new InputError(`This question asks for ${unitLabel(asked)}.`);
    result = converted;
    i++;
  }
  const extra = tokens[i];
  if (extra !== undefined) throw new InputError(`Unexpected "${extra.text}" after the unit.`);
  return result;
}

function parse(input: string, unit: NumericUnit): LearnerAnswer {
  const text = foldFullWidth(input).trim();
  if (text === "") return { ok: false, message: "Type a number." };
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, message: `That answer is too long (at most ${MAX_INPUT_LENGTH} characters).` };
  const tokens = tokenize(text);
  const parser = new Parser(tokens);
  let value = parser.expression();
  value = readTail(tokens, parser.consumed, unit, value);
  if (!Number.isFinite(value)) return { ok: false, message: TOO_LARGE };
  if (Object.is(value, -0)) value = 0;
  return { ok: true, value, normalized: `${formatNumber(value, { significantDigits: 12 })}${unitSuffix(unit)}` };
}

/**
 * Reads a learner's answer for a question asking for `unit`. Never throws, whatever the string.
 *
 * Accepted: plain numbers (`73856`, `0.5`, `.5`); thousands separators (`73,856`; commas elsewhere, as in
 * `1,5`, are refused with "Use a dot for decimals (1.5) and commas only between thousands (73,856).");
 * scientific notation (`7.3856e4`, `7.3856E4`, `7.3856×10^4`); the SI multipliers `k`/`K`, `M`, `G`, `T`
 * (`73.9k`, `1.2 M`); arithmetic with `+ - * / ^`, `×`, `·`, `÷` and parentheses (`3*3*64*128+128`); and one
 * unit at the end, case-insensitively (`3.5 MiB`, `73856 params`, `12 fps`, `25%`, `4.1 GFLOPs`). Byte units
 * (`B`/bytes, bits, KB, MB, GB, TB, KiB, MiB, GiB, TiB) are converted into the question's byte unit; any other
 * unit must be the question's ("This question asks for MiB.").
 *
 * Refused, with a message for the learner: empty input, more than 200 characters, more than 20 nested
 * parentheses or signs, a division by zero, a result that is not a finite number (`1e999`), unknown words.
 *
 * @example
 * ```ts
 * parseLearnerAnswer("73,856", "parameters");        // { ok: true, value: 73856, normalized: "73,856 parameters" }
 * parseLearnerAnswer("3670016 bytes", "MiB");         // { ok: true, value: 3.5, normalized: "3.5 MiB" }
 * parseLearnerAnswer("1,5", "none");                  // { ok: false, message: "Use a dot for decimals (1.5) and …" }
 * parseLearnerAnswer("12 params", "MiB");             // { ok: false, message: "This question asks for MiB." }
 * ```
 */
export function parseLearnerAnswer(input: string, unit: NumericUnit): LearnerAnswer {
  try {
    if (typeof input !== "string") return { ok: false, message: "Type a number." };
    return parse(input, unit);
  } catch (error) {
    if (error instanceof InputError) return { ok: false, message: error.message };
    return { ok: false, message: "Could not read that answer. Type a number, for example 73856." };
  }
}
