import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirect";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/admin")).toBe("/admin");
    expect(safeCallbackPath("/decks/cnn?tag=bn")).toBe("/decks/cnn?tag=bn");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "javascript:alert(1)",
    "admin",
    "/ok\nSet-Cookie: x",
    "",
    42,
    undefined,
  ])("falls back to /home for %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/home");
  });
});
