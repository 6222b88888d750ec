import { expect, test } from "@playwright/test";
import { demoAccounts, expectNoA11yViolations, signIn } from "./helpers";

test.describe("sign-in", () => {
  test("the sign-in page is accessible", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("a signed-out visit to /login logs nothing in the browser's console", async ({ page }) => {
    const logged: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") logged.push(m.text());
    });
    page.on("response", (r) => {
      if (r.status() >= 400) logged.push(`${r.status()} ${r.url()}`);
    });
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(logged).toEqual([]);
  });

  for (const account of [demoAccounts.acmeAdmin, demoAccounts.globexAdmin]) {
    test(`${account.email} lands on the marketplace invoices page`, async ({ page }) => {
      await signIn(page, account.email);
      await expect(page).toHaveURL(account.home);
      await expect(page.getByRole("heading", { level: 1, name: "云市场" })).toBeVisible();
      const nav = page.getByRole("navigation", { name: "主导航" });
      await expect(nav.getByText("开票记录")).toBeVisible();
      await expect(nav.getByText("发票抬头管理")).toBeVisible();
      await expect(page.getByRole("link", { name: "API 文档" })).toHaveAttribute("href", "/api/docs");
      await expect(page.getByRole("group", { name: "账号信息" })).toContainText(account.organisation);
    });
  }

  for (const account of [demoAccounts.cloudsoftStaff, demoAccounts.datawiseStaff]) {
    test(`${account.email} lands on the provider workbench`, async ({ page }) => {
      await signIn(page, account.email);
      await expect(page).toHaveURL(account.home);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("开票工作台");
      await expect(page.getByRole("navigation", { name: "主导航" }).getByText("开票工作台")).toBeVisible();
      await expect(page.getByRole("group", { name: "账号信息" })).toContainText(account.organisation);
      await expect(page.getByRole("navigation", { name: "主导航" }).getByText("开票记录")).toHaveCount(0);
    });
  }

  test(`${demoAccounts.support.email} lands on the support tickets page`, async ({ page }) => {
    await signIn(page, demoAccounts.support.email);
    await expect(page).toHaveURL(demoAccounts.support.home);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByText("工单")).toBeVisible();
    await expect(nav.getByText("审计日志")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("工单");
  });

  test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("邮箱").fill(demoAccounts.acmeAdmin.email);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("登录失败");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("navigation", { name: "主导航" })).toHaveCount(0);
  });

  test("signing in to a deep link returns there", async ({ page }) => {
    await page.goto("/invoices/records");
    await expect(page).toHaveURL(/\/login\?returnTo=/);
    await page.getByLabel("邮箱").fill(demoAccounts.acmeAdmin.email);
    await page.getByLabel("密码").fill("demo-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page).toHaveURL("/invoices/records");
  });
});

test.describe("sign-in page details (issue 11)", () => {
  test("the password field keeps its distance from 登录", async ({ page }) => {
    await page.goto("/login");
    const password = await page.getByLabel("密码").boundingBox();
    const button = await page.getByRole("button", { name: "登录", exact: true }).boundingBox();
    expect(password && button).toBeTruthy();
    if (!password || !button) return;
    expect(button.y - (password.y + password.height)).toBeGreaterThanOrEqual(16);
  });

  test("signing out forgets the page the previous user was on", async ({ page }) => {
    await signIn(page, demoAccounts.acmeAdmin.email);
    await page.goto("/invoices/records?status=PENDING");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await signIn(page, demoAccounts.support.email);
    await expect(page).toHaveURL(demoAccounts.support.home);
  });

  test("the console uses the one CJK font stack, TDesign included", async ({ page }) => {
    await page.goto("/login");
    const fonts = await page.evaluate(() => ({
      body: getComputedStyle(document.body).fontFamily,
      button: getComputedStyle(document.querySelector(".t-button") ?? document.body).fontFamily,
    }));
    expect(fonts.body).toMatch(/^"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui/);
    expect(fonts.button).toBe(fonts.body);
  });
});
