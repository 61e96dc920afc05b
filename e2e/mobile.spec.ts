import { expect, test } from "@playwright/test";
import { register, uniqueEmail } from "./fixtures";

test("on a phone the header fits and the account menu works", async ({ page }) => {
  await register(page, { email: uniqueEmail("phone"), name: "Phone Learner" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: /account menu/i }).click();
  await expect(page.getByRole("menuitem", { name: "Account settings" })).toBeVisible();
});

test("the theme toggle switches to dark mode and remembers it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
});
