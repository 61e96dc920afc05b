/**
 * CSV fields per RFC 4180, checked by hand on the cases that need quoting and, as a property, by reading arbitrary
 * records back with csv-parse (an independent reader).
 */
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "./csv";

describe("csvField", () => {
  it("writes plain text and numbers as they are, null as the empty field", () => {
    expect([csvField("abc"), csvField("card-key-1"), csvField(42), csvField(-600), csvField(3.25), csvField(null), csvField("")]).toEqual(["abc", "card-key-1", "42", "-600", "3.25", "", ""]);
  });

  it("quotes fields with a comma, quote, CR, LF or edge space, doubling inner quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(" padded ")).toBe('" padded "');
  });

  it("refuses numbers that are not finite", () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("csvRecord", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRecord(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });

  it("reads back exactly with csv-parse, whatever the text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (records) => {
        const text = records.map(csvRecord).join("");
        expect(parse(text, { relax_column_count: true })).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });
});
