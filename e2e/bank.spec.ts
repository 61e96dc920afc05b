import { expect, test } from "@playwright/test";
import { register, uniqueEmail } from "./fixtures";

test.beforeEach(async ({ page }) => {
  await register(page, { email: uniqueEmail("reader") });
});

test("browse a deck, search, open a question, reveal the answer with Space and see rendered math", async ({ page }) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decks" }).click();
  await expect(page.getByRole("heading", { name: "Question bank" })).toBeVisible();
  await page.getByRole("link", { name: /CNN fundamentals/ }).click();

  await page.getByLabel("Search").fill("stack");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=stack/);
  await page.getByRole("link", { name: /Why stack 3×3 convolutions instead of using one large kernel\?/ }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Why stack 3×3 convolutions instead of using one large kernel?");
  // The prompt's math is already typeset; the answer is hidden until asked for.
  await expect(page.locator(".katex").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Answer" })).toHaveCount(0);

  await page.keyboard.press("Space");
  const answer = page.getByRole("region", { name: "Answer" });
  await expect(answer).toBeVisible();
  await expect(answer).toContainText("Same receptive field");
  // 27c² typeset by KaTeX: MathML for screen readers plus the visual HTML rendering.
  const formula = answer.locator(".katex").filter({ hasText: "27c" }).first();
  await expect(formula).toBeVisible();
  await expect(formula.locator("math")).toHaveCount(1);
  await expect(answer.locator("table")).toHaveCount(1);
});

test("a multiple-choice question is answered with a number key and explains wrong choices", async ({ page }) => {
  await page.goto("/decks/cnn-fundamentals?kind=MULTIPLE_CHOICE");
  const items = page.getByRole("list").last().getByRole("listitem");
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  for (let index = 0; index < count; index++) await expect(items.nth(index)).toContainText("Multiple choice");
  await items.first().getByRole("link").click();

  await expect(page.getByRole("group", { name: /Choose one/ })).toBeVisible();
  await page.keyboard.press("1");
  await expect(page.getByRole("status").filter({ hasText: /Right\.|Not quite/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Answer" })).toBeVisible();
});

test("next and previous move through the deck, also with the arrow keys", async ({ page }) => {
  await page.goto("/decks/object-detection");
  await page.getByRole("list").last().getByRole("link").first().click();
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "← Previous" })).toHaveCount(0);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
  // The new question starts hidden again.
  await expect(page.getByRole("region", { name: "Answer" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
});

test("filters that match nothing say so and offer a way back", async ({ page }) => {
  await page.goto("/decks/segmentation?q=zzzz-no-such-thing");
  await expect(page.getByText("No question matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Show all questions" }).click();
  await expect(page).toHaveURL(/\/decks\/segmentation$/);
});

test("an unknown deck or question is a 404 page", async ({ page }) => {
  const response = await page.goto("/decks/no-such-deck");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a numeric question page serves an instance, grades it and offers new numbers", async ({ page }) => {
  await page.goto("/decks/cnn-fundamentals?kind=NUMERIC");
  await page.getByRole("link", { name: /convolution/i }).first().click();
  const input = page.getByLabel(/Your answer/);
  await expect(input).toBeFocused();
  // Placeholders are filled on the server: no "{{" reaches the page.
  await expect(page.locator("main")).not.toContainText("{{");
  await input.fill("1");
  await input.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /Not correct|Not quite/ })).toBeVisible();
  await page.getByRole("button", { name: "New numbers" }).click();
  await expect(page.getByLabel(/Your answer/)).toHaveValue("");
  await expect(page.getByLabel(/Your answer/)).toBeEnabled();
});
