import { expect, test, type Page } from "@playwright/test";
import { chooseOption, demoAccounts, described, openFromNav, pickListItem, signIn, snap } from "./helpers";

// Issue 3: an enterprise admin's first invoice, as a new user finds their way through the console.
// One serial journey: the title and address created first are used by the application after it.

const TITLE_NAME = "杭州测试科技有限公司";
const WRONG_TAXPAYER_ID = "91350100M000100Y44"; // the seeded Acme code with a wrong check character
const GOOD_TAXPAYER_ID = "91110000600037341L";
const RECIPIENT = "张测试";
const MOBILE = "13912345678";
const STREET = "文三路 100 号 测试大厦 8 层";
const POSTAL_CODE = "310012";

const marketRow = (page: Page, provider: RegExp) =>
  page.getByRole("table", { name: "云市场可开票金额" }).getByRole("row").filter({ hasText: provider });
/** The invoiceable amount: a button whose hover/focus shows the formula. */
const invoiceable = (page: Page, provider: RegExp) =>
  marketRow(page, provider).getByRole("cell").nth(7).getByRole("button");

/** Submits the confirm page and returns the new request's id from the records page's notice. */
async function submitAndReadId(page: Page): Promise<string> {
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page).toHaveURL("/invoices/records");
  const notice = page.getByRole("status").filter({ hasText: "开票申请已提交" });
  await expect(notice).toBeVisible();
  const id = /编号 (MI\d{14})/.exec((await notice.textContent()) ?? "")?.[1];
  expect(id, "the notice names the new request").toBeTruthy();
  return id ?? "";
}

const recordRow = (page: Page, id: string) =>
  page.getByRole("table", { name: "开票记录列表" }).getByRole("row").filter({ hasText: id });

test.beforeEach(async ({ page }) => {
  await signIn(page, demoAccounts.acmeAdmin.email);
  await expect(page.getByRole("heading", { level: 1, name: "云市场" })).toBeVisible();
});

// The title and address created first are the ones the application then chooses.
test.describe.serial("enterprise admin: title, address, apply, cancel (issue 3)", () => {
  test("adds an enterprise invoice title, fixing a wrong taxpayer id", async ({ page }) => {
    await openFromNav(page, "发票抬头管理");
    const list = page.getByRole("table", { name: "发票抬头列表" });
    await expect(list.getByRole("row").filter({ hasText: "Acme 科技有限公司" })).toBeVisible();
    await snap(page, "titles");

    await page.getByRole("button", { name: "添加发票抬头" }).click();
    const dialog = page.getByRole("dialog", { name: "添加发票抬头" });
    await expect(dialog).toBeVisible();
    await expect(page.getByRole("radio", { name: "企业", exact: true })).toBeChecked();
    await page.getByLabel("发票抬头", { exact: true }).fill(TITLE_NAME);
    const taxpayer = page.getByLabel("纳税人识别号", { exact: true });
    await taxpayer.fill(WRONG_TAXPAYER_ID);
    await dialog.getByRole("button", { name: "保存" }).click();

    // The message sits next to the taxpayer field and is tied to the input for screen readers.
    await expect(taxpayer).toHaveAttribute("aria-invalid", "true");
    await expect(taxpayer).toHaveAccessibleDescription(/纳税人识别号无效/);
    await expect(dialog.getByText(/纳税人识别号无效/)).toBeVisible();
    await expect(dialog, "nothing is saved while the id is wrong").toBeVisible();
    await snap(page, "title-taxpayer-error");

    await taxpayer.fill(GOOD_TAXPAYER_ID);
    await expect(taxpayer, "typing clears the message").not.toHaveAttribute("aria-invalid", "true");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("保存成功")).toBeVisible();
    await expect(dialog).toBeHidden();
    const row = list.getByRole("row").filter({ hasText: TITLE_NAME });
    await expect(row).toBeVisible();
    await expect(row).toContainText("企业");
    await expect(row).toContainText(GOOD_TAXPAYER_ID);
    await snap(page, "title-saved");
  });

  test("adds a mailing address with the region cascader", async ({ page }) => {
    await openFromNav(page, "邮寄地址管理");
    const list = page.getByRole("table", { name: "邮寄地址列表" });
    await expect(list.getByRole("row").filter({ hasText: "王敏" })).toBeVisible();
    await snap(page, "addresses");

    await page.getByRole("button", { name: "添加邮寄地址" }).click();
    const dialog = page.getByRole("dialog", { name: "添加邮寄地址" });
    await expect(dialog).toBeVisible();
    await page.getByLabel("收件人", { exact: true }).fill(RECIPIENT);
    await page.getByLabel("手机号码", { exact: true }).fill(MOBILE);
    await chooseOption(page, "所在地区", "浙江省");
    await pickListItem(page, "杭州市");
    await pickListItem(page, "西湖区");
    await expect(page.getByLabel("所在地区", { exact: true })).toHaveValue(/浙江省.*杭州市.*西湖区/);
    await page.getByLabel("详细地址", { exact: true }).fill(STREET);
    await page.getByLabel("邮政编码", { exact: true }).fill(POSTAL_CODE);
    await snap(page, "address-dialog");
    await dialog.getByRole("button", { name: "保存" }).click();

    await expect(page.getByText("保存成功")).toBeVisible();
    await expect(dialog).toBeHidden();
    const row = list.getByRole("row").filter({ hasText: RECIPIENT });
    await expect(row).toContainText(MOBILE);
    await expect(row).toContainText(`浙江省杭州市西湖区${STREET}`);
    await expect(row).toContainText(POSTAL_CODE);
    await snap(page, "address-saved");
  });

  test("applies at CloudSoft with the new title and address, then cancels", async ({ page }) => {
    const cloudsoft = /^CloudSoft 云软件/;
    await expect(invoiceable(page, cloudsoft)).toHaveText("¥12,800.00");

    // 鼠标悬浮查看计算公式: the formula with Acme's own figures.
    const amount = invoiceable(page, cloudsoft);
    await amount.hover();
    await expect(
      page.getByText("可开票金额 = 消耗 − 退款 − 待处理 − 处理中 − 邮寄中 − 已开具", { exact: true }),
    ).toBeVisible();
    await expect(
      page.getByText("= ¥12,800.00 − ¥0.00 − ¥0.00 − ¥0.00 − ¥0.00 − ¥0.00 = ¥12,800.00", { exact: true }),
    ).toBeVisible();
    await expect(amount, "screen readers get the formula too").toHaveAccessibleDescription(
      /可开票金额 = 消耗 − 退款 − 待处理 − 处理中 − 邮寄中 − 已开具/,
    );
    await snap(page, "marketplace-formula");

    await marketRow(page, cloudsoft).getByRole("button", { name: "申请开票" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "申请开票" })).toBeVisible();
    const amountInput = page.getByLabel("开票金额（元）");
    await expect(amountInput, "defaults to the whole invoiceable amount").toHaveValue("12800.00");
    await amountInput.fill("100.00");
    await expect(page.getByText("本次邮费：服务商包邮")).toBeVisible();
    await expect(page.getByRole("radio", { name: "增值税普通发票（纸质）" })).toBeChecked();
    await chooseOption(page, "发票抬头", `${TITLE_NAME}（企业）`);
    await expect(page.getByLabel("发票抬头", { exact: true })).toHaveValue(`${TITLE_NAME}（企业）`);
    await chooseOption(page, "邮寄地址", new RegExp(`^${RECIPIENT} ${MOBILE}`));
    await expect(page.getByLabel("邮寄地址", { exact: true })).toHaveValue(
      new RegExp(`^${RECIPIENT} ${MOBILE}`),
    );
    await snap(page, "apply-cloudsoft");
    await page.getByRole("button", { name: "下一步" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "确认开票信息" })).toBeVisible();
    await expect(described(page, "服务商")).toHaveText("CloudSoft 云软件");
    await expect(described(page, "开票金额")).toHaveText("¥100.00");
    await expect(described(page, "发票类型")).toHaveText("增值税普通发票（纸质）");
    await expect(described(page, "抬头类型")).toHaveText("企业");
    await expect(described(page, "发票抬头")).toHaveText(TITLE_NAME);
    await expect(described(page, "纳税人识别号")).toHaveText(GOOD_TAXPAYER_ID);
    await expect(described(page, "收件人")).toHaveText(RECIPIENT);
    await expect(described(page, "手机号码")).toHaveText(MOBILE);
    await expect(described(page, "邮寄地址")).toHaveText(`浙江省杭州市西湖区${STREET}`);
    await expect(described(page, "邮政编码")).toHaveText(POSTAL_CODE);
    await expect(described(page, "邮费")).toHaveText("服务商包邮");
    await expect(described(page, "预计最晚寄出日期")).toHaveText(
      /^\d{4}-\d{2}-\d{2}（提交后 10 个工作日内）$/,
    );
    await snap(page, "confirm-cloudsoft");

    const id = await submitAndReadId(page);
    await expect(recordRow(page, id)).toContainText("CloudSoft 云软件");
    await expect(recordRow(page, id)).toContainText("¥100.00");
    await expect(recordRow(page, id)).toContainText(TITLE_NAME);
    await expect(recordRow(page, id).getByRole("cell").nth(6)).toHaveText("待处理");
    await snap(page, "records-pending");

    await recordRow(page, id).getByRole("link", { name: "详情" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "开票详情" })).toBeVisible();
    await expect(described(page, "申请编号")).toHaveText(id);
    await expect(described(page, "状态")).toHaveText("待处理");
    await expect(described(page, "发票抬头")).toHaveText(TITLE_NAME);
    await snap(page, "record-detail-pending");

    await page.getByRole("button", { name: "撤销申请" }).click();
    const confirm = page.getByRole("dialog", { name: "撤销开票申请" });
    await expect(confirm).toContainText("确定撤销这笔 ¥100.00 的开票申请吗？");
    await snap(page, "cancel-confirm");
    await confirm.getByRole("button", { name: "撤销申请" }).click();
    await expect(page.getByText("已撤销开票申请，金额已退回可开票金额")).toBeVisible();
    await expect(confirm).toBeHidden();
    await expect(described(page, "状态")).toHaveText("已撤销");
    await expect(
      page.getByRole("button", { name: "撤销申请" }),
      "a cancelled request cannot be cancelled",
    ).toHaveCount(0);
    await snap(page, "record-detail-cancelled");

    await openFromNav(page, "云市场");
    await expect(invoiceable(page, cloudsoft)).toHaveText("¥12,800.00");
    await snap(page, "marketplace-restored");
  });
});

test.describe("enterprise admin (issue 3)", () => {
  test("DataWise below 50.00 is cash on delivery; with nothing left, applying is disabled with a reason", async ({
    page,
  }) => {
    const datawise = /^DataWise 数据服务/;
    await expect(invoiceable(page, datawise)).toHaveText("¥36.80");
    await marketRow(page, datawise).getByRole("button", { name: "申请开票" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "申请开票" })).toBeVisible();
    await expect(page.getByLabel("开票金额（元）")).toHaveValue("36.80");
    await expect(page.getByText("本次邮费：到付（收件人付邮费）")).toBeVisible();
    await snap(page, "apply-datawise");
    await page.getByRole("button", { name: "下一步" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "确认开票信息" })).toBeVisible();
    await expect(described(page, "服务商")).toHaveText("DataWise 数据服务");
    await expect(described(page, "开票金额")).toHaveText("¥36.80");
    await expect(described(page, "邮费")).toHaveText("到付（收件人付邮费）");
    await snap(page, "confirm-datawise-cod");
    const id = await submitAndReadId(page);
    await expect(recordRow(page, id).getByRole("cell").nth(6)).toHaveText("待处理");
    await snap(page, "records-datawise");

    await openFromNav(page, "云市场");
    const row = marketRow(page, datawise);
    await expect(invoiceable(page, datawise)).toHaveText("¥0.00");
    await expect(row.getByText("暂无可开票金额"), "the reason is shown next to the action").toBeVisible();
    await expect(row.getByText("申请开票", { exact: true }), "the action is still shown").toBeVisible();
    await expect(row.getByRole("button", { name: "申请开票" }), "a disabled 申请开票 button").toBeDisabled();
    await snap(page, "marketplace-datawise-disabled");

    // Leave DataWise as it was: cancel from the records list.
    await openFromNav(page, "开票记录");
    await recordRow(page, id).getByRole("button", { name: "撤销", exact: true }).click();
    const confirm = page.getByRole("dialog", { name: "撤销开票申请" });
    await confirm.getByRole("button", { name: "撤销申请" }).click();
    await expect(recordRow(page, id).getByRole("cell").nth(6)).toHaveText("已撤销");
    await snap(page, "records-datawise-cancelled");
    await openFromNav(page, "云市场");
    await expect(invoiceable(page, datawise)).toHaveText("¥36.80");
    await snap(page, "marketplace-datawise-restored");
  });

  test("the English toggle switches the interface language", async ({ page }) => {
    const toggle = page.getByRole("button", { name: "English" });
    await toggle.click();
    await expect(page.getByRole("heading", { level: 1, name: "Marketplace" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Invoice records" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Invoice titles" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(
      page
        .getByRole("table", { name: "Marketplace invoiceable amounts" })
        .getByRole("button", { name: "Apply for invoice" })
        .first(),
    ).toBeVisible();
    await snap(page, "marketplace-english");

    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "云市场" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});
