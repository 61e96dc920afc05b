import { expect, test } from "@playwright/test";

test("the analyzer needs no login and shows ResNet-18's published parameter count", async ({ page }) => {
  await page.goto("/analyzer");
  await page.getByLabel("Preset").selectOption({ label: "ResNet-18" });
  // torchvision's published figure for resnet18: 11,689,512 parameters, 1.81 GMACs.
  await expect(page.getByText("11,689,512", { exact: true })).toBeVisible();
  await expect(page.getByText("1.81B", { exact: true })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("layer1.0.conv1");
  await expect(page.getByRole("img", { name: /Parameters per layer/ })).toBeVisible();
});

test("an invalid spec shows an inline error naming the layer", async ({ page }) => {
  await page.goto("/analyzer");
  const spec = { input: [3, 32, 32], layers: [{ type: "conv2d", out: 16, kernel: 3 }, { type: "conv2d", out: 8, kernel: 3, groups: 3 }] };
  await page.getByLabel("Layer list (JSON)").fill(JSON.stringify(spec));
  const error = page.getByRole("alert").filter({ hasText: "layers[1]" });
  await expect(error).toBeVisible();
  await expect(error).toContainText("groups");
  await expect(page.getByText("Fix the spec to see the analysis.")).toBeVisible();

  await page.getByLabel("Layer list (JSON)").fill("{ not json");
  await expect(page.getByRole("alert").filter({ hasText: "Not valid JSON" })).toBeVisible();
});
