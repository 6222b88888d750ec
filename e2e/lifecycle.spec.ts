import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  animationsSettled,
  chooseOption,
  demoAccounts,
  described,
  expectNoA11yViolations,
  openFromNav,
  snap,
  switchUser,
} from "./helpers";
import {
  applyAtCloudSoft,
  chooseType,
  findInQueue,
  openApplyForm,
  returnRow,
  startProcessing,
  submitApplication,
} from "./invoice-steps";

// Issue 9: the 2026 lifecycle in the console. Each journey applies for its own request at CloudSoft
// (which issues paper and digital invoices), so none depends on the seeded requests; the request is
// then found by its 申请编号 (MI + China date + sequence) with the lists' search.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
const NOT_A_PDF = Buffer.from("just some text pretending to be an invoice\n");
const E_GENERAL = "数电发票（普通发票）";
const PAPER_GENERAL = "增值税普通发票（纸质）";

/** Axe on the page as it is now, once loaded and settled; a screenshot for the artifacts. */
async function audit(page: Page, name: string): Promise<void> {
  await expect(page.getByText("加载中…")).toHaveCount(0);
  await animationsSettled(page);
  await snap(page, name);
  await expectNoA11yViolations(page, { soft: true });
}

/** Acme's admin applies at CloudSoft for `amount` of `type` and returns the new request's number. */
async function apply(page: Page, amount: string, type: string): Promise<string> {
  await switchUser(page, demoAccounts.acmeAdmin.email);
  return applyAtCloudSoft(page, amount, type);
}

/** Acme applies and CloudSoft staff start processing: the number and the request's workbench row. */
async function appliedAndStarted(page: Page, amount: string, type: string) {
  const number = await apply(page, amount, type);
  const row = await queueRow(page, number);
  await startProcessing(page, row);
  return { number, row };
}

/** The admin's detail page of a request, found with the records' search. */
async function adminOpens(page: Page, number: string): Promise<void> {
  await switchUser(page, demoAccounts.acmeAdmin.email);
  await openFromNav(page, "开票记录");
  await page.getByLabel("搜索", { exact: true }).fill(number);
  await page.getByRole("button", { name: "查询" }).click();
  const rows = page.getByRole("table", { name: "开票记录列表" }).getByRole("row").filter({ hasText: number });
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1, name: "开票详情" })).toBeVisible();
  await expect(described(page, "申请编号")).toHaveText(number);
}

/** CloudSoft staff's workbench row of a request. */
async function queueRow(page: Page, number: string): Promise<Locator> {
  await switchUser(page, demoAccounts.cloudsoftStaff.email);
  await expect(page.getByRole("heading", { level: 1, name: "开票工作台" })).toBeVisible();
  return findInQueue(page, number);
}

/** On the detail page the admin asks for a return; `inspect` looks at the dialog before it is sent. */
async function askForReturn(page: Page, reason: string, inspect: (dialog: Locator) => Promise<void>) {
  await page.getByRole("button", { name: "申请退票" }).click();
  const dialog = page.getByRole("dialog", { name: "申请退票" });
  await inspect(dialog);
  await dialog.getByLabel("退票原因").fill(reason);
  await dialog.getByRole("button", { name: "提交退票申请" }).click();
  await expect(page.getByText("退票申请已提交，请等待服务商处理")).toBeVisible();
}

/** Uploads a PDF in the 开具电子发票 dialog and issues the e-invoice with a 20-digit number. */
async function issueWithPdf(page: Page, row: Locator, invoiceNumber: string, fileName: string) {
  await row.getByRole("button", { name: "开具发票" }).click();
  const dialog = page.getByRole("dialog", { name: "开具电子发票" });
  await expect(dialog).toBeVisible();
  await dialog.locator('input[type="file"]').setInputFiles({
    name: fileName,
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await expect(dialog.getByRole("link", { name: `下载 ${fileName}` })).toBeVisible();
  await dialog.getByLabel("发票号码（20 位）").fill(invoiceNumber);
  await dialog.getByRole("button", { name: "确认开具" }).click();
  await expect(page.getByText("电子发票已开具，企业可下载发票文件")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("已开具");
}

test.describe("issue 9: the invoice lifecycle in the console", () => {
  test("e-invoice: apply with 收票邮箱 → start → upload a PDF → issue → tenant downloads", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const invoiceNumber = "26442000000000012345";
    let number = "";

    await test.step("the apply form and confirm page ask for an e-mail, not an address", async () => {
      await switchUser(page, demoAccounts.acmeAdmin.email);
      await openFromNav(page, "云市场");
      await openApplyForm(page);
      await expect(page.getByLabel("邮寄地址")).toBeVisible();
      await chooseType(page, E_GENERAL);
      await expect(page.getByLabel("邮寄地址")).toHaveCount(0);
      const email = page.getByLabel("收票邮箱");
      await expect(email).toHaveValue(demoAccounts.acmeAdmin.email);
      await email.fill("not-an-email");
      await page.getByLabel("开票金额（元）").fill("88.00");
      await page.getByRole("button", { name: "下一步" }).click();
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await audit(page, "apply-electronic-error");
      await email.fill("finance@acme.test");
      await page.getByRole("button", { name: "下一步" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "确认开票信息" })).toBeVisible();
      await expect(described(page, "收票邮箱")).toHaveText("finance@acme.test");
      await expect(page.getByText("邮寄信息")).toHaveCount(0);
      await expect(described(page, "邮费")).toHaveCount(0);
      await audit(page, "confirm-electronic");
      number = await submitApplication(page);
    });

    await test.step("CloudSoft staff start it, see a wrong file refused, upload a PDF and issue", async () => {
      const row = await queueRow(page, number);
      await expect(row).toContainText(E_GENERAL);
      await startProcessing(page, row);
      await expect(row.getByRole("button", { name: "寄出发票" })).toHaveCount(0);
      await row.getByRole("button", { name: "开具发票" }).click();
      const dialog = page.getByRole("dialog", { name: "开具电子发票" });
      await expect(dialog).toBeVisible();
      await audit(page, "issue-dialog");
      await dialog.locator('input[type="file"]').setInputFiles({
        name: "fake.pdf",
        mimeType: "application/pdf",
        buffer: NOT_A_PDF,
      });
      await expect(dialog.getByRole("alert")).toBeVisible();
      await expect(dialog.getByRole("link", { name: "下载 fake.pdf" })).toHaveCount(0);
      await dialog.getByRole("button", { name: "确认开具" }).click();
      await expect(dialog.getByLabel("发票号码（20 位）")).toHaveAttribute("aria-invalid", "true");
      await dialog.getByRole("button", { name: "取消" }).click();
      await issueWithPdf(page, row, invoiceNumber, "invoice-88.pdf");
      await snap(page, "queue-issued");
    });

    await test.step("the admin sees 已开具 and downloads the PDF", async () => {
      await adminOpens(page, number);
      await expect(described(page, "状态")).toHaveText("已开具");
      await expect(described(page, "发票号码")).toHaveText(invoiceNumber);
      await expect(described(page, "收票邮箱")).toHaveText("finance@acme.test");
      await expect(page.getByText("邮寄地址（提交时快照）")).toHaveCount(0);
      await audit(page, "detail-issued");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "下载 invoice-88.pdf" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("invoice-88.pdf");
    });
  });

  test("reject: the provider rejects with a reason; the tenant sees why and applies again", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const number = await apply(page, "55.00", PAPER_GENERAL);
    const reason = "抬头与纳税人识别号不一致，请核实后重新申请";

    await test.step("CloudSoft staff reject it with a reason", async () => {
      const row = await queueRow(page, number);
      await row.getByRole("button", { name: "驳回" }).click();
      const dialog = page.getByRole("dialog", { name: "驳回开票申请" });
      await expect(dialog).toContainText(number);
      await dialog.getByRole("button", { name: "确认驳回" }).click();
      await expect(dialog.getByLabel("驳回原因")).toHaveAttribute("aria-invalid", "true");
      await audit(page, "reject-dialog");
      await dialog.getByLabel("驳回原因").fill(reason);
      await dialog.getByRole("button", { name: "确认驳回" }).click();
      await expect(page.getByText("已驳回，企业将看到驳回原因")).toBeVisible();
      await expect(row).toContainText("已驳回");
    });

    await test.step("the admin sees 已驳回, the reason and a way to apply again", async () => {
      await adminOpens(page, number);
      await expect(described(page, "状态")).toHaveText("已驳回");
      await expect(page.getByText("服务商已驳回该开票申请")).toBeVisible();
      await expect(described(page, "驳回原因")).toHaveText(reason);
      await audit(page, "detail-rejected");
      await page.getByRole("link", { name: "重新申请开票" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "申请开票" })).toBeVisible();
      await expect(page.getByText("CloudSoft 云软件").first()).toBeVisible();
    });
  });

  test("return request on a paper invoice: ask → provider approves → void ticket → support voids", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const returnTracking = "SF7000000066";
    const { number, row } = await appliedAndStarted(page, "66.00", PAPER_GENERAL);

    await test.step("CloudSoft staff ship it", async () => {
      await row.getByRole("button", { name: "寄出发票" }).click();
      const dialog = page.getByRole("dialog", { name: "寄出发票" });
      await dialog.getByLabel("发票号码").fill("04406600");
      await chooseOption(page, dialog.getByLabel("快递公司"), "顺丰速运");
      await dialog.getByLabel("运单号").fill("SF1400000066");
      await dialog.getByRole("button", { name: "确认寄出" }).click();
      await expect(page.getByText("已登记寄出信息，申请状态已变为邮寄中")).toBeVisible();
      await expect(row).toContainText("邮寄中");
    });

    await test.step("the admin asks for a return in the console (the contact stays shown)", async () => {
      await adminOpens(page, number);
      await expect(described(page, "快递公司")).toHaveText("顺丰速运");
      await expect(page.getByRole("link", { name: "查询物流" })).toHaveAttribute("href", /SF1400000066/);
      await expect(page.getByText("服务商联系方式：CloudSoft 云软件")).toBeVisible();
      await askForReturn(page, "发票抬头有误，需要重开", async (dialog) => {
        await expect(dialog).toContainText(number);
        await audit(page, "ask-return-dialog");
      });
      await expect(page.getByRole("article", { name: /提交的退票申请/ })).toContainText("待服务商处理");
      await expect(page.getByRole("button", { name: "申请退票" })).toHaveCount(0);
    });

    await test.step("CloudSoft staff approve it on 退票申请", async () => {
      await switchUser(page, demoAccounts.cloudsoftStaff.email);
      await openFromNav(page, "退票申请");
      const row = returnRow(page, number);
      await expect(row).toContainText("待服务商处理");
      await expect(row).toContainText("发票抬头有误，需要重开");
      await audit(page, "provider-returns");
      await row.getByRole("button", { name: "同意" }).click();
      await page.getByRole("dialog", { name: "同意退票" }).getByRole("button", { name: "确认同意" }).click();
      await expect(page.getByText("已同意退票申请")).toBeVisible();
      await expect(row).toContainText("已同意");
      await expect(row).toContainText("邮寄中");
    });

    await test.step("the admin mails it back and opens the void ticket", async () => {
      await adminOpens(page, number);
      await expect(page.getByRole("article", { name: /提交的退票申请/ })).toContainText("已同意");
      await expect(page.getByText("请将纸质发票寄回服务商")).toBeVisible();
      await page.getByRole("button", { name: "申请作废（退票）" }).click();
      const dialog = page.getByRole("dialog", { name: "申请发票作废（退票）" });
      await dialog.getByLabel("寄回运单号").fill(returnTracking);
      await dialog.getByLabel("说明").fill("服务商已在控制台同意退票，发票已寄回");
      await dialog.getByRole("button", { name: "提交工单" }).click();
      await expect(page.getByText("工单已提交，请等待云市场工作人员处理")).toBeVisible();
    });

    await test.step("support sees the approval on the ticket and voids", async () => {
      await switchUser(page, demoAccounts.support.email);
      await expect(page.getByRole("heading", { level: 1, name: "工单" })).toBeVisible();
      const row = page
        .getByRole("table", { name: "作废工单列表" })
        .getByRole("row")
        .filter({ hasText: number });
      await expect(row).toContainText(returnTracking);
      await expect(row).toContainText("已同意");
      await audit(page, "support-tickets-approved");
      await row.getByRole("button", { name: "作废发票" }).click();
      const dialog = page.getByRole("dialog", { name: "作废发票" });
      await dialog.getByLabel("作废原因").fill("服务商已同意退票，寄回运单核实无误");
      await dialog.getByRole("button", { name: "确认作废" }).click();
      await expect(page.getByText("发票已作废，工单已关闭")).toBeVisible();
      await openFromNav(page, "退票申请");
      await expect(returnRow(page, number)).toContainText("发票作废");
      await audit(page, "support-returns");
    });

    await test.step("the admin sees 发票作废", async () => {
      await adminOpens(page, number);
      await expect(described(page, "状态")).toHaveText("发票作废");
    });
  });

  test("red-letter reversal: ISSUED → return request → approve with the number → tenant confirms → VOIDED", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const redLetterNumber = "44010026120100000077";
    const { number, row } = await appliedAndStarted(page, "77.00", E_GENERAL);

    await test.step("CloudSoft staff issue it", async () => {
      await issueWithPdf(page, row, "26442000000000077777", "invoice-77.pdf");
    });

    await test.step("the admin asks for a return of the issued e-invoice", async () => {
      await adminOpens(page, number);
      await expect(page.getByText("电子发票已开具，无法撤销。")).toBeVisible();
      await askForReturn(page, "开票金额有误，需要红冲后重开", (dialog) =>
        expect(dialog).toContainText("72 小时"),
      );
    });

    await test.step("CloudSoft staff approve with the red-letter confirmation number", async () => {
      await switchUser(page, demoAccounts.cloudsoftStaff.email);
      await openFromNav(page, "退票申请");
      const row = returnRow(page, number);
      await row.getByRole("button", { name: "同意" }).click();
      const dialog = page.getByRole("dialog", { name: "同意退票并发起红冲" });
      await expect(dialog).toBeVisible();
      const field = dialog.getByLabel("红字发票信息确认单编号");
      await field.fill("12345");
      await dialog.getByRole("button", { name: "确认同意" }).click();
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await audit(page, "red-letter-dialog");
      await field.fill(redLetterNumber);
      await dialog.getByRole("button", { name: "确认同意" }).click();
      await expect(page.getByText("已发起红冲，等待企业确认")).toBeVisible();
      await expect(row).toContainText("待确认红冲");
    });

    await test.step("the admin confirms before the deadline and the invoice is void", async () => {
      await adminOpens(page, number);
      const card = page.getByRole("article", { name: /提交的退票申请/ });
      await expect(card).toContainText("待确认红冲");
      await expect(card).toContainText(redLetterNumber);
      await expect(card.getByText("确认截止时间")).toBeVisible();
      await audit(page, "detail-awaiting-buyer");
      await card.getByRole("button", { name: "确认红冲" }).click();
      const dialog = page.getByRole("dialog", { name: "确认红冲" });
      await expect(dialog).toContainText(redLetterNumber);
      await dialog.getByRole("button", { name: "确认红冲" }).click();
      await expect(page.getByText("已确认红冲，发票已作废")).toBeVisible();
      await expect(described(page, "状态")).toHaveText("发票作废");
      await expect(card).toContainText("已红冲");
      await openFromNav(page, "退票申请");
      await expect(returnRow(page, number)).toContainText("已红冲");
      await audit(page, "admin-returns");
    });
  });
});
