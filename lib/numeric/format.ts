/**
 * How numbers appear in question text: plainly inside math (`$73856$`), with thousands separators outside
 * (`73,856`), non-integers to at most 6 significant figures, powers of ten only for very large or very small
 * magnitudes.
 */

/** Options for {@link formatNumber}. */
export interface FormatNumberOptions {
  /**
   * True inside `$…$` / `$$…$$` (KaTeX): no thousands separators, `\times 10^{n}` for powers of ten.
   * Default false: thousands separators (`73,856`) and `× 10ⁿ` with superscript digits.
   */
  math?: boolean;
  /**
   * Significant figures kept for non-integers (1 to 17). Default 6. Digits before the decimal point are never
   * dropped: 1234567.8 is written 1,234,568.
   */
  significantDigits?: number;
}

/** From here up, numbers are written as a power of ten: 1e15 is past where digit strings stay readable. */
const LARGE = 1e15;
/** Below this (and above 0), too: 0.0001 still reads fine, 0.00001 does not. */
const SMALL = 1e-4;

const SUPERSCRIPTS: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** Removes trailing zeros of a decimal fraction: "2.50000" → "2.5", "3.000" → "3". */
function trimZeros(digits: string): string {
  return digits.includes(".") ? digits.replace(/\.?0+$/, "") : digits;
}

function group(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Writes a number for question text.
 *
 * - Integers below 10¹⁵ in full: `73856` in math, `73,856` outside.
 * - Other numbers rounded to `significantDigits` (default 6) significant figures, never dropping integer
 *   digits, trailing zeros removed: 97.49897… → `97.499`, 0.1 + 0.2 → `0.3`.
 * - |x| >= 10¹⁵ or 0 < |x| < 10⁻⁴: mantissa and power of ten, `1.5 \times 10^{-5}` in math,
 *   `1.5 × 10⁻⁵` outside.
 * - −0 is written `0`; NaN and ±Infinity as `NaN`, `Infinity`, `-Infinity` (templates never produce them).
 *
 * @example
 * ```ts
 * formatNumber(73856);                  // "73,856"
 * formatNumber(73856, { math: true });  // "73856"
 * formatNumber(3.14159265);             // "3.14159"
 * formatNumber(1234567.89);             // "1,234,568"
 * formatNumber(2.5e-5, { math: true }); // "2.5 \\times 10^{-5}"
 * ```
 */
export function formatNumber(value: number, options: FormatNumberOptions = {}): string {
  const math = options.math ?? false;
  const significant = Math.min(17, Math.max(1, Math.trunc(options.significantDigits ?? 6)));
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const sign = value < 0 ? "-" : "";
  const magnitude = Math.abs(value);

  if (magnitude >= LARGE || magnitude < SMALL) {
    const [mantissa, exponent] = magnitude.toExponential(significant - 1).split("e") as [string, string];
    const power = String(Number(exponent));
    if (math) return `${sign}${trimZeros(mantissa)} \\times 10^{${power}}`;
    return `${sign}${trimZeros(mantissa)} × 10${[...power].map((c) => SUPERSCRIPTS[c] ?? c).join("")}`;
  }

  let digits: string;
  if (Number.isInteger(magnitude)) {
    digits = String(magnitude);
  } else {
    const integerDigits = magnitude >= 1 ? Math.floor(Math.log10(magnitude)) + 1 : 1;
    digits = trimZeros(magnitude.toPrecision(Math.min(21, Math.max(significant, integerDigits))));
    // toPrecision may round up to the next power of ten; it never switches to exponent form here because the
    // precision covers every integer digit and magnitudes below 10⁻⁴ were handled above.
  }
  if (digits === "0") return "0";
  if (math) return sign + digits;
  const [integerPart, fraction] = digits.split(".") as [string, string | undefined];
  return sign + group(integerPart) + (fraction === undefined ? "" : `.${fraction}`);
}
