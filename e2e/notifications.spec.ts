import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import {
  animationsSettled,
  demoAccounts,
  described,
  expectNoA11yViolations,
  openFromNav,
  signIn,
  snap,
} from "./helpers";
import { applyAtCloudSoft, findInQueue, startProcessing } from "./invoice-steps";

// Issue 10 in the console: the bell (站内信) on both sides of an application, the notification page,
// the webhook page (secret once, delivery log, redelivery) against a real HTTP receiver in this
// test, and the support desk's on-time rates; axe on each new page, dropdown, dialog and drawer.
// The webhook receiver listens on 127.0.0.1: the server runs with WEBHOOK_ALLOW_PRIVATE_TARGETS.

/**
 * The bell polls every 30 s (UNREAD_POLL_MS in apps/web/src/features/notifications/api/
 * get-unread-count.ts). The pages run on Playwright's clock, so a test moves them on by one interval
 * instead of waiting it out: the bell still has to fetch the count by itself.
 */
const POLL_MS = 30_000;

/** One poll interval passes on the page's clock (installed before the page loaded). */
const pollInterval = (page: Page) => page.clock.fastForward(POLL_MS);

async function audit(page: Page, name: string): Promise<void> {
  // Not the hover colour of whatever was clicked last: the page as it rests.
  await page.mouse.move(0, 0);
  await expect(page.getByText("加载中…")).toHaveCount(0);
  await animationsSettled(page);
  await snap(page, name);
  await expectNoA11yViolations(page, { soft: true });
}

/** A second signed-in user in their own browser context (and clock), side by side with `page`. */
async function otherUser(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  await page.clock.install();
  await signIn(page, email);
  return page;
}

const bell = (page: Page): Locator => page.getByRole("banner").getByRole("button", { name: /^站内信/ });

/** The user's unread count as the API has it; the bell then announces it ("站内信，3 条未读"). */
async function unreadOf(page: Page): Promise<number> {
  const response = await page.request.get("/api/notifications/unread-count");
  expect(response.ok()).toBe(true);
  const { count } = (await response.json()) as { count: number };
  await expect(bell(page)).toHaveAccessibleName(bellName(count));
  return count;
}

const bellName = (count: number) => (count > 0 ? `站内信，${count} 条未读` : "站内信");

test.describe("notifications and webhooks (issue 10)", () => {
  test("the bell: a new application reaches the provider, its processing reaches the tenant; read all → 0", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await page.clock.install();
    const staff = await otherUser(browser, demoAccounts.cloudsoftStaff.email);
    const staffBefore = await unreadOf(staff);

    await signIn(page, demoAccounts.acmeAdmin.email);
    const number = await applyAtCloudSoft(page, "1.00");
    const tenantBefore = await unreadOf(page);

    await test.step("the provider's bell counts the new application without a reload", async () => {
      await pollInterval(staff);
      await expect(bell(staff)).toHaveAccessibleName(bellName(staffBefore + 1));
      await expect(bell(staff).getByTestId("notification-badge")).toHaveText(String(staffBefore + 1));
      await bell(staff).click();
      await expect(bell(staff)).toHaveAttribute("aria-expanded", "true");
      const panel = staff.getByRole("region", { name: "最新消息" });
      await expect(panel).toBeVisible();
      await audit(staff, "provider-bell-open");
      await panel.getByRole("link", { name: new RegExp(`新的开票申请 ${number}`) }).click();
    });

    await test.step("the notification opens the request in the workbench and is read", async () => {
      await expect(staff).toHaveURL(/\/provider\/queue\?request=/);
      const drawer = staff.getByRole("dialog", { name: "开票申请详情" });
      await expect(drawer).toBeVisible();
      await expect(drawer).toContainText(number);
      await expect(bell(staff)).toHaveAccessibleName(bellName(staffBefore));
      await drawer.getByRole("button", { name: "关闭", exact: true }).click();
      await expect(drawer).toBeHidden();
      await expect(staff).not.toHaveURL(/request=/);
    });

    await test.step("the provider starts processing it", async () => {
      await startProcessing(staff, await findInQueue(staff, number));
    });

    await test.step("the tenant's bell counts it; the page lists it and links to the record", async () => {
      await pollInterval(page);
      await expect(bell(page)).toHaveAccessibleName(bellName(tenantBefore + 1));
      await bell(page).click();
      await page.getByRole("region", { name: "最新消息" }).getByRole("link", { name: "查看全部" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "站内信" })).toBeVisible();
      const table = page.getByRole("table", { name: "站内信列表" });
      const row = table.getByRole("row").filter({ hasText: `开票申请 ${number} 开始处理` });
      await expect(row).toContainText("未读");
      await audit(page, "notifications-page");
      await page.getByLabel("仅看未读").click();
      await expect(page).toHaveURL(/unread=true/);
      await expect(row).toBeVisible();
      await row.getByRole("link", { name: new RegExp(number) }).click();
      await expect(page.getByRole("heading", { level: 1, name: "开票详情" })).toBeVisible();
      await expect(described(page, "申请编号")).toHaveText(number);
      await expect(bell(page)).toHaveAccessibleName(bellName(tenantBefore));
    });

    await test.step("全部标为已读 brings the bell to 0", async () => {
      await page.goBack();
      await expect(page.getByRole("heading", { level: 1, name: "站内信" })).toBeVisible();
      const markAll = page.getByRole("main").getByRole("button", { name: "全部标为已读" });
      if (tenantBefore > 0) await markAll.click();
      else await expect(markAll).toBeDisabled();
      await expect(bell(page)).toHaveAccessibleName("站内信");
      await expect(bell(page).getByTestId("notification-badge")).toHaveCount(0);
      await expect(page.getByText("暂无消息。").or(page.getByText("没有符合筛选条件的记录"))).toBeVisible();
      await audit(page, "notifications-all-read");
    });

    await test.step("a tenant admin has the webhook page too", async () => {
      await openFromNav(page, "Webhook 推送");
      await expect(page.getByText(/向 Acme 科技有限公司 的系统/)).toBeVisible();
      await expect(
        page.getByRole("table", { name: "Webhook 接收地址列表" }).or(page.getByText(/还没有接收地址/)),
      ).toBeVisible();
      await audit(page, "tenant-webhooks");
    });

    await test.step("the provider reads all from the dropdown too", async () => {
      await bell(staff).click();
      const panel = staff.getByRole("region", { name: "最新消息" });
      const markAll = panel.getByRole("button", { name: "全部标为已读" });
      if (staffBefore > 0) await markAll.click();
      await expect(bell(staff)).toHaveAccessibleName("站内信");
      await staff.keyboard.press("Escape");
      await expect(panel).toBeHidden();
      await expect(bell(staff)).toBeFocused();
    });
    await staff.context().close();
  });

  test("webhooks: create → the secret once → a signed delivery in the log → redeliver → delete", async ({
    page,
    browser,
    context,
  }) => {
    test.setTimeout(180_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);

    // The receiver a provider's ERP would run; /gone is an integration that was switched off.
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let gone = 0;
    const server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        if (req.url === "/gone") {
          gone += 1;
          res.writeHead(410, { "content-type": "text/plain" });
          res.end("integration removed");
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true, received: received.length }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const url = `${origin}/hooks/invoices`;
    const goneUrl = `${origin}/gone`;

    try {
      await signIn(page, demoAccounts.cloudsoftStaff.email);
      await openFromNav(page, "Webhook 推送");
      await expect(page.getByRole("heading", { level: 2, name: "如何验证签名" })).toBeVisible();
      await expect(page.getByText("new Webhook(process.env.WEBHOOK_SECRET)")).toBeVisible();
      await audit(page, "webhooks-page");

      let secret = "";
      await test.step("create: the URL and the events, then the secret once", async () => {
        await page.getByRole("button", { name: "添加接收地址" }).first().click();
        const dialog = page.getByRole("dialog", { name: "添加 Webhook 接收地址" });
        await expect(dialog).toBeVisible();
        await dialog.getByRole("button", { name: "添加", exact: true }).click();
        await expect(dialog.getByLabel("接收地址（URL）")).toHaveAttribute("aria-invalid", "true");
        await expect(dialog.getByText("请至少选择一个事件")).toBeVisible();
        await audit(page, "webhooks-create-errors");
        await dialog.getByLabel("接收地址（URL）").fill(url);
        // TDesign draws its box over the native input: a person clicks the label.
        await dialog.getByText("新开票申请", { exact: true }).click();
        await dialog.getByText("开票申请处理中", { exact: true }).click();
        await expect(dialog.getByRole("checkbox", { name: /新开票申请/ })).toBeChecked();
        await expect(dialog.getByRole("checkbox", { name: /开票申请处理中/ })).toBeChecked();
        await dialog.getByRole("button", { name: "添加", exact: true }).click();

        const shown = page.getByRole("dialog", { name: "签名密钥" });
        await expect(shown).toBeVisible();
        await expect(dialog).toBeHidden();
        await expect(shown).toContainText("密钥只显示这一次");
        secret = await shown.getByLabel("签名密钥（secret）").inputValue();
        expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
        await audit(page, "webhooks-secret");
        await shown.getByRole("button", { name: "复制" }).click();
        await expect(page.getByText("已复制到剪贴板")).toBeVisible();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
        await shown.getByRole("button", { name: "我已保存密钥" }).click();
        await expect(shown).toBeHidden();
      });

      const row = page
        .getByRole("table", { name: "Webhook 接收地址列表" })
        .getByRole("row")
        .filter({ hasText: url });
      await test.step("the endpoint is listed, its secret nowhere any more", async () => {
        await expect(row).toContainText("新开票申请");
        await expect(row).toContainText("开票申请处理中");
        await expect(row).toContainText("启用中");
        await page.reload();
        await expect(row).toBeVisible();
        expect(await page.content()).not.toContain(secret);
      });

      const goneRow = page
        .getByRole("table", { name: "Webhook 接收地址列表" })
        .getByRole("row")
        .filter({ hasText: goneUrl });
      await test.step("a second endpoint, for all events", async () => {
        await page.getByRole("button", { name: "添加接收地址" }).first().click();
        const dialog = page.getByRole("dialog", { name: "添加 Webhook 接收地址" });
        await dialog.getByLabel("接收地址（URL）").fill(goneUrl);
        await dialog.getByText("全部事件", { exact: true }).click();
        await expect(dialog.getByRole("checkbox", { name: /工单已处理/ })).toBeChecked();
        await dialog.getByRole("button", { name: "添加", exact: true }).click();
        const shown = page.getByRole("dialog", { name: "签名密钥" });
        await expect(shown.getByLabel("签名密钥（secret）")).toHaveValue(/^whsec_/);
        await expect(shown.getByLabel("签名密钥（secret）")).not.toHaveValue(secret);
        await shown.getByRole("button", { name: "我已保存密钥" }).click();
        await expect(goneRow).toContainText("全部事件");
        await expect(goneRow).toContainText("启用中");
      });

      await test.step("a tenant applies: the receiver gets it signed, the log shows it", async () => {
        const tenant = await otherUser(browser, demoAccounts.acmeAdmin.email);
        const number = await applyAtCloudSoft(tenant, "1.00");
        await tenant.context().close();

        await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
        const first = received[0];
        const { Webhook } = await standardWebhooks();
        const headers = Object.fromEntries(
          Object.entries(first?.headers ?? {}).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(",") : (v ?? ""),
          ]),
        );
        const event = new Webhook(secret).verify(first?.body ?? "", headers) as {
          type: string;
          data: { number?: string };
        };
        expect(event.type).toBe("invoice_request.created");
        expect(JSON.stringify(event.data)).toContain(number);

        await row.getByRole("button", { name: `${url} 的投递记录` }).click();
        const drawer = page.getByRole("dialog", { name: "投递记录" });
        await expect(drawer).toBeVisible();
        const log = drawer.getByRole("table", { name: "投递记录列表" });
        await expect(async () => {
          await drawer.getByRole("button", { name: "刷新" }).click();
          await expect(log.getByRole("row").filter({ hasText: "invoice_request.created" })).toContainText(
            "200",
            {
              timeout: 2_000,
            },
          );
        }).toPass({ timeout: 30_000 });
        const attempt = log.getByRole("row").filter({ hasText: "invoice_request.created" }).first();
        await expect(attempt).toContainText("成功");
        await expect(attempt).toContainText(/\d+ 毫秒/);
        await expect(attempt).toContainText('{"ok":true');
        await audit(page, "webhooks-deliveries");
      });

      await test.step("410 Gone disables the other endpoint, and the page says so", async () => {
        await page
          .getByRole("dialog", { name: "投递记录" })
          .getByRole("button", { name: "关闭", exact: true })
          .click();
        await expect.poll(() => gone, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
        await expect(async () => {
          await page.reload();
          await expect(goneRow).toContainText("已停用（410）", { timeout: 2_000 });
        }).toPass({ timeout: 30_000 });
        await goneRow.getByRole("button", { name: `${goneUrl} 的投递记录` }).click();
        const drawer = page.getByRole("dialog", { name: "投递记录" });
        await expect(drawer.getByText(/该地址已停用，不再推送/)).toBeVisible();
        const attempt = drawer
          .getByRole("table", { name: "投递记录列表" })
          .getByRole("row")
          .filter({ hasText: "410" });
        await expect(attempt).toContainText("integration removed");
        await expect(attempt.getByRole("button", { name: /^重新投递/ })).toBeDisabled();
        await audit(page, "webhooks-disabled");
        await drawer.getByRole("button", { name: "关闭", exact: true }).click();
        await expect(drawer).toBeHidden();
        await row.getByRole("button", { name: `${url} 的投递记录` }).click();
      });

      await test.step("重新投递: the same event again, the same webhook-id", async () => {
        const drawer = page.getByRole("dialog", { name: "投递记录" });
        const log = drawer.getByRole("table", { name: "投递记录列表" });
        const before = received.length;
        await log
          .getByRole("row")
          .filter({ hasText: "invoice_request.created" })
          .first()
          .getByRole("button", { name: /^重新投递/ })
          .click();
        await expect(page.getByText("已安排重新投递")).toBeVisible();
        await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(before);
        expect(received.at(-1)?.headers["webhook-id"]).toBe(received[0]?.headers["webhook-id"]);
        await expect(async () => {
          await drawer.getByRole("button", { name: "刷新" }).click();
          await expect(log.getByRole("row").filter({ hasText: "invoice_request.created" })).toHaveCount(2, {
            timeout: 2_000,
          });
        }).toPass({ timeout: 30_000 });
        await drawer.getByRole("button", { name: "关闭", exact: true }).click();
        await expect(drawer).toBeHidden();
      });

      await test.step("delete, after a confirmation", async () => {
        await row.getByRole("button", { name: `删除 ${url}` }).click();
        const confirm = page.getByRole("dialog", { name: "删除接收地址" });
        await expect(confirm).toContainText(url);
        await audit(page, "webhooks-delete-confirm");
        await confirm.getByRole("button", { name: "确认删除" }).click();
        await expect(page.getByText("接收地址已删除")).toBeVisible();
        await expect(row).toHaveCount(0);
      });
    } finally {
      server.close();
    }
  });

  test("support: on-time rates per provider for a chosen month", async ({ page }) => {
    await signIn(page, demoAccounts.support.email);
    await openFromNav(page, "准时率");
    await page.getByRole("button", { name: "上月" }).click();
    await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
    const month = /month=(\d{4}-\d{2})/.exec(page.url())?.[1] ?? "";
    await expect(
      page
        .getByRole("table", { name: `${month} 各服务商准时率` })
        .or(page.getByText(`${month} 没有到期的开票申请。`)),
    ).toBeVisible();
    await page.getByRole("button", { name: "本月" }).click();
    await expect(page).not.toHaveURL(new RegExp(`month=${month}`));
    await audit(page, "support-on-time");

    await test.step("in English: the page, the bell and the notification page", async () => {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "On-time rates" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Last month" })).toBeVisible();
      await expect(page.getByRole("banner").getByRole("button", { name: /^Notifications/ })).toBeVisible();
      await page
        .getByRole("banner")
        .getByRole("button", { name: /^Notifications/ })
        .click();
      const panel = page.getByRole("region", { name: "Latest" });
      await expect(panel.getByRole("button", { name: "Mark all as read" })).toBeVisible();
      await panel.getByRole("link", { name: "View all" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
      await expect(page.getByLabel("Unread only")).toBeVisible();
      await audit(page, "notifications-english");
      await page.getByRole("button", { name: "中文" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "站内信" })).toBeVisible();
    });
  });
});

/** The `standardwebhooks` package the API signs with (a dependency of apps/api, not of e2e). */
async function standardWebhooks(): Promise<{
  Webhook: new (secret: string) => { verify: (payload: string, headers: Record<string, string>) => unknown };
}> {
  const api = fileURLToPath(new URL("../apps/api/package.json", import.meta.url));
  const entry = createRequire(api).resolve("standardwebhooks");
  return (await import(pathToFileURL(entry).href)) as Awaited<ReturnType<typeof standardWebhooks>>;
}
