import { describe, expect, it } from "vitest";
import { SrsError } from "@/lib/srs";
import { shiftDayKey } from "./stats";

describe("shiftDayKey", () => {
  it("moves by calendar days across month, year and leap-day boundaries", () => {
    expect(shiftDayKey("2026-03-28", 2)).toBe("2026-03-30"); // across Berlin's 23-hour day: still 2 keys on
    expect(shiftDayKey("2026-01-01", -1)).toBe("2025-12-31");
    expect(shiftDayKey("2028-02-28", 1)).toBe("2028-02-29"); // 2028 is a leap year
    expect(shiftDayKey("2026-03-30", -364)).toBe("2025-03-31"); // the heatmap's first day for today = 30 Mar 2026
    expect(shiftDayKey("2026-01-15", 29)).toBe("2026-02-13"); // the forecast's day 29
    expect(shiftDayKey("2026-01-15", 0)).toBe("2026-01-15");
  });

  it("rejects a malformed key or a fractional shift with SrsError", () => {
    expect(() => shiftDayKey("2026-3-1", 1)).toThrow(SrsError);
    expect(() => shiftDayKey("2026-02-30", 1)).toThrow(SrsError); // not a date: no roll-over to March
    expect(() => shiftDayKey("2026-01-15", 0.5)).toThrow(SrsError);
  });
});
