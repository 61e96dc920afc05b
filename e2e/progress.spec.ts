import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { BASIC_MODEL, CLOZE_MODEL, FURIGANA_MODEL, buildApkg } from "../lib/learner-data/apkg-fixture";
import { register, studyOneCard, uniqueEmail } from "./fixtures";

test("a new learner's statistics show empty states, then their first review", async ({ page }) => {
  await register(page, { email: uniqueEmail("stats") });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statistics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
  await expect(page.getByText("No reviews in the last year yet: each day you study fills a square here.")).toBeVisible();
  await expect(page.getByText("No cards yet: start studying a deck and its cards show up here.")).toBeVisible();

  await studyOneCard(page);
  await page.goto("/stats");
  const reviewsThisYear = page.locator("dt", { hasText: "Reviews this year" }).locator("xpath=following-sibling::dd[1]");
  await expect(reviewsThisYear).toHaveText("1");
  await expect(page.getByText("On 1 day of the last 365.")).toBeVisible();
  await expect(page.getByText("No reviews in the last year yet: each day you study fills a square here.")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Card states per deck" })).toBeVisible();

  // The deck picker narrows the page to one deck; an unknown deck falls back to all decks with a notice.
  await page.goto("/stats?deck=no-such-deck");
  await expect(page.getByText(/That deck is not one of yours/)).toBeVisible();

  // Too few reviews to optimise the scheduler: the settings page says why and keeps the button unavailable.
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Your scheduler" })).toBeVisible();
  await expect(page.getByText(/You have 1 of the 400 reviews optimising needs/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Optimise my scheduler" })).toHaveAttribute("aria-disabled", "true");
});

test("a learner exports their reviews and cards, imports an Anki deck, studies it, and deletes it", async ({ page }) => {
  test.setTimeout(120_000);
  await register(page, { email: uniqueEmail("data") });
  await studyOneCard(page);

  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("menuitem", { name: "Import and export" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download review history" }).click();
  const csv = await readFile(await (await csvDownload).path(), "utf8");
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header!.split(",").slice(0, 5)).toEqual(["card_id", "review_time", "review_rating", "review_state", "review_duration"]);
  expect(rows).toHaveLength(1);

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download card states" }).click();
  const cards = JSON.parse(await readFile(await (await jsonDownload).path(), "utf8")) as unknown;
  expect(JSON.stringify(cards)).toContain('"state"');

  // An Anki package built here: two basic notes, a cloze note with two deletions and a note type that cannot be
  // imported.
  const apkg = await buildApkg({
    models: [BASIC_MODEL, CLOZE_MODEL, FURIGANA_MODEL],
    decks: { 1_700_000_000_000: "E2E Anki" },
    notes: [
      { guid: "e2e-basic-1", modelId: BASIC_MODEL.id, fields: ["What is a <b>stride</b>?", "The step of the kernel"], deckId: 1_700_000_000_000 },
      { guid: "e2e-basic-2", modelId: BASIC_MODEL.id, fields: ["What does padding keep?", "The spatial size"], deckId: 1_700_000_000_000 },
      { guid: "e2e-cloze", modelId: CLOZE_MODEL.id, fields: ["{{c1::ReLU}} is max(0, {{c2::x}})", ""], deckId: 1_700_000_000_000 },
      { guid: "e2e-jp", modelId: FURIGANA_MODEL.id, fields: ["犬", "dog", "犬[いぬ]"], deckId: 1_700_000_000_000 },
    ],
  });
  await page.getByLabel("Anki package (.apkg)").setInputFiles({ name: "e2e.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(apkg) });
  await page.getByRole("button", { name: "Check package" }).click();
  await expect(page.getByRole("heading", { name: "Dry run · new deck “E2E Anki”" })).toBeVisible();
  await expect(page.getByText(/is not supported/)).toBeVisible();
  await page.getByRole("button", { name: "Import 4 flashcards" }).click();
  await expect(page.getByRole("heading", { name: "Imported into “E2E Anki”" })).toBeVisible();

  // The deck is the learner's: listed under "Your decks", and its cards come up in study.
  await page.goto("/decks");
  const yourDecks = page.getByRole("region", { name: "Your decks" });
  await yourDecks.getByRole("link", { name: /E2E Anki/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E2E Anki" })).toBeVisible();
  await expect(page.getByRole("link", { name: /What is a stride\?/ })).toBeVisible();
  const deckUrl = page.url();
  const slug = deckUrl.split("/").pop()!;
  await page.goto(`/study?deck=${slug}`);
  await expect(page.getByText("E2E Anki")).toBeVisible();
  await page.getByRole("link", { name: /Start studying/ }).click();
  await expect(page.getByRole("button", { name: /Show answer/ })).toBeVisible();

  // Deleting it asks first, then removes it everywhere.
  await page.goto("/account/data");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete E2E Anki" }).click();
  await expect(page.getByText("Deleted “E2E Anki” (4 flashcards).")).toBeVisible();
  await page.goto(deckUrl);
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
});
