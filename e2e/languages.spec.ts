import { expect, test, type Page } from "@playwright/test";
import { logIn, logOut, register, uniqueEmail, PASSWORD } from "./fixtures";

const HAN = /\p{Script=Han}/u;

async function chooseLanguage(page: Page, locale: "en" | "zh-Hans" | "zh-Hant") {
  await page.getByTestId("locale-switcher").selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** Digits and commas as a Chinese input method types them (full width): 73,856 → ７３，８５６. */
function fullWidth(text: string): string {
  return text.replace(/[0-9,]/g, (c) => (c === "," ? "，" : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

test.describe("a browser set to Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("gets the interface in Simplified Chinese on the first visit", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/登录/);
    await expect(page.getByTestId("locale-switcher")).toHaveValue("zh-Hans");
  });
});

test("the language is switched in the header, remembered per account, and follows the learner to another browser", async ({ page, browser }) => {
  const email = uniqueEmail("lang");
  await register(page, { email });
  await chooseLanguage(page, "zh-Hans");
  await expect(page.getByRole("navigation").getByRole("link", { name: "学习", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("navigation").getByRole("link", { name: "学习", exact: true })).toBeVisible();

  // Traditional Chinese is the same catalogue converted: 学习 → 學習, 统计 → 統計.
  await chooseLanguage(page, "zh-Hant");
  await expect(page.getByRole("navigation").getByRole("link", { name: "學習", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "統計", exact: true })).toBeVisible();

  // A browser in English that logs in to this account gets the account's language.
  const other = await browser.newContext({ locale: "en-US" });
  const second = await other.newPage();
  await logIn(second, email, PASSWORD);
  await expect(second).toHaveURL(/\/home$/);
  await expect(second.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await chooseLanguage(second, "en");
  await expect(second.getByRole("navigation").getByRole("link", { name: "Study", exact: true })).toBeVisible();
  await logOut(second);
  await other.close();
});

test("studies a card in Chinese and flips it to English and back", async ({ page }) => {
  await register(page, { email: uniqueEmail("lang-study") });
  await chooseLanguage(page, "zh-Hans");
  await page.goto("/study?deck=cnn-fundamentals");
  await page.getByRole("link", { name: /开始学习/ }).click();

  const title = page.locator("#study-title, [id^='numeric-title-']").first();
  await expect(title).toHaveText(HAN);
  const chineseTitle = await title.textContent();
  await expect(page.getByText(/尚无中文翻译/)).toHaveCount(0);

  await page.keyboard.press("l");
  await expect(title).not.toHaveText(HAN);
  await expect(page.getByRole("button", { name: "中文" })).toBeVisible();
  await page.keyboard.press("l");
  await expect(title).toHaveText(chineseTitle ?? "");

  // Answer and rate in Chinese: the rating buttons are Chinese too.
  const showAnswer = page.getByRole("button", { name: /显示答案/ });
  const choices = page.getByRole("group", { name: /选择/ });
  const numeric = page.getByLabel(/你的答案/);
  await expect(showAnswer.or(choices).or(numeric).first()).toBeVisible();
  if (await showAnswer.isVisible()) await page.keyboard.press("Space");
  else if (await choices.isVisible()) await page.keyboard.press("1");
  else {
    await numeric.fill("1");
    await numeric.press("Enter");
  }
  const ratings = page.getByRole("group", { name: "为记忆程度评分" });
  await expect(ratings.getByRole("button", { name: /重来/ })).toBeVisible();
  await ratings.getByRole("button", { name: /重来/ }).click();
});

test("shows a numeric question's Chinese prompt, maths and numbers, and reads a full-width answer", async ({ page }) => {
  await register(page, { email: uniqueEmail("lang-numeric") });
  await chooseLanguage(page, "zh-Hans");
  await page.goto("/decks/cnn-fundamentals/cf-num-bottleneck-savings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("在 3×3 卷积两侧加 1×1 瓶颈结构能省下多少权重");

  // The served instance: C channels squeezed to b. The maths renders with KaTeX inside the Chinese text.
  const prompt = page.locator(".prose-receptive").filter({ hasText: "一个模块把" }).first();
  await expect(prompt).toBeVisible();
  await expect(prompt.locator(".katex").first()).toBeVisible();
  const text = (await prompt.textContent()) ?? "";
  const c = Number(/模块把\s*([\d,]+)\s*个通道/.exec(text)?.[1]?.replaceAll(",", ""));
  const b = Number(/降到\s*([\d,]+)\s*个通道/.exec(text)?.[1]?.replaceAll(",", ""));
  expect(c).toBeGreaterThan(0);
  expect(b).toBeGreaterThan(0);
  // Plain 3×3 layer 9C², bottleneck C·b + 9b² + b·C: the saving.
  const saving = 9 * c * c - (2 * c * b + 9 * b * b);
  const answer = page.getByLabel(/你的答案/);
  await answer.fill(fullWidth(saving.toLocaleString("en")));
  await answer.press("Enter");

  await expect(page.getByText("正确", { exact: true })).toBeVisible();
  // The correct value is shown with thousands separators, and the worked solution in Chinese with maths.
  await expect(page.getByText(saving.toLocaleString("en")).first()).toBeVisible();
  const solution = page.getByRole("heading", { name: "解题过程" }).locator("xpath=following-sibling::div[1]");
  await expect(solution).toContainText("普通层");
  await expect(solution.locator(".katex").first()).toBeVisible();

  // Traditional: the same question converted, with the glossary's terms.
  await chooseLanguage(page, "zh-Hant");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("在 3×3 卷積兩側加 1×1 瓶頸結構能省下多少權重");
});
