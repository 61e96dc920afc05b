import { describe, expect, it } from "vitest";
import { TemplateError, checkPlaceholders, fillPlaceholders, findPlaceholders, formatNumber } from "./index";

describe("formatNumber", () => {
  it.each<[number, string, string]>([
    // value, outside math, inside math
    [73_856, "73,856", "73856"],
    [-73_856, "-73,856", "-73856"],
    [0, "0", "0"],
    [-0, "0", "0"],
    [999, "999", "999"],
    [1000, "1,000", "1000"],
    [3.5, "3.5", "3.5"],
    [0.1 + 0.2, "0.3", "0.3"], // 0.30000000000000004 to 6 significant figures
    [Math.PI, "3.14159", "3.14159"],
    [97.48997, "97.49", "97.49"], // 97.4900 to 6 figures, zeros dropped
    [1_234_567.89, "1,234,568", "1234568"], // integer digits are kept
    [0.000123456, "0.000123456", "0.000123456"],
    [0.0001, "0.0001", "0.0001"],
    [0.000025, "2.5 × 10⁻⁵", "2.5 \\times 10^{-5}"],
    [123_456_789_012_345, "123,456,789,012,345", "123456789012345"],
    [1e15, "1 × 10¹⁵", "1 \\times 10^{15}"],
    [1.23456789e20, "1.23457 × 10²⁰", "1.23457 \\times 10^{20}"],
    [-2.5e-7, "-2.5 × 10⁻⁷", "-2.5 \\times 10^{-7}"],
    [9.9999996, "10", "10"], // rounds up to the next power of ten
  ])("%s → %s / %s", (value, outside, inside) => {
    expect(formatNumber(value)).toBe(outside);
    expect(formatNumber(value, { math: true })).toBe(inside);
  });

  it("takes a number of significant figures", () => {
    expect(formatNumber(Math.PI, { significantDigits: 3 })).toBe("3.14");
    expect(formatNumber(1 / 3, { significantDigits: 12 })).toBe("0.333333333333");
  });
});

describe("fillPlaceholders", () => {
  const values = { n: 73_856, k: 3, r: 0.000025 };

  it("plain inside $…$ and $$…$$, grouped outside", () => {
    expect(fillPlaceholders("{{n}} parameters: $ {{k}}^2 = 9 $, $${{n}}$$", values)).toBe("73,856 parameters: $ 3^2 = 9 $, $$73856$$");
    expect(fillPlaceholders("$$\n{{n}} \\cdot 2\n$$ then {{n}}", values)).toBe("$$\n73856 \\cdot 2\n$$ then 73,856");
    expect(fillPlaceholders("rate {{r}}, $r = {{r}}$", values)).toBe("rate 2.5 × 10⁻⁵, $r = 2.5 \\times 10^{-5}$");
  });

  it("an escaped dollar and code spans are not math", () => {
    expect(fillPlaceholders("costs \\$5 for {{n}} \\$", values)).toBe("costs \\$5 for 73,856 \\$");
    expect(fillPlaceholders("`$x$` then {{n}} and $ {{n}} $", values)).toBe("`$x$` then 73,856 and $ 73856 $");
  });

  it("allows spaces inside the braces and accepts a Map", () => {
    expect(fillPlaceholders("{{ n }}", new Map([["n", 1500]]))).toBe("1,500");
  });

  it("an unknown name throws a TemplateError listing the known names", () => {
    expect(() => fillPlaceholders("{{m}}", values)).toThrow(new TemplateError("unknown placeholder {{m}} (known: n, k, r)"));
    expect(() => fillPlaceholders("{{1+2}}", values)).toThrow("{{1+2}} is not a placeholder (known names: n, k, r)");
  });

  it("leaves text without placeholders as it is", () => {
    expect(fillPlaceholders("$a$ {b} {{", values)).toBe("$a$ {b} {{");
  });
});

describe("findPlaceholders and checkPlaceholders", () => {
  it("finds names and whether they are in math", () => {
    expect(findPlaceholders("Use {{k}}: $ {{k}}^2 $ and $$ {{ answer }} $$")).toEqual([
      { name: "k", inMath: false },
      { name: "k", inMath: true },
      { name: "answer", inMath: true },
    ]);
  });

  it("reports unknown names, malformed placeholders and the answer where it is not allowed", () => {
    expect(checkPlaceholders("{{k}} {{answer}}", ["k"])).toEqual([]);
    expect(checkPlaceholders("{{k}} {{answer}} {{q}} {{q}} {{a b}}", ["k"], { allowAnswer: false })).toEqual([
      "{{answer}} must not appear here: it would give the answer away",
      "{{q}} is not a variable (known: k)",
      "{{a b}} is not a placeholder: write a variable name, as in {{k}}",
    ]);
  });
});
