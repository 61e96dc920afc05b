import { expect, test } from "@playwright/test";
import { PASSWORD, bootstrapAdmin, formAlert, logIn, register, uniqueEmail } from "./fixtures";

test("an admin disables a learner, sends a reset link, and both actions are in the audit log", async ({ browser }) => {
  // Two browsers and a dozen page loads: more than the default 30 s on a slow machine.
  test.setTimeout(120_000);
  const learnerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const learner = await learnerContext.newPage();
    const email = uniqueEmail("managed");
    await register(learner, { name: "Managed Learner", email });

    const admin = await adminContext.newPage();
    const credentials = bootstrapAdmin();
    await logIn(admin, credentials.email, credentials.password);
    await expect(admin).toHaveURL(/\/home$/);
    await admin.goto("/admin");
    await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
    await expect(admin).toHaveURL(/\/admin\/users$/);
    await admin.getByLabel("Search by email or name").fill(email);
    await admin.getByRole("button", { name: "Search" }).click();
    const row = admin.getByRole("row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Learner");

    // Disabling takes effect on the learner's very next request.
    await row.getByRole("button", { name: `Disable: ${email}` }).click();
    await expect(row.getByText("Account disabled.")).toBeVisible();
    await expect(row).toContainText("Disabled");
    await learner.goto("/home");
    await expect(learner).toHaveURL(/\/login\?callbackUrl=%2Fhome$/);
    await logIn(learner, email, PASSWORD);
    await expect(formAlert(learner)).toContainText("disabled");

    await row.getByRole("button", { name: `Enable: ${email}` }).click();
    await expect(row.getByText("Account enabled.")).toBeVisible();

    // A one-time reset link, shown once to the admin.
    await row.getByRole("button", { name: `Create reset link: ${email}` }).click();
    const link = await row.getByLabel(`Password-reset link for ${email}`).inputValue();
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);

    await learner.goto(link);
    await expect(learner.getByText(`For ${email}.`)).toBeVisible();
    await learner.getByLabel("New password", { exact: true }).fill("a reset passphrase for e2e");
    await learner.getByLabel("Repeat new password").fill("a reset passphrase for e2e");
    await learner.getByRole("button", { name: "Set new password" }).click();
    await expect(learner.getByText("Password set. Log in with your new password.")).toBeVisible();
    await logIn(learner, email, PASSWORD);
    await expect(formAlert(learner)).toHaveText("Email or password is incorrect.");
    await logIn(learner, email, "a reset passphrase for e2e");
    await expect(learner).toHaveURL(/\/home$/);

    // The link worked once.
    await learner.goto(link);
    await expect(learner.getByText(/not valid, has expired or was already used/)).toBeVisible();

    await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
    await expect(admin).toHaveURL(/\/admin\/audit$/);
    const entries = admin.getByRole("row").filter({ hasText: email });
    await expect(entries.filter({ hasText: "user.disable" })).toHaveCount(1);
    await expect(entries.filter({ hasText: "user.disable" })).toContainText(credentials.email);
    await expect(entries.filter({ hasText: "user.password_reset.create" })).toHaveCount(1);
    await expect(admin.getByRole("table")).not.toContainText(link.split("/").pop()!);
  } finally {
    await learnerContext.close();
    await adminContext.close();
  }
});

test("a learner opening the admin pages gets 403", async ({ page }) => {
  await register(page, { email: uniqueEmail("nosy") });
  for (const path of ["/admin/users", "/admin/settings", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  }
});

test("the admin cannot disable or demote themselves: no buttons, and the overview links every admin page", async ({ page }) => {
  const credentials = bootstrapAdmin();
  await logIn(page, credentials.email, credentials.password);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto(`/admin/users?q=${encodeURIComponent(credentials.email)}`);
  const row = page.getByRole("row").filter({ hasText: credentials.email });
  await expect(row.getByRole("button", { name: /^Disable/ })).toHaveCount(0);
  await expect(row.getByRole("button", { name: /^Make learner/ })).toHaveCount(0);
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "Registration mode" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Open/ })).toBeChecked();
});
