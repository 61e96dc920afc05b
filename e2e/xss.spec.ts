import { expect, test, type Page } from "@playwright/test";
import { bootstrapAdmin, logIn, register, uniqueEmail } from "./fixtures";

/*
 * Hostile text wherever people can type something others see: display names, group names and descriptions, deck
 * titles and descriptions. Each payload would set `window.__xss` (or open a dialog) if the browser ran it; the
 * pages must show it as text. The Markdown sanitiser has its own corpus (lib/markdown/xss.test.ts); this checks
 * the plain-text places through the real pages, under the real Content-Security-Policy.
 */
const PAYLOADS = [
  `<img src=x onerror="window.__xss='img'">`,
  `<script>window.__xss='script'</script>`,
  `<svg/onload="window.__xss='svg'">`,
  `"><iframe srcdoc="<script>parent.__xss='iframe'</script>">`,
  `javascript:window.__xss='link'`,
  `{{constructor.constructor('window.__xss=1')()}}`,
];

async function expectInert(page: Page, path: string, texts: string[]) {
  await page.goto(path);
  for (const text of texts) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  // Nothing the payloads would create exists as an element.
  expect(await page.locator('img[src="x"], main svg[onload], iframe[srcdoc], main script').count()).toBe(0);
}

test("hostile names, group texts and deck titles render as text on every page that shows them", async ({ browser }) => {
  test.setTimeout(150_000);
  const learnerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const dialogs: string[] = [];
  try {
    const learner = await learnerContext.newPage();
    const admin = await adminContext.newPage();
    // The app's own scripts, styles, fonts and images must all pass the Content-Security-Policy.
    const violations: string[] = [];
    for (const page of [learner, admin]) {
      page.on("dialog", (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
      page.on("console", (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text()); });
    }

    // A learner whose display name is a payload creates a group whose name and description are payloads.
    const displayName = PAYLOADS[0]!;
    await register(learner, { name: displayName, email: uniqueEmail("xss") });
    await learner.goto("/groups");
    await learner.getByLabel("Name").fill(PAYLOADS[1]!);
    await learner.getByLabel("Description").fill(PAYLOADS.join("\n"));
    await learner.getByRole("button", { name: "Create group" }).click();
    await expect(learner.getByRole("heading", { level: 1, name: PAYLOADS[1]! })).toBeVisible();
    const groupPath = new URL(learner.url()).pathname;

    await expectInert(learner, "/home", [displayName]);
    await expectInert(learner, "/groups", [PAYLOADS[1]!]);
    await expectInert(learner, groupPath, [PAYLOADS[1]!, PAYLOADS[2]!, PAYLOADS[5]!]);

    // An admin creates a deck with a hostile title and description, and sees the learner and the group.
    const credentials = bootstrapAdmin();
    await logIn(admin, credentials.email, credentials.password);
    await expect(admin).toHaveURL(/\/home$/);
    await admin.goto("/admin/decks");
    const slug = `xss-${Date.now().toString(36)}`;
    await admin.locator("#new-deck-slug").fill(slug);
    await admin.locator("#new-deck-title").fill(PAYLOADS[2]!);
    await admin.locator("#new-deck-description").fill(PAYLOADS[3]!);
    await admin.getByRole("button", { name: "Create deck" }).click();
    await expect(admin.getByRole("heading", { name: PAYLOADS[2]! })).toBeVisible();

    await expectInert(admin, "/admin/users", [displayName]);
    await expectInert(admin, "/admin/groups", [PAYLOADS[1]!]);
    await expectInert(admin, "/admin/audit", [PAYLOADS[2]!]);
    await expectInert(learner, "/decks", [PAYLOADS[2]!, PAYLOADS[3]!]);
    await expectInert(learner, "/settings", [PAYLOADS[2]!]);
    // Pages with charts and typeset math, under the same policy.
    await learner.goto("/stats");
    await expect(learner.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
    await learner.goto("/analyzer");
    await expect(learner.getByRole("heading", { level: 1 })).toBeVisible();
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    await learnerContext.close();
    await adminContext.close();
  }
});

test("pages carry the security headers and a per-request script nonce", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(second.headers()["content-security-policy"]).not.toBe(policy); // a fresh nonce per request
  expect(first.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });
  // Plain http here: no HSTS. Behind a proxy that reports https, there is.
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
  const proxied = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(proxied.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  // Route handlers get the static headers too.
  expect((await request.get("/api/health")).headers()["x-content-type-options"]).toBe("nosniff");
});
