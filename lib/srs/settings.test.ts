import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_SETTINGS, newCard, parseSchedulerSettings, reviewCard, SrsError, stepMinutes } from "./index";

/** The issues of the SrsError thrown by `run`, as `{ path: message }`. */
function issuesOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SrsError);
    return Object.fromEntries((error as SrsError).issues.map((issue) => [issue.path, issue.message]));
  }
  throw new Error("expected an SrsError");
}

describe("parseSchedulerSettings", () => {
  it("fills every default from the brief", () => {
    expect(parseSchedulerSettings({})).toStrictEqual({
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      reviewsPerDay: 200,
      timeZone: "UTC",
      dayStartHour: 4,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      maximumIntervalDays: 36_500,
      enableFuzz: true,
    });
    expect(parseSchedulerSettings(undefined)).toStrictEqual(parseSchedulerSettings({}));
    expect(DEFAULT_SCHEDULER_SETTINGS.learningSteps).toEqual(["1m", "10m"]);
  });

  it("keeps valid values, drops unknown keys (a user row can be passed) and canonicalises the time zone", () => {
    const settings = parseSchedulerSettings({
      id: "user-1",
      desiredRetention: 0.7,
      newCardsPerDay: 0,
      reviewsPerDay: 10_000,
      timeZone: "europe/berlin",
      dayStartHour: 23,
      learningSteps: [],
      relearningSteps: ["30m", "1h", "1d", "120s"],
      maximumIntervalDays: 1,
      enableFuzz: false,
    });
    expect(settings).toStrictEqual({
      desiredRetention: 0.7,
      newCardsPerDay: 0,
      reviewsPerDay: 10_000,
      timeZone: "Europe/Berlin",
      dayStartHour: 23,
      learningSteps: [],
      relearningSteps: ["30m", "1h", "1d", "120s"],
      maximumIntervalDays: 1,
      enableFuzz: false,
    });
    expect(parseSchedulerSettings({ timeZone: "utc" }).timeZone).toBe("UTC");
    expect(parseSchedulerSettings({ desiredRetention: 0.99 }).desiredRetention).toBe(0.99);
  });

  it("explains each out-of-bounds field, all at once", () => {
    expect(
      issuesOf(() =>
        parseSchedulerSettings({
          desiredRetention: 0.69,
          newCardsPerDay: -1,
          reviewsPerDay: 2.5,
          timeZone: "Mars/Olympus",
          dayStartHour: 24,
          maximumIntervalDays: 36_501,
          enableFuzz: "yes",
        }),
      ),
    ).toStrictEqual({
      desiredRetention: "Choose a desired retention from 0.70 to 0.99.",
      newCardsPerDay: "Enter how many new cards a day, from 0 to 1000.",
      reviewsPerDay: "Enter a whole number of reviews a day.",
      timeZone: '"Mars/Olympus" is not a time zone this server knows; choose one like Europe/Berlin or UTC.',
      dayStartHour: "Choose the hour a new day starts, from 0 to 23.",
      maximumIntervalDays: "Enter the longest interval in days, from 1 to 36500.",
      enableFuzz: "Choose whether to fuzz intervals (true or false).",
    });
    expect(issuesOf(() => parseSchedulerSettings({ desiredRetention: 0.995 }))).toStrictEqual({
      desiredRetention: "Choose a desired retention from 0.70 to 0.99.",
    });
    expect(issuesOf(() => parseSchedulerSettings({ desiredRetention: "0.9" }))).toStrictEqual({
      desiredRetention: "Choose a desired retention from 0.70 to 0.99.",
    });
    expect(issuesOf(() => parseSchedulerSettings({ dayStartHour: 4.5 }))).toStrictEqual({
      dayStartHour: "Choose a whole hour, from 0 to 23.",
    });
  });

  it("rejects fixed offsets and empty strings as time zones", () => {
    expect(Object.keys(issuesOf(() => parseSchedulerSettings({ timeZone: "+01:00" })))).toEqual(["timeZone"]);
    expect(Object.keys(issuesOf(() => parseSchedulerSettings({ timeZone: "" })))).toEqual(["timeZone"]);
  });

  it("explains malformed steps with the index of the step", () => {
    expect(issuesOf(() => parseSchedulerSettings({ learningSteps: ["1m", "10 min", "0m", "1.5m", "1w"] }))).toStrictEqual({
      "learningSteps.1": '"10 min" is not a step: write a whole number above 0 and a unit, like 30s, 1m, 10m, 1h or 1d.',
      "learningSteps.2": '"0m" is not a step: write a whole number above 0 and a unit, like 30s, 1m, 10m, 1h or 1d.',
      "learningSteps.3": '"1.5m" is not a step: write a whole number above 0 and a unit, like 30s, 1m, 10m, 1h or 1d.',
      "learningSteps.4": '"1w" is not a step: write a whole number above 0 and a unit, like 30s, 1m, 10m, 1h or 1d.',
    });
    // ts-fsrs counts steps in whole minutes, so 30 s and 90 s cannot be honoured.
    expect(issuesOf(() => parseSchedulerSettings({ relearningSteps: ["30s", "90s"] }))).toStrictEqual({
      "relearningSteps.0": '"30s" is not a whole number of minutes: the scheduler counts steps in minutes, so use 1m or more (120s is 2m).',
      "relearningSteps.1": '"90s" is not a whole number of minutes: the scheduler counts steps in minutes, so use 1m or more (120s is 2m).',
    });
    expect(issuesOf(() => parseSchedulerSettings({ learningSteps: Array.from({ length: 11 }, () => "1m") }))).toStrictEqual({
      learningSteps: "Use at most 10 learning steps.",
    });
    expect(issuesOf(() => parseSchedulerSettings({ learningSteps: ["36501d"] }))).toStrictEqual({
      "learningSteps.0": '"36501d" is too long: a step can be at most 36500d.',
    });
    expect(issuesOf(() => parseSchedulerSettings({ learningSteps: "1m" }))).toStrictEqual({
      learningSteps: 'Give the learning steps as a list, like ["1m", "10m"].',
    });
  });

  it("joins the issues into the error message", () => {
    expect(() => parseSchedulerSettings({ dayStartHour: -1 })).toThrow("dayStartHour: Choose the hour a new day starts, from 0 to 23.");
  });
});

describe("stepMinutes", () => {
  it("converts steps to whole minutes", () => {
    expect(stepMinutes("1m")).toBe(1);
    expect(stepMinutes("10m")).toBe(10);
    expect(stepMinutes("1h")).toBe(60); // 60 min
    expect(stepMinutes("1d")).toBe(1_440); // 24 · 60
    expect(stepMinutes("120s")).toBe(2);
    expect(stepMinutes("30s")).toBeNull();
    expect(stepMinutes("m")).toBeNull();
  });
});

describe("settings given to reviewCard", () => {
  it("are validated too, with the path under settings", () => {
    const settings = { ...parseSchedulerSettings({}), desiredRetention: 1.5 };
    const now = new Date("2026-01-01T00:00:00Z");
    expect(issuesOf(() => reviewCard(newCard(now), 3, settings, now))).toStrictEqual({
      "settings.desiredRetention": "Choose a desired retention from 0.70 to 0.99.",
    });
    expect(
      issuesOf(() => reviewCard(newCard(now), 3, { ...parseSchedulerSettings({}), learningSteps: ["90s"] }, now)),
    ).toHaveProperty(["settings.learningSteps.0"]);
  });
});
