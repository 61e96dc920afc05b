import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayKey, daysBetweenKeys, SrsError, studyDay, studyDayOfKey } from "./index";

const HOUR = 3_600_000;
const utc = (iso: string) => new Date(`${iso}Z`);
const hours = (day: { start: Date; end: Date }) => (day.end.getTime() - day.start.getTime()) / HOUR;
const BERLIN_4 = { timeZone: "Europe/Berlin", dayStartHour: 4 };
const NEW_YORK_4 = { timeZone: "America/New_York", dayStartHour: 4 };

// 2026 calendar: 1 Jan is a Thursday, so 1 Mar, 8 Mar, 29 Mar, 25 Oct and 1 Nov are Sundays.
// EU: summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC
//   (Berlin: 02:00 CET → 03:00 CEST on 29 Mar; 03:00 CEST → 02:00 CET on 25 Oct). CET = UTC+1, CEST = UTC+2.
// US: 2nd Sunday of March 02:00 EST → 03:00 EDT (8 Mar), 1st Sunday of November 02:00 EDT → 01:00 EST (1 Nov).
//   EST = UTC−5, EDT = UTC−4.

describe("studyDay", () => {
  it("starts at dayStartHour local time: 03:59 on the 27th belongs to the 26th", () => {
    // Berlin in January is UTC+1: 04:00 local = 03:00 UTC.
    const day = { key: "2026-01-26", start: utc("2026-01-26T03:00:00"), end: utc("2026-01-27T03:00:00") };
    expect(studyDay(utc("2026-01-27T02:59:00"), BERLIN_4)).toStrictEqual(day); // 03:59 local on the 27th
    expect(studyDay(utc("2026-01-26T03:00:00"), BERLIN_4)).toStrictEqual(day); // 04:00 local: start is inclusive
    expect(studyDay(utc("2026-01-27T03:00:00"), BERLIN_4).key).toBe("2026-01-27"); // end is exclusive
  });

  it("uses UTC with dayStartHour 0 as plain calendar days", () => {
    expect(studyDay(utc("2026-12-31T23:59:59.999"), { timeZone: "UTC", dayStartHour: 0 })).toStrictEqual({
      key: "2026-12-31",
      start: utc("2026-12-31T00:00:00"),
      end: utc("2027-01-01T00:00:00"),
    });
  });

  it("handles Europe/Berlin's spring change (29 Mar 2026): the day keyed the 28th is 23 h", () => {
    // Day "2026-03-28": starts 28 Mar 04:00 CET = 03:00 UTC; ends 29 Mar 04:00 CEST = 02:00 UTC → 23 h
    // (the clocks jumped 02:00 → 03:00 inside it).
    const the28th = studyDay(utc("2026-03-28T12:00:00"), BERLIN_4);
    expect(the28th).toStrictEqual({ key: "2026-03-28", start: utc("2026-03-28T03:00:00"), end: utc("2026-03-29T02:00:00") });
    expect(hours(the28th)).toBe(23);
    // Day "2026-03-29": 29 Mar 04:00 CEST = 02:00 UTC to 30 Mar 04:00 CEST = 02:00 UTC → 24 h (the change was before 04:00).
    const the29th = studyDay(utc("2026-03-29T02:00:00"), BERLIN_4);
    expect(the29th).toStrictEqual({ key: "2026-03-29", start: utc("2026-03-29T02:00:00"), end: utc("2026-03-30T02:00:00") });
    expect(hours(the29th)).toBe(24);
    // 01:59 UTC on the 29th = 03:59 CEST: still the 28th.
    expect(dayKey(utc("2026-03-29T01:59:00"), BERLIN_4)).toBe("2026-03-28");
  });

  it("handles Europe/Berlin's autumn change (25 Oct 2026): the day keyed the 24th is 25 h", () => {
    // Day "2026-10-24": 24 Oct 04:00 CEST = 02:00 UTC to 25 Oct 04:00 CET = 03:00 UTC → 25 h.
    const day = studyDay(utc("2026-10-25T02:30:00"), BERLIN_4); // 03:30 CET, after the clocks went back
    expect(day).toStrictEqual({ key: "2026-10-24", start: utc("2026-10-24T02:00:00"), end: utc("2026-10-25T03:00:00") });
    expect(hours(day)).toBe(25);
    expect(hours(studyDay(utc("2026-10-25T12:00:00"), BERLIN_4))).toBe(24); // 25 Oct 03:00 UTC → 26 Oct 03:00 UTC
  });

  it("handles America/New_York's changes (8 Mar and 1 Nov 2026): 23 h and 25 h days", () => {
    // Day "2026-03-07": 7 Mar 04:00 EST = 09:00 UTC to 8 Mar 04:00 EDT = 08:00 UTC → 23 h.
    const spring = studyDay(utc("2026-03-08T07:59:00"), NEW_YORK_4); // 03:59 EDT on the 8th
    expect(spring).toStrictEqual({ key: "2026-03-07", start: utc("2026-03-07T09:00:00"), end: utc("2026-03-08T08:00:00") });
    expect(hours(spring)).toBe(23);
    // Day "2026-10-31": 31 Oct 04:00 EDT = 08:00 UTC to 1 Nov 04:00 EST = 09:00 UTC → 25 h.
    const autumn = studyDay(utc("2026-11-01T08:30:00"), NEW_YORK_4); // 03:30 EST on the 1st
    expect(autumn).toStrictEqual({ key: "2026-10-31", start: utc("2026-10-31T08:00:00"), end: utc("2026-11-01T09:00:00") });
    expect(hours(autumn)).toBe(25);
  });

  it("starts at the first occurrence of a repeated hour and at the jump of a skipped one", () => {
    // dayStartHour 2 in Berlin. 25 Oct: 02:00 happens twice, first as CEST (00:00 UTC), then as CET (01:00 UTC).
    // The day starts at the first; it ends 26 Oct 02:00 CET = 01:00 UTC → 25 h.
    const repeated = studyDay(utc("2026-10-25T00:30:00"), { timeZone: "Europe/Berlin", dayStartHour: 2 });
    expect(repeated).toStrictEqual({ key: "2026-10-25", start: utc("2026-10-25T00:00:00"), end: utc("2026-10-26T01:00:00") });
    // 29 Mar: 02:00 does not exist (01:59:59 CET is followed by 03:00 CEST = 01:00 UTC): the day starts at the
    // jump, 01:00 UTC, and ends 30 Mar 02:00 CEST = 00:00 UTC → 23 h.
    const skipped = studyDay(utc("2026-03-29T12:00:00"), { timeZone: "Europe/Berlin", dayStartHour: 2 });
    expect(skipped).toStrictEqual({ key: "2026-03-29", start: utc("2026-03-29T01:00:00"), end: utc("2026-03-30T00:00:00") });
    expect(dayKey(utc("2026-03-29T00:59:59.999"), { timeZone: "Europe/Berlin", dayStartHour: 2 })).toBe("2026-03-28");
  });

  it("handles changes at midnight (America/Santiago, dayStartHour 0)", () => {
    // Chile (UTC−4 winter, UTC−3 summer). 6 Sep 2026: 00:00 −04 = 04:00 UTC jumps to 01:00 −03, so the day keyed
    // the 6th starts at 04:00 UTC and ends 7 Sep 00:00 −03 = 03:00 UTC → 23 h.
    const options = { timeZone: "America/Santiago", dayStartHour: 0 };
    const spring = studyDay(utc("2026-09-06T12:00:00"), options);
    expect(spring).toStrictEqual({ key: "2026-09-06", start: utc("2026-09-06T04:00:00"), end: utc("2026-09-07T03:00:00") });
    // 5 Apr 2026 (first Sunday of April): at 24:00 −03 on the 4th (= 03:00 UTC) clocks go back to 23:00 −04, so
    // midnight of the 5th first shows at 04:00 UTC. Day "2026-04-04": 4 Apr 00:00 −03 = 03:00 UTC → 04:00 UTC
    // on the 5th = 25 h; 03:30 UTC on the 5th (the repeated 23:30 of the 4th) belongs to it.
    const autumn = studyDay(utc("2026-04-05T03:30:00"), options);
    expect(autumn).toStrictEqual({ key: "2026-04-04", start: utc("2026-04-04T03:00:00"), end: utc("2026-04-05T04:00:00") });
  });

  it("tiles time: start <= now < end, days are 23–25 h and follow each other (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) }),
        fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Auckland"),
        fc.integer({ min: 0, max: 23 }),
        (instant, timeZone, dayStartHour) => {
          const now = new Date(instant);
          const options = { timeZone, dayStartHour };
          const day = studyDay(now, options);
          expect(day.start.getTime()).toBeLessThanOrEqual(instant);
          expect(instant).toBeLessThan(day.end.getTime());
          expect(hours(day)).toBeGreaterThanOrEqual(23);
          expect(hours(day)).toBeLessThanOrEqual(25);
          const next = studyDay(day.end, options);
          expect(next.start).toEqual(day.end);
          expect(daysBetweenKeys(day.key, next.key)).toBe(1);
          expect(studyDay(new Date(day.start.getTime() - 1), options).end).toEqual(day.start);
          expect(studyDayOfKey(day.key, options)).toStrictEqual(day);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("rejects unknown zones, hours outside 0..23 and invalid dates", () => {
    const now = utc("2026-01-01T00:00:00");
    expect(() => studyDay(now, { timeZone: "Mars/Olympus", dayStartHour: 4 })).toThrow(SrsError);
    expect(() => studyDay(now, { timeZone: "UTC", dayStartHour: 24 })).toThrow("dayStartHour: Choose the hour a new day starts, from 0 to 23.");
    expect(() => studyDay(now, { timeZone: "UTC", dayStartHour: 1.5 })).toThrow(SrsError);
    expect(() => studyDay(new Date(Number.NaN), BERLIN_4)).toThrow("now: Expected a valid date.");
  });
});

describe("daysBetweenKeys", () => {
  it("counts calendar days between keys, across month, year and DST changes", () => {
    expect(daysBetweenKeys("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetweenKeys("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetweenKeys("2026-03-01", "2026-02-28")).toBe(-1);
    expect(daysBetweenKeys("2028-02-28", "2028-03-01")).toBe(2); // 2028 is a leap year
    expect(daysBetweenKeys("2026-10-24", "2026-10-24")).toBe(0);
  });

  it("rejects malformed keys", () => {
    expect(() => daysBetweenKeys("2026-02-30", "2026-03-01")).toThrow(SrsError);
    expect(() => daysBetweenKeys("26-1-1", "2026-03-01")).toThrow('fromKey: Expected a date key like "2026-03-29", got "26-1-1".');
  });
});
