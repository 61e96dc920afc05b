import { expect, test, type Page } from "@playwright/test";
import { register, uniqueEmail } from "./fixtures";

/** Answers whatever card is shown with the keyboard only, then rates it with Enter (the default rating). */
async function studyOneCard(page: Page, reviewedBefore: number) {
  await expect(page.getByText(`${reviewedBefore} reviewed`)).toBeVisible();
  const showAnswer = page.getByRole("button", { name: /Show answer/ });
  const choices = page.getByRole("group", { name: /Choose one/ });
  await expect(showAnswer.or(choices).or(page.getByLabel(/Your answer/)).first()).toBeVisible();
  if (await showAnswer.isVisible()) {
    await page.keyboard.press("Space");
  } else if (await choices.isVisible()) {
    await page.keyboard.press("1");
  } else {
    await page.getByLabel(/Your answer/).fill("1");
    await page.getByLabel(/Your answer/).press("Enter");
    await expect(page.getByRole("status").filter({ hasText: /Correct|Not/ })).toBeVisible();
    await page.locator("body").click({ position: { x: 5, y: 5 } });
  }
  const ratings = page.getByRole("group", { name: "Rate how well you remembered" });
  await expect(ratings).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByText(`${reviewedBefore + 1} reviewed`)).toBeVisible();
  // The next card has replaced this one once the rating buttons are gone again.
  await expect(ratings).toBeHidden();
}

test("study five cards with the keyboard, undo one, and see the counts on the dashboard", async ({ page }) => {
  await register(page, { email: uniqueEmail("student") });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Study" }).click();
  await expect(page.getByRole("heading", { name: "Study" })).toBeVisible();
  await expect(page.getByText("New", { exact: true })).toBeVisible();
  await page.keyboard.press("Enter");

  for (let reviewed = 0; reviewed < 5; reviewed++) await studyOneCard(page, reviewed);

  // The sixth card is on screen (keys pressed while a card is loading are ignored).
  await expect(page.getByRole("button", { name: /Show answer/ }).or(page.getByRole("group", { name: /Choose one/ })).first()).toBeVisible();
  await page.keyboard.press("u");
  await expect(page.getByText(/Undid your review of/)).toBeVisible();
  await expect(page.getByText("4 reviewed")).toBeVisible();

  await page.goto("/home");
  await expect(page.getByTestId("reviews-today")).toHaveText("4");
});

test("the study overview shows per-deck counts and settings change the new-card limit", async ({ page }) => {
  await register(page, { email: uniqueEmail("limits") });
  await page.goto("/settings");
  await page.getByLabel("New cards per day").fill("3");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await page.goto("/study");
  const newCount = page.getByRole("region", { name: "Due now" }).locator("dd").first();
  await expect(newCount).toHaveText("3");
});
