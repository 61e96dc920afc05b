import { describe, expect, it } from "vitest";
import { safeCallbackPath, withCallback } from "./redirect";

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

describe("withCallback", () => {
  it("carries a destination between the login and registration pages, encoded", () => {
    expect(withCallback("/register", "/join/abc123")).toBe("/register?callbackUrl=%2Fjoin%2Fabc123");
    expect(withCallback("/login", "/decks/cnn?tag=bn")).toBe("/login?callbackUrl=%2Fdecks%2Fcnn%3Ftag%3Dbn");
  });

  it("leaves the default destination and unsafe ones out", () => {
    expect(withCallback("/login", "/home")).toBe("/login");
    expect(withCallback("/register", "//evil.example/path")).toBe("/register");
  });
});
