import { expect, test, type Page } from "@playwright/test";
import { bootstrapAdmin, logIn, register, uniqueEmail } from "./fixtures";

const ORIGINAL_TITLE = "What is Dice loss and when is it better than cross-entropy?";

async function logInAsAdmin(page: Page) {
  const credentials = bootstrapAdmin();
  await logIn(page, credentials.email, credentials.password);
  await expect(page).toHaveURL(/\/home$/);
}

test("an admin edits a question, a learner sees the new version, and restoring the earlier revision brings it back", async ({ browser }) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext();
  const learnerContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await logInAsAdmin(admin);
    await admin.goto("/admin/questions?q=sg-dice-loss");
    await admin.getByRole("link", { name: ORIGINAL_TITLE }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(ORIGINAL_TITLE);

    // The preview renders as learners see it, live.
    const title = admin.getByLabel("Title");
    await title.fill("Dice loss versus cross-entropy (edited)");
    const preview = admin.getByRole("complementary", { name: "Preview as learners see it" });
    await expect(preview.getByRole("heading", { name: "Dice loss versus cross-entropy (edited)" })).toBeVisible();
    await admin.getByLabel("Answer").fill("Dice loss is one minus the Dice coefficient, $1 - \\frac{2|A \\cap B|}{|A| + |B|}$.");
    await expect(preview.locator(".katex").first()).toBeVisible();
    await admin.getByRole("button", { name: "Save changes" }).click();
    await expect(admin.getByText(/Saved as version \d+\./)).toBeVisible();

    const learner = await learnerContext.newPage();
    await register(learner, { email: uniqueEmail("reader-of-edits") });
    await learner.goto("/decks/segmentation/sg-dice-loss");
    await expect(learner.getByRole("heading", { level: 1 })).toHaveText("Dice loss versus cross-entropy (edited)");

    // The revision list shows the change; restoring the version before it makes the old title current again.
    await admin.getByRole("link", { name: /^Revisions/ }).click();
    await expect(admin.getByRole("heading", { name: /^Revisions of/ })).toBeVisible();
    const current = admin.getByRole("listitem").filter({ has: admin.getByText("current", { exact: true }) });
    await expect(current).toContainText("Edited in the browser");
    await expect(current.getByText("Dice loss versus cross-entropy (edited)").first()).toBeVisible();
    admin.once("dialog", (dialog) => void dialog.accept());
    await admin.getByRole("button", { name: /^Restore version/ }).first().click();
    await expect(admin.getByText(/Restored as version \d+\./)).toBeVisible();

    await learner.reload();
    await expect(learner.getByRole("heading", { level: 1 })).toHaveText(ORIGINAL_TITLE);
  } finally {
    await adminContext.close();
    await learnerContext.close();
  }
});

test("a numeric template that cannot satisfy its constraints cannot be saved; a valid one previews ten instances and is created", async ({ page }) => {
  test.setTimeout(120_000);
  await logInAsAdmin(page);
  await page.goto("/admin/questions/new");
  const key = `e2e-numeric-${Date.now().toString(36)}`;
  await page.getByLabel("Key").fill(key);
  await page.getByLabel("Kind").selectOption("numeric");
  await page.getByLabel("Title").fill("Parameters of a square convolution (e2e)");
  await page.getByLabel("Prompt").fill("A {{k}}×{{k}} convolution maps {{c}} channels to {{c}} channels with biases. How many parameters?");
  await page.getByLabel("Answer", { exact: true }).fill("$k^2 c^2 + c$");
  await page.getByLabel("Explanation").fill("One weight per kernel position, input and output channel, plus one bias per output channel.");

  // The kind switch filled in a working example template (c from 16 to 256); add a constraint it can never meet.
  await expect(page.getByLabel("Answer expression")).toHaveValue("k * k * c * c + c");
  await page.getByRole("button", { name: "Add a constraint" }).click();
  await page.getByLabel("Constraint 1", { exact: true }).fill("c > 1000");
  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page.getByText("Please fix the highlighted fields.")).toBeVisible();
  await expect(page.locator("#q-template-error")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/questions\/new$/);

  // The same template as YAML, exactly as a content file has it.
  await page.getByRole("button", { name: "Edit as YAML" }).click();
  await expect(page.getByLabel("Numeric template (YAML)")).toHaveValue(/constraints:\n {2}- c > 1000/);
  await page.getByRole("button", { name: "Form", exact: true }).click();
  await page.getByRole("button", { name: "Remove constraint 1" }).click();
  const instances = page.getByRole("heading", { name: "Ten generated instances" }).locator("..");
  await expect(instances.getByText(/^Instance \d+: answer/)).toHaveCount(10);
  // Try an answer: instance 1's own answer is graded correct.
  const firstAnswer = (await instances.getByText(/^Instance 1: answer/).locator("strong").textContent()) ?? "";
  await page.getByLabel("Answer to check").fill(firstAnswer);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText(/^Correct: read as/)).toBeVisible();

  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page).toHaveURL(/\/admin\/questions\/[a-z0-9]+\?created=1$/);
  await expect(page.getByText("Question created.")).toBeVisible();
});

test("exporting the bank and importing that zip is a no-op: the dry run and the import change nothing", async ({ page }) => {
  test.setTimeout(120_000);
  await logInAsAdmin(page);
  const download = await page.request.get("/admin/export");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/zip");
  const zip = await download.body();

  await page.goto("/admin/transfer");
  await page.getByRole("region", { name: "Import a content folder (.zip)" }).locator('input[type="file"]').setInputFiles({ name: "receptive-bank.zip", mimeType: "application/zip", buffer: zip });
  await page.getByRole("button", { name: "Check" }).click();
  const count = (section: string, label: string) =>
    page.getByRole("heading", { name: new RegExp(`^${section}`) }).locator("..").locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd");
  await expect(page.getByRole("heading", { name: /^Dry run/ })).toBeVisible();
  for (const label of ["Created", "Updated", "Conflicts", "Archived"]) await expect(count("Dry run", label)).toHaveText("0");
  const unchanged = Number(await count("Dry run", "Unchanged").textContent());
  expect(unchanged).toBeGreaterThanOrEqual(222);

  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("heading", { name: "Import result" })).toBeVisible();
  for (const label of ["Created", "Updated", "Conflicts", "Archived"]) await expect(count("Import result", label)).toHaveText("0");
  await expect(count("Import result", "Unchanged")).toHaveText(String(unchanged));
});

test("learners and anonymous visitors cannot export the bank", async ({ page }) => {
  expect((await page.request.get("/admin/export")).status()).toBe(401);
  await register(page, { email: uniqueEmail("not-an-admin") });
  expect((await page.request.get("/admin/export")).status()).toBe(403);
  const forbidden = await page.goto("/admin/questions");
  expect(forbidden?.status()).toBe(403);
});

test("an admin creates, renames and reorders a deck, imports flashcards into it from CSV, and a learner sees them", async ({ browser }) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext();
  const learnerContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await logInAsAdmin(admin);
    const slug = `e2e-deck-${Date.now().toString(36)}`;
    await admin.goto("/admin/decks");
    await admin.locator("#new-deck-slug").fill(slug);
    await admin.locator("#new-deck-title").fill("E2E deck");
    await admin.getByRole("button", { name: "Create deck" }).click();
    await expect(admin.getByRole("heading", { name: /E2E deck$/ })).toBeVisible();

    await admin.getByRole("button", { name: "Edit E2E deck" }).click();
    const editForm = admin.getByRole("form", { name: "Edit E2E deck" });
    await editForm.getByLabel("Title").fill("E2E flashcards");
    await editForm.getByRole("button", { name: "Save changes" }).click();
    await expect(admin.getByRole("heading", { name: /E2E flashcards$/ })).toBeVisible();
    // Created last; one move up puts it before the deck that was last.
    await expect(admin.getByRole("button", { name: "Move E2E flashcards down" })).toBeDisabled();
    await admin.getByRole("button", { name: "Move E2E flashcards up" }).click();
    await expect(admin.getByRole("button", { name: "Move E2E flashcards down" })).toBeEnabled();

    await admin.goto("/admin/transfer");
    const csvSection = admin.getByRole("region", { name: "Import flashcards from CSV" });
    await csvSection.getByLabel("Deck").selectOption(slug);
    await csvSection.getByLabel("CSV", { exact: true }).fill('front,back,tags\n"What is a stride, in one line?",The step between kernel positions.,convolution\nWhat is padding?,Zeros added around the input.,convolution\n,no front here,\n');
    await csvSection.getByRole("button", { name: "Preview" }).click();
    await expect(csvSection.getByText("Preview: 3 rows, 2 valid, 1 with errors")).toBeVisible();
    await csvSection.getByRole("button", { name: "Import 2 flashcards" }).click();
    await expect(csvSection.getByText(/Imported 2 flashcards/)).toBeVisible();

    const learner = await learnerContext.newPage();
    await register(learner, { email: uniqueEmail("deck-reader") });
    await learner.goto(`/decks/${slug}`);
    await expect(learner.getByRole("heading", { level: 1 })).toHaveText("E2E flashcards");
    await expect(learner.getByRole("link", { name: "What is a stride, in one line?" })).toBeVisible();
    await expect(learner.getByRole("link", { name: "What is padding?" })).toBeVisible();
  } finally {
    await adminContext.close();
    await learnerContext.close();
  }
});
