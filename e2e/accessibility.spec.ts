import { expect, test, type Page } from "@playwright/test";
import {
  animationsSettled,
  demoAccounts,
  expectNoA11yViolations,
  openFromNav,
  signIn,
  snap,
} from "./helpers";
import { openApplyForm } from "./invoice-steps";

// WCAG 2.1 A/AA (serious and critical) on every page of every role, checked once the page shows
// its data. One test per role; each page is a step with a soft check, so a run lists every page
// with violations instead of stopping at the first.

/** Axe on the page as it is now (after animations), plus a screenshot for the artifacts. */
async function audit(page: Page, name: string): Promise<void> {
  await expect(page.getByText("加载中…")).toHaveCount(0);
  await animationsSettled(page);
  await snap(page, name);
  await expectNoA11yViolations(page, { soft: true });
}

test.describe("accessibility (WCAG 2.1 A/AA, serious and critical)", () => {
  test("sign-in page, enterprise admin pages and the 404 page", async ({ page }) => {
    // Eight steps of pages and dialogs, each axe-scanned: 25 s in CI, over 60 s under load.
    test.setTimeout(120_000);

    await test.step("sign-in page", async () => {
      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1, name: "登录云市场发票管理控制台" })).toBeVisible();
      await audit(page, "sign-in");
      await signIn(page, demoAccounts.acmeAdmin.email);
    });

    await test.step("marketplace", async () => {
      await expect(page.getByRole("heading", { level: 1, name: "云市场" })).toBeVisible();
      await expect(page.getByRole("table", { name: "云市场可开票金额" })).toBeVisible();
      await audit(page, "marketplace");
    });

    await test.step("apply and confirm (not submitted)", async () => {
      await openApplyForm(page);
      await expect(page.getByLabel("开票金额（元）")).not.toHaveValue("");
      await audit(page, "apply");
      await page.getByLabel("开票金额（元）").fill("1.00");
      await page.getByRole("button", { name: "下一步" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "确认开票信息" })).toBeVisible();
      await expect(page.getByRole("button", { name: "提交申请" })).toBeVisible();
      await audit(page, "confirm");
    });

    await test.step("records and a record's detail", async () => {
      await openFromNav(page, "开票记录");
      const table = page.getByRole("table", { name: "开票记录列表" });
      await expect(table).toBeVisible();
      await audit(page, "records");
      await table.getByRole("link", { name: "详情" }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: "开票详情" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: "状态记录" })).toBeVisible();
      await audit(page, "record-detail");
    });

    await test.step("invoice titles, with the add dialog open", async () => {
      await openFromNav(page, "发票抬头管理");
      await expect(page.getByRole("table", { name: "发票抬头列表" })).toBeVisible();
      await audit(page, "titles");
      await page.getByRole("button", { name: "添加发票抬头" }).click();
      const dialog = page.getByRole("dialog", { name: "添加发票抬头" });
      await expect(dialog).toBeVisible();
      await audit(page, "titles-dialog");
      await dialog.getByRole("button", { name: "保存" }).click();
      await expect(page.getByLabel("发票抬头", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await audit(page, "titles-dialog-errors");
      // A modal keeps the keyboard inside it: tabbing past its last control comes back to its first.
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press("Tab");
        expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `Tab ${i + 1}`).toBe(true);
      }
      await page.keyboard.press("Shift+Tab");
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await dialog.getByRole("button", { name: /关闭/ }).focus();
      await page.keyboard.press("Enter");
      await expect(dialog).toBeHidden();
    });

    await test.step("mailing addresses, with the add dialog open", async () => {
      await openFromNav(page, "邮寄地址管理");
      await expect(page.getByRole("table", { name: "邮寄地址列表" })).toBeVisible();
      await audit(page, "addresses");
      await page.getByRole("button", { name: "添加邮寄地址" }).click();
      const dialog = page.getByRole("dialog", { name: "添加邮寄地址" });
      await expect(dialog).toBeVisible();
      await audit(page, "addresses-dialog");
      await dialog.getByRole("button", { name: "取消" }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step("withdrawals", async () => {
      await openFromNav(page, "提现");
      await expect(page.getByRole("table", { name: "各服务商可提现余额" })).toBeVisible();
      await audit(page, "withdrawals");
    });

    await test.step("404 page", async () => {
      await page.goto("/no-such-page");
      await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
      await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();
      await audit(page, "not-found");
    });
  });

  test("provider staff pages", async ({ page }) => {
    // DataWise's queue holds Globex's seeded request; the ship dialog needs it in PROCESSING.
    await signIn(page, demoAccounts.datawiseStaff.email);
    await expect(page.getByRole("heading", { level: 1, name: "开票工作台" })).toBeVisible();
    const queue = page.getByRole("table", { name: "开票申请队列" });
    const row = queue
      .getByRole("row")
      .filter({ hasText: "Globex 贸易有限公司" })
      .filter({ hasText: "¥120.00" });
    await expect(row).toBeVisible();
    await audit(page, "provider-queue");

    const start = row.getByRole("button", { name: "开始处理" });
    if (await start.isVisible()) {
      await start.click();
      const confirm = page.getByRole("dialog", { name: "开始处理开票申请" });
      await expect(confirm).toBeVisible();
      await audit(page, "provider-start-confirm");
      await confirm.getByRole("button", { name: "确认开始处理" }).click();
      await expect(row).toContainText("处理中");
    }
    await row.getByRole("button", { name: "寄出发票" }).click();
    const dialog = page.getByRole("dialog", { name: "寄出发票" });
    await expect(dialog).toBeVisible();
    await audit(page, "provider-ship-dialog");
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();
  });

  test("support pages", async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, demoAccounts.support.email);

    await test.step("tickets", async () => {
      await expect(page.getByRole("heading", { level: 1, name: "工单" })).toBeVisible();
      await expect(
        page.getByRole("table", { name: "作废工单列表" }).or(page.getByText("没有待处理的工单。")),
      ).toBeVisible();
      await audit(page, "support-tickets");
    });

    await test.step("records", async () => {
      await openFromNav(page, "开票记录");
      await expect(page.getByRole("table", { name: "开票记录列表" })).toBeVisible();
      await audit(page, "support-records");
    });

    await test.step("refunds", async () => {
      await openFromNav(page, "退款");
      await expect(page.getByRole("button", { name: "登记退款" })).toBeVisible();
      await expect(
        page.getByRole("table", { name: "退款记录列表" }).or(page.getByText("暂无退款记录。")),
      ).toBeVisible();
      await audit(page, "support-refunds");
    });

    await test.step("audit log", async () => {
      await openFromNav(page, "审计日志");
      await expect(page.getByRole("table", { name: "审计日志列表" })).toBeVisible();
      await audit(page, "support-audit");
    });

    await test.step("holiday calendar", async () => {
      await openFromNav(page, "节假日日历");
      await expect(
        page
          .getByRole("table", { name: /年节假日与调休$/ })
          .or(page.getByText(/年还没有节假日或调休记录。$/)),
      ).toBeVisible();
      await audit(page, "support-calendar");
    });
  });
});
