import { describe, expect, it } from "vitest";
import { isLeech, LEECH_LAPSES, newCard, parseSchedulerSettings, reviewCard, shouldSuspendAsLeech, type SrsCard } from "./index";

const SETTINGS = parseSchedulerSettings({ enableFuzz: false });
const T0 = new Date("2026-03-01T10:00:00Z");

describe("leeches", () => {
  it("flags the card at exactly the 8th lapse, once", () => {
    expect(LEECH_LAPSES).toBe(8);
    // Learn the card (Easy graduates it to REVIEW), then forget it at every due date and relearn it.
    let card: SrsCard = reviewCard(newCard(T0), 4, SETTINGS, T0).card;
    const flags: boolean[] = [];
    for (let lapse = 1; lapse <= 10; lapse += 1) {
      const forgotten = reviewCard(card, 1, SETTINGS, card.due).card; // REVIEW → RELEARNING: a lapse
      expect(forgotten.lapses).toBe(lapse);
      flags.push(shouldSuspendAsLeech(card, forgotten));
      expect(isLeech(forgotten)).toBe(lapse >= 8);
      card = reviewCard(forgotten, 3, SETTINGS, forgotten.due).card; // relearnt: back to REVIEW, lapses unchanged
      expect(card).toMatchObject({ state: "REVIEW", lapses: lapse });
    }
    expect(flags).toEqual([false, false, false, false, false, false, false, true, false, false]);
  });

  it("does not count an Again during relearning as a lapse", () => {
    const learnt = reviewCard(newCard(T0), 4, SETTINGS, T0).card;
    const relearning = reviewCard(learnt, 1, SETTINGS, learnt.due).card;
    const againInRelearning = reviewCard(relearning, 1, SETTINGS, relearning.due).card;
    expect(againInRelearning).toMatchObject({ state: "RELEARNING", lapses: 1 });
  });

  it("compares lapse counts", () => {
    expect(isLeech({ lapses: 7 })).toBe(false);
    expect(isLeech({ lapses: 8 })).toBe(true);
    expect(shouldSuspendAsLeech({ lapses: 7 }, { lapses: 8 })).toBe(true);
    expect(shouldSuspendAsLeech({ lapses: 7 }, { lapses: 7 })).toBe(false);
    expect(shouldSuspendAsLeech({ lapses: 8 }, { lapses: 9 })).toBe(false);
  });
});
