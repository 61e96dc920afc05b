import { describe, expect, it } from "vitest";
import { formatBytes, formatCompact, formatCount, plural } from "./format";

describe("format", () => {
  it("groups thousands", () => {
    expect(formatCount(138357544)).toBe("138,357,544");
    expect(formatCount(0.125)).toBe("0.13");
  });

  it("compacts large counts", () => {
    expect(formatCompact(138357544)).toBe("138.36M");
    expect(formatCompact(4_089_184_256)).toBe("4.09B");
    expect(formatCompact(512)).toBe("512");
  });

  it("uses binary units for bytes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(3.5 * 1024 * 1024)).toBe("3.50 MiB"); // 3,670,016 bytes
    expect(formatBytes(150 * 1024)).toBe("150 KiB");
    expect(formatBytes(12.25 * 1024 ** 3)).toBe("12.3 GiB");
  });
});

describe("plural", () => {
  it("picks the word for the count, defaulting the plural to one + s, with thousands separators", () => {
    expect(plural(1, "deck")).toBe("1 deck");
    expect(plural(0, "deck")).toBe("0 decks");
    expect(plural(3, "file was", "files were")).toBe("3 files were");
    expect(plural(1200, "review")).toBe("1,200 reviews");
  });
});

describe("formatting per locale", () => {
  it("groups digits by thousands in English and Chinese alike", () => {
    expect(formatCount(73856, "en")).toBe("73,856");
    expect(formatCount(73856, "zh-Hans")).toBe("73,856");
  });

  it("writes compact numbers with Chinese units of 10^4 and 10^8", () => {
    // 138,357,544 = 1.38 × 10^8 (亿); 25,600 = 2.56 × 10^4 (万).
    expect(formatCompact(138357544, "en")).toBe("138.36M");
    expect(formatCompact(138357544, "zh-Hans")).toBe("1.38亿");
    expect(formatCompact(25600, "zh-Hant")).toBe("2.56萬");
  });
});
