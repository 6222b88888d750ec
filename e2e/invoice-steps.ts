import { expect, type Locator, type Page } from "@playwright/test";
import { openFromNav } from "./helpers";

// Steps of an invoice request in the console that more than one spec takes: apply at CloudSoft,
// find the request in the workbench, start processing it, find its return request.

/** On 云市场: follows CloudSoft's 申请开票 and waits for the form. */
export async function openApplyForm(page: Page): Promise<void> {
  await page
    .getByRole("table", { name: "云市场可开票金额" })
    .getByRole("row")
    .filter({ hasText: /^CloudSoft/ })
    .getByRole("button", { name: "申请开票" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "申请开票" })).toBeVisible();
}

/** TDesign draws the radio over its input: click the option's label, as a person does. */
export async function chooseType(page: Page, type: string): Promise<void> {
  await page.locator("label.t-radio").filter({ hasText: type }).click();
  await expect(page.getByRole("radio", { name: type, exact: true })).toBeChecked();
}

/** On the confirm page: submits, lands on 开票记录 and returns the number the notice names. */
export async function submitApplication(page: Page): Promise<string> {
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page).toHaveURL(/\/invoices\/records/);
  const notice = page.getByRole("status").filter({ hasText: "开票申请已提交" });
  await expect(notice).toBeVisible();
  const number = /编号 (MI\d{14})/.exec((await notice.textContent()) ?? "")?.[1] ?? "";
  expect(number, "the notice names the request by its number").toMatch(/^MI\d{14}$/);
  return number;
}

/**
 * The signed-in admin applies at CloudSoft for `amount` with the default title and address, of
 * `type` when given (else the form's default, paper), and returns the new request's number.
 */
export async function applyAtCloudSoft(page: Page, amount: string, type?: string): Promise<string> {
  await openFromNav(page, "云市场");
  await openApplyForm(page);
  await page.getByLabel("开票金额（元）").fill(amount);
  if (type) await chooseType(page, type);
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "确认开票信息" })).toBeVisible();
  return submitApplication(page);
}

/** On 开票工作台: the one row the search finds for the request, whatever its status. */
export async function findInQueue(page: Page, number: string): Promise<Locator> {
  await page.getByLabel("搜索", { exact: true }).fill(number);
  await page.getByRole("button", { name: "查询" }).click();
  const row = page.getByRole("table", { name: "开票申请队列" }).getByRole("row").filter({ hasText: number });
  await expect(row).toHaveCount(1);
  return row;
}

/** 开始处理 on a workbench row, confirmed in its dialog. */
export async function startProcessing(page: Page, row: Locator): Promise<void> {
  await row.getByRole("button", { name: "开始处理" }).click();
  await page
    .getByRole("dialog", { name: "开始处理开票申请" })
    .getByRole("button", { name: "确认开始处理" })
    .click();
  await expect(row).toContainText("处理中");
}

/** The row of a request's return request on 退票申请. */
export const returnRow = (page: Page, number: string): Locator =>
  page.getByRole("table", { name: "退票申请列表" }).getByRole("row").filter({ hasText: number });
