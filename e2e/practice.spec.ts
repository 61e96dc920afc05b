import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { fromStoredTemplate, generateInstance } from "../lib/numeric";
import { e2eDatabaseUrl, register, uniqueEmail } from "./fixtures";

/**
 * The right answer to the instance the server just served this learner, re-derived from the stored seed the way
 * the server does (the page itself never receives it before answering).
 */
async function servedAnswer(email: string): Promise<string> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT a.seed, q.template FROM "NumericAttempt" a JOIN "User" u ON u.id = a."userId" JOIN "Question" q ON q.id = a."questionId"
       WHERE u.email = $1 AND a."answeredAt" IS NULL ORDER BY a."servedAt" DESC LIMIT 1`,
      [email],
    );
    const row = rows[0] as { seed: number; template: unknown };
    return String(generateInstance(fromStoredTemplate(row.template), row.seed).answer);
  } finally {
    await client.end();
  }
}

async function waitForQuestion(page: Page, number: number, total: number) {
  await expect(page.getByText(`Question ${number} of ${total}`, { exact: false })).toBeVisible();
  await expect(page.getByLabel(/Your answer/)).toBeEnabled();
  await expect(page.getByLabel(/Your answer/)).toBeFocused();
}

test("a practice run: a wrong answer, a right one typed with Enter, and the score at the end", async ({ page }) => {
  const email = uniqueEmail("practice");
  await register(page, { email });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Practice" }).click();
  await page.getByRole("radio", { name: "5 questions" }).check();
  await page.getByRole("button", { name: "Start practice" }).click();

  // 1: unparseable input is refused without being counted, then a wrong number is graded.
  await waitForQuestion(page, 1, 5);
  const input = page.getByLabel(/Your answer/);
  await input.fill("about a million");
  await input.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /./ }).first()).toBeVisible();
  await expect(input).toBeEnabled();
  await input.fill("0.000123");
  await input.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /Not correct|Not quite/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Worked solution" })).toBeVisible();
  await page.keyboard.press("Enter");

  // 2–5: the right answer, typed and submitted with Enter.
  for (let number = 2; number <= 5; number++) {
    await waitForQuestion(page, number, 5);
    await input.fill(await servedAnswer(email));
    await input.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Correct" })).toBeVisible();
    await page.keyboard.press("Enter");
  }

  await expect(page.getByText("Practice finished")).toBeVisible();
  await expect(page.getByLabel("Score: 4 of 5")).toBeVisible();
});
