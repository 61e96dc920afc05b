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
