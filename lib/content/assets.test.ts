import { describe, expect, it } from "vitest";
import { resolveContentAsset } from "./assets";

describe("resolveContentAsset", () => {
  it("accepts images inside a deck folder", () => {
    expect(resolveContentAsset(["cnn-fundamentals", "assets", "receptive-field.png"])).toEqual({
      relativePath: "cnn-fundamentals/assets/receptive-field.png",
      contentType: "image/png",
    });
    expect(resolveContentAsset(["object-detection", "RoI_Align.JPG"])?.contentType).toBe("image/jpeg");
  });

  it.each([
    [["..", "..", "etc", "passwd.png"]],
    [["deck", "..", "secret.png"]],
    [["deck", ".hidden.png"]],
    [["deck", "notes.md"]],
    [["deck", "image.svg"]],
    [["decks.yml"]],
    [["deck", "a%2F..%2Fb.png"]],
    [["deck", "a\\b.png"]],
  ])("refuses %j", (segments) => {
    expect(resolveContentAsset(segments)).toBeNull();
  });
});
