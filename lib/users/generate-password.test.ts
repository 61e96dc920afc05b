import { describe, expect, it } from "vitest";
import { generatePassword } from "./service";

describe("generatePassword", () => {
  it("makes passwords of the asked length from the unambiguous alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(24);
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    }
    expect(generatePassword(40)).toHaveLength(40);
  });

  it("does not repeat (24 characters from 57 symbols: a collision in 1000 draws would mean a broken generator)", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generatePassword()));
    expect(seen.size).toBe(1000);
  });
});
