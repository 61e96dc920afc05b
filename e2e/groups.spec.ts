import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, register, studyOneCard, uniqueEmail } from "./fixtures";

function memberRow(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^${name}`) }) });
}

test("two learners form a group, share a deck and see each other's progress, until one keeps it private", async ({ browser }) => {
  test.setTimeout(150_000);
  const ownerContext = await browser.newContext();
  const memberContext = await browser.newContext();
  try {
    const owner = await ownerContext.newPage();
    await register(owner, { name: "Olga Owner", email: uniqueEmail("group-owner") });
    await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Groups" }).click();
    await owner.getByLabel("Name").fill("E2E reading circle");
    await owner.getByRole("button", { name: "Create group" }).click();
    await expect(owner.getByRole("heading", { level: 1, name: "E2E reading circle" })).toBeVisible();

    await owner.getByRole("checkbox", { name: /^CNN fundamentals/ }).check();
    await owner.getByRole("button", { name: "Save decks" }).click();
    await expect(owner.getByText(/changed the decks to CNN fundamentals/)).toBeVisible();

    await owner.getByRole("button", { name: "Create invite link" }).click();
    const link = await owner.getByLabel("Invite link").inputValue();
    expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{20,}$/);

    // Max has no account yet: the link sends him to log in, he registers from there and lands back on the invite.
    const member = await memberContext.newPage();
    await member.goto(link);
    await expect(member).toHaveURL(/\/login\?callbackUrl=%2Fjoin%2F/);
    await member.getByRole("link", { name: "Create one" }).click();
    await expect(member).toHaveURL(/\/register\?callbackUrl=%2Fjoin%2F/);
    await member.getByLabel("Display name").fill("Max Member");
    await member.getByLabel("Email").fill(uniqueEmail("group-member"));
    await member.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await member.getByLabel("Repeat password").fill(PASSWORD);
    await member.getByRole("button", { name: "Create account" }).click();
    await expect(member).toHaveURL(link);
    await expect(member.getByRole("heading", { level: 1, name: "E2E reading circle" })).toBeVisible();
    await expect(member.getByText("CNN fundamentals")).toBeVisible();
    await member.getByRole("button", { name: "Join the group" }).click();
    await expect(member.getByRole("heading", { level: 1, name: "E2E reading circle" })).toBeVisible();
    await expect(memberRow(member, "Olga Owner")).toBeVisible();

    await studyOneCard(member);
    await owner.reload();
    await expect(owner.getByText("Max Member joined")).toBeVisible();
    await expect(memberRow(owner, "Max Member")).toContainText("1 review");

    // Max keeps his progress private: Olga sees only that he is a member.
    await member.goto("/groups");
    await member.getByRole("link", { name: /E2E reading circle/ }).click();
    await member.getByRole("checkbox", { name: "Show my progress to the group" }).uncheck();
    await expect(member.getByRole("checkbox", { name: "Show my progress to the group" })).not.toBeChecked();
    await owner.reload();
    await expect(memberRow(owner, "Max Member")).toContainText("Keeps progress private");
    await expect(memberRow(owner, "Max Member")).not.toContainText("1 review");

    // The invite link works for people with accounts only, and an outsider cannot open the group page.
    const groupUrl = owner.url();
    const outsider = await browser.newPage();
    await register(outsider, { email: uniqueEmail("outsider") });
    const response = await outsider.goto(groupUrl);
    expect(response?.status()).toBe(404);
    await expect(outsider.getByText("E2E reading circle")).toHaveCount(0);
    await outsider.close();
  } finally {
    await ownerContext.close();
    await memberContext.close();
  }
});
