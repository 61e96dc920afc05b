import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NUMERIC_UNITS, parseLearnerAnswer, type NumericUnit } from "./index";

const COMMAS = "Use a dot for decimals (1.5) and commas only between thousands (73,856).";

describe("parseLearnerAnswer: accepted forms", () => {
  it.each<[string, NumericUnit, number]>([
    ["73856", "parameters", 73_856],
    ["  73856  ", "parameters", 73_856],
    ["73,856", "parameters", 73_856],
    ["1,234,567.5", "none", 1_234_567.5],
    ["7.3856e4", "parameters", 73_856],
    ["7.3856E4", "parameters", 73_856],
    ["7.3856e+4", "parameters", 73_856],
    ["7.3856×10^4", "parameters", 73_856],
    ["7.3856 x 10^4", "parameters", 73_856],
    ["73.9k", "parameters", 73_900],
    ["73.9K", "parameters", 73_900],
    ["1.2M", "parameters", 1_200_000],
    ["1.2 M params", "parameters", 1_200_000],
    ["4G", "FLOPs", 4e9],
    ["2T", "FLOPs", 2e12],
    ["3*3*64*128+128", "parameters", 73_856], // 73,728 + 128
    // Typed with a Chinese input method: full-width digits, comma, operators and exponent; 万 = 10^4, 亿 = 10^8.
    ["７３，８５６", "parameters", 73_856],
    ["７．３８５６ｅ４", "parameters", 73_856],
    ["３＊３＊６４＊１２８＋１２８", "parameters", 73_856],
    ["7.3856万", "parameters", 73_856],
    ["1.38亿", "parameters", 138_000_000],
    ["\u300073856\u3000", "parameters", 73_856],
    ["3 × 3 × 64 × 128 + 128", "parameters", 73_856],
    ["3·3·64·128 + 128", "parameters", 73_856],
    ["3x3x64x128+128", "parameters", 73_856],
    ["(224 + 2*3 - 7) / 2", "none", 111.5],
    ["2^10", "none", 1024],
    ["2**10", "none", 1024],
    ["2^3^2", "none", 512], // right-associative: 2^9
    ["-2^2", "none", -4], // the sign applies after the power
    ["2^-1", "none", 0.5],
    ["−3", "none", -3], // U+2212 minus sign
    [".5", "ratio", 0.5],
    ["5.", "none", 5],
    ["1e-3", "seconds", 0.001],
    ["73856 params", "parameters", 73_856],
    ["73856 parameters", "parameters", 73_856],
    ["73856 Parameters", "parameters", 73_856],
    ["3.5 MiB", "MiB", 3.5],
    ["3.5mib", "MiB", 3.5],
    ["3670016 bytes", "MiB", 3.5], // 3.5 · 2^20
    ["3670016 B", "MiB", 3.5],
    ["3.5 MiB", "bytes", 3_670_016],
    ["1 GB", "MB", 1000],
    ["1 GiB", "MiB", 1024],
    ["8 bits", "bytes", 1],
    ["2 KB", "bits", 16_000],
    ["1 TB", "GB", 1000],
    ["12 FPS", "FPS", 12],
    ["12 fps", "FPS", 12],
    ["25%", "percent", 25],
    ["25 percent", "percent", 25],
    ["4.1 GFLOPs", "FLOPs", 4.1e9],
    ["4.1 gflops", "FLOPs", 4.1e9],
    ["600 MMACs", "MACs", 6e8],
    ["2.5x", "ratio", 2.5],
    ["2.5 ×", "ratio", 2.5],
    ["16 ms", "ms", 16],
    ["0.5 s", "seconds", 0.5],
    ["56 px", "pixels", 56],
  ])("%s (%s) → %s", (input, unit, value) => {
    const result = parseLearnerAnswer(input, unit);
    expect(result.ok).toBe(true);
    // Equal up to floating-point noise: 4.1 · 1e9 is 4099999999.9999995 in binary.
    if (result.ok) expect(Math.abs(result.value - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
  });

  it("echoes the value in the question's unit", () => {
    expect(parseLearnerAnswer("73,856", "parameters")).toEqual({ ok: true, value: 73_856, normalized: "73,856 parameters" });
    expect(parseLearnerAnswer("3670016 bytes", "MiB")).toEqual({ ok: true, value: 3.5, normalized: "3.5 MiB" });
    expect(parseLearnerAnswer("25%", "percent")).toEqual({ ok: true, value: 25, normalized: "25%" });
    expect(parseLearnerAnswer("1/3", "none")).toEqual({ ok: true, value: 1 / 3, normalized: "0.333333333333" });
    expect(parseLearnerAnswer("-0", "none")).toEqual({ ok: true, value: 0, normalized: "0" });
  });
});

describe("parseLearnerAnswer: refused inputs", () => {
  it.each<[string, NumericUnit, string]>([
    ["", "parameters", "Type a number."],
    ["   ", "parameters", "Type a number."],
    ["abc", "parameters", '"abc" is not a number. Type a number, for example 73856, 7.3856e4 or 73.9k.'],
    ["1,5", "none", COMMAS],
    // A full-width comma is still a thousands separator only, and 。 is no decimal point.
    ["１，５", "none", COMMAS],
    ["7。5", "none", 'Unexpected "。". Type a number, for example 73856, 7.3856e4 or 73.9k.'],
    ["1,50", "none", COMMAS],
    ["12,34,567", "none", COMMAS],
    ["73,856,", "none", COMMAS],
    ["3, 4", "none", COMMAS],
    ["1.5,3", "none", COMMAS],
    ["1/0", "none", "Division by zero."],
    ["5/(2-2)", "none", "Division by zero."],
    ["((((", "none", 'Missing a number after "(".'],
    ["(1 + 2", "none", "Missing a closing parenthesis."],
    ["1 + 2)", "none", "Unexpected closing parenthesis."],
    ["1 +", "none", 'Missing a number after "+".'],
    ["* 3", "none", 'Missing a number before "*".'],
    ["1e999", "none", "That number is too large."],
    ["10^400", "none", "That number is too large."],
    ["(-8)^(1/3)", "none", "That power is not a real number."],
    ["73 856", "parameters", 'Unexpected number "856": write one number, without spaces inside (73856 or 73,856).'],
    ["1.2.3", "none", 'Unexpected number ".3": write one number, without spaces inside (73856 or 73,856).'],
    ["x".repeat(10_000), "none", "That answer is too long (at most 200 characters)."],
    ["3.5 apples", "MiB", 'Unknown unit "apples". This question asks for MiB.'],
    ["12 params", "MiB", "This question asks for MiB."],
    ["3.5 MiB", "parameters", "This question asks for parameters."],
    ["25%", "ratio", "This question asks for a ratio."],
    ["16 ms", "seconds", "This question asks for seconds."],
    ["5 px", "none", "This question asks for a plain number (no unit)."],
    ["5 MiB MiB", "MiB", 'Unexpected "MiB" after the unit.'],
    ["5 MiB + 3", "MiB", 'Unexpected "+" after the unit.'],
    ["5 + MiB", "MiB", '"MiB" is not a number. Type a number, for example 73856, 7.3856e4 or 73.9k.'],
    ["1.2m", "none", 'Unknown unit "m". This question asks for a plain number (no unit).'],
    ["5 $", "none", 'Unexpected "$". Type a number, for example 73856, 7.3856e4 or 73.9k.'],
    [`${"(".repeat(30)}1${")".repeat(30)}`, "none", "Too many nested parentheses or signs."],
    [`${"-".repeat(30)}1`, "none", "Too many nested parentheses or signs."],
  ])("%s (%s)", (input, unit, message) => {
    expect(parseLearnerAnswer(input, unit)).toEqual({ ok: false, message });
  });
});

describe("parseLearnerAnswer: properties", () => {
  const units = fc.constantFrom(...NUMERIC_UNITS);
  const answerLike = fc.stringMatching(/^[-+ 0-9.,eE×x·*/^()%kKMGTBiamsp]{0,40}$/);

  it("never throws and never returns a non-finite value with ok: true", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 250 }), fc.string({ unit: "grapheme", maxLength: 60 }), answerLike), units, (input, unit) => {
        const result = parseLearnerAnswer(input, unit);
        if (result.ok) {
          expect(Number.isFinite(result.value)).toBe(true);
          expect(typeof result.normalized).toBe("string");
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("reads back integers written plainly, with thousands separators and in exponent form", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const plain = parseLearnerAnswer(String(n), "none");
        const grouped = parseLearnerAnswer(n.toLocaleString("en-US"), "none");
        const exponent = parseLearnerAnswer(n.toExponential(), "none");
        expect(plain).toMatchObject({ ok: true, value: n });
        expect(grouped).toMatchObject({ ok: true, value: n });
        expect(exponent.ok && Math.abs(exponent.value - n) <= 1e-9 * Math.max(1, Math.abs(n))).toBe(true);
      }),
    );
  });

  it("a non-string input is refused, not thrown", () => {
    expect(parseLearnerAnswer(undefined as unknown as string, "none")).toEqual({ ok: false, message: "Type a number." });
  });
});
