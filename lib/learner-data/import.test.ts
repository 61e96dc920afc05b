/**
 * The import service's pure helpers: file names from the browser, deck titles and per-learner key prefixes. The
 * service itself runs against PostgreSQL in tests/integration/learner-data.test.ts.
 */
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { cleanFileName, deckTitleFor, keyPrefixFor } = await import("./import");

describe("cleanFileName", () => {
  it("drops folders (either slash) and control characters, and shortens long names", () => {
    expect(cleanFileName("C:\\Users\\me\\Deck.apkg")).toBe("Deck.apkg");
    expect(cleanFileName("/home/me/a\u0000b.apkg ")).toBe("ab.apkg");
    expect(cleanFileName(`${"x".repeat(200)}.apkg`)).toHaveLength(100);
    expect(cleanFileName("folder/")).toBe("package.apkg");
  });
});

describe("deckTitleFor", () => {
  it("uses the Anki deck name, else the file name without .apkg, else a default", () => {
    expect(deckTitleFor("Deep learning / CNNs", "x.apkg")).toBe("Deep learning / CNNs");
    expect(deckTitleFor(null, "My_Spanish_Deck.APKG")).toBe("My Spanish Deck");
    expect(deckTitleFor(" \u0000 ", ".apkg")).toBe("Anki import");
    expect(deckTitleFor("d".repeat(300), "x.apkg")).toBe(`${"d".repeat(119)}…`);
  });
});

describe("keyPrefixFor", () => {
  it("is anki- and the first 8 hex digits of SHA-256 of the user id", () => {
    expect(keyPrefixFor("user-1")).toBe(`anki-${createHash("sha256").update("user-1").digest("hex").slice(0, 8)}`);
    expect(keyPrefixFor("user-1")).toMatch(/^anki-[0-9a-f]{8}$/);
  });
});
