import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.test`;
}

/** The credentials the launcher printed on first run, read from the data folder it stored them in. */
export function bootstrapAdmin(): { email: string; password: string } {
  const file = path.join(process.env.E2E_DATA_DIR!, "initial-admin.txt");
  const text = readFileSync(file, "utf8");
  const email = /^email: (.+)$/m.exec(text)?.[1];
  const password = /^password: (.+)$/m.exec(text)?.[1];
  if (!email || !password) throw new Error(`unexpected content in ${file}`);
  return { email, password };
}

export async function register(page: Page, options: { name?: string; email: string; password?: string }): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Display name").fill(options.name ?? "E2E Learner");
  await page.getByLabel("Email").fill(options.email);
  await page.getByLabel("Password", { exact: true }).fill(options.password ?? PASSWORD);
  await page.getByLabel("Repeat password").fill(options.password ?? PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/home$/);
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login\?loggedOut=1$/);
}

/** The form's own error message (Next.js also renders an empty route announcer with role=alert). */
export function formAlert(page: Page) {
  return page.locator("form").getByRole("alert").first();
}

/** The embedded database of the e2e server (the launcher records it while it runs). */
export function e2eDatabaseUrl(): string {
  const info = JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR!, "runtime.json"), "utf8")) as { databaseUrl: string };
  return info.databaseUrl;
}

/** Studies one card from /study: reveal it (or answer it), then rate it Good with Enter. */
export async function studyOneCard(page: Page) {
  await page.goto("/study");
  await page.getByRole("link", { name: /Start studying/ }).click();
  const showAnswer = page.getByRole("button", { name: /Show answer/ });
  const choices = page.getByRole("group", { name: /Choose one/ });
  const numeric = page.getByLabel(/Your answer/);
  await expect(showAnswer.or(choices).or(numeric).first()).toBeVisible();
  if (await showAnswer.isVisible()) {
    await page.keyboard.press("Space");
  } else if (await choices.isVisible()) {
    await page.keyboard.press("1");
  } else {
    await numeric.fill("1");
    await numeric.press("Enter");
  }
  const ratings = page.getByRole("group", { name: "Rate how well you remembered" });
  await expect(ratings).toBeVisible();
  await ratings.getByRole("button").first().click();
  await expect(page.getByText("1 reviewed")).toBeVisible();
}
