import { expect, test } from "@playwright/test";
import { chooseOption, demoAccounts, openFromNav, signIn } from "./helpers";

/** The console's rough edges of issue 11, each checked where a finance user meets it. */
test.describe("console details (issue 11)", () => {
  test("a pasted over-long name is kept, counted and refused, not cut", async ({ page }) => {
    await signIn(page, demoAccounts.acmeAdmin.email);
    await openFromNav(page, "发票抬头管理");
    await page.getByRole("button", { name: "添加发票抬头" }).first().click();
    const dialog = page.getByRole("dialog");
    const name = dialog.getByLabel("发票抬头", { exact: true });
    const long = "很长的公司名称".repeat(16); // 112 characters, the limit is 100
    await name.fill(long);
    await expect(name).toHaveValue(long);
    await expect(dialog.getByText("112/100")).toBeVisible();
  });

  test("tenants see their own tickets under 我的工单", async ({ page }) => {
    await signIn(page, demoAccounts.acmeAdmin.email);
    await openFromNav(page, "我的工单");
    await expect(
      page.getByRole("table", { name: "我的工单列表" }).or(page.getByText("暂无作废工单。")),
    ).toBeVisible();
  });

  test("provider staff can export their queue", async ({ page }) => {
    await signIn(page, demoAccounts.cloudsoftStaff.email);
    const link = page.getByRole("link", { name: "导出 CSV" });
    await expect(link).toHaveAttribute("href", /\/api\/invoice-requests\/export\.csv/);
    const response = await page.request.get((await link.getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
  });

  test("the holiday calendar warns for a Saturday holiday and a weekday 调休", async ({ page }) => {
    await signIn(page, demoAccounts.support.email);
    await openFromNav(page, "节假日日历");
    const date = page.getByLabel("日期", { exact: true });
    await date.fill("2030-10-05"); // a Saturday
    await date.blur();
    await expect(page.getByRole("status").filter({ hasText: "所选日期是周末" })).toBeVisible();
    await page.getByRole("radiogroup", { name: "类型" }).getByText("调休上班日").click();
    await date.fill("2030-10-07"); // a Monday
    await date.blur();
    await expect(page.getByRole("status").filter({ hasText: "所选日期是工作日" })).toBeVisible();
  });

  test("the refund preview stays empty while the amount is invalid", async ({ page }) => {
    await signIn(page, demoAccounts.support.email);
    await openFromNav(page, "退款");
    await chooseOption(page, "企业", "Acme 科技有限公司");
    await chooseOption(page, "服务商", "NetGuard 网络安全");
    const figures = page.getByRole("table", { name: /NetGuard/ });
    await expect(figures).toBeVisible();
    const after = figures.locator("tbody tr td:nth-child(3)");
    await page.getByLabel("退款金额（元）").fill("99999999");
    await expect(after.first()).toHaveText("—");
    await expect(after.filter({ hasText: "¥" })).toHaveCount(0);
    await page.getByLabel("退款金额（元）").fill("10.00");
    await expect(after.filter({ hasText: "¥" }).first()).toBeVisible();
  });

  test("the audit log names a creation instead of ∅ →", async ({ page }) => {
    await signIn(page, demoAccounts.support.email);
    await openFromNav(page, "审计日志");
    const table = page.getByRole("table", { name: "审计日志列表" });
    await expect(table).toBeVisible();
    await expect(table).not.toContainText("∅");
  });
});
