import { expect, test } from "@playwright/test";
import { PASSWORD, bootstrapAdmin, formAlert, logIn, logOut, register, uniqueEmail } from "./fixtures";

test("a visitor registers, sees their home, logs out and logs back in", async ({ page }) => {
  const email = uniqueEmail("journey");
  await register(page, { name: "Grace Hopper", email });
  await expect(page.getByRole("heading", { name: "Welcome, Grace Hopper" })).toBeVisible();

  await logOut(page);
  await expect(page.getByText("You are logged out.")).toBeVisible();
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fhome$/);

  await logIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { name: "Welcome, Grace Hopper" })).toBeVisible();
});

test("registration shows field errors from the shared schema before anything is sent", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a display name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like ada@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/register$/);
});

test("a wrong password shows an error and keeps the visitor on the login page", async ({ page }) => {
  const email = uniqueEmail("wrongpw");
  await register(page, { email });
  await logOut(page);
  await logIn(page, email, "definitely not the password");
  await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("a learner gets no access to /admin, checked on the server", async ({ page }) => {
  await register(page, { email: uniqueEmail("learner") });
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("the admin created on first run can open /admin and sees the accounts", async ({ page }) => {
  const admin = bootstrapAdmin();
  expect(admin.email).toBe("admin@e2e.test");
  await logIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/home$/);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  const adminRow = page.getByRole("row").filter({ hasText: admin.email });
  await expect(adminRow).toContainText("Admin");
});

test("too many failed logins are refused, even with the right password", async ({ page }) => {
  const email = uniqueEmail("locked");
  await register(page, { email });
  await logOut(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await logIn(page, email, `wrong password ${attempt}`);
    await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  }
  await logIn(page, email, PASSWORD);
  await expect(formAlert(page)).toHaveText(/Too many failed log-in attempts\. Try again in 1[45] minutes\./);
  await expect(page).toHaveURL(/\/login/);
});

test("changing the password logs out and only the new password works", async ({ page }) => {
  const email = uniqueEmail("changepw");
  await register(page, { email });
  await page.goto("/account");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("a completely new passphrase");
  await page.getByLabel("Repeat new password").fill("a completely new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1$/);
  await logIn(page, email, PASSWORD);
  await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  await logIn(page, email, "a completely new passphrase");
  await expect(page).toHaveURL(/\/home$/);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
});
