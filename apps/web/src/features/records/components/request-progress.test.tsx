import type { InvoiceRequest } from "@mic/contracts";
import { describe, expect, it } from "vitest";
import { renderPage } from "@/test/render";
import { RequestProgress } from "./request-progress";

const base = {
  createdAt: "2026-12-01T02:00:00.000Z",
  processingAt: null,
  mailingAt: null,
  issuedAt: null,
  voidedAt: null,
  cancelledAt: null,
  rejectedAt: null,
} as const;

const request = (over: Partial<InvoiceRequest>) => ({ ...base, ...over }) as InvoiceRequest;

/** Each step's title and TDesign state class (finish / process / wait / error), in order. */
async function steps(r: InvoiceRequest) {
  const { container } = await renderPage(<RequestProgress request={r} />);
  return [...container.querySelectorAll(".t-steps-item")].map((item) => {
    const title = item.querySelector(".t-steps-item__title")?.textContent ?? "";
    const state = /t-steps-item--(\w+)/.exec(item.className)?.[1] ?? "";
    return `${title}:${state}`;
  });
}

describe("RequestProgress follows the domain's path for each kind", () => {
  it("a PROCESSING paper invoice is being processed, not shipped", async () => {
    const r = request({
      invoiceType: "PAPER_VAT_GENERAL",
      status: "PROCESSING",
      processingAt: "2026-12-02T02:00:00.000Z",
    });
    expect(await steps(r)).toEqual(["提交申请:finish", "服务商处理:process", "发票寄出:wait", "完成:wait"]);
  });

  it("a MAILING paper invoice is delivered", async () => {
    const r = request({
      invoiceType: "PAPER_VAT_GENERAL",
      status: "MAILING",
      processingAt: "2026-12-02T02:00:00.000Z",
      mailingAt: "2026-12-03T02:00:00.000Z",
    });
    expect(await steps(r)).toEqual([
      "提交申请:finish",
      "服务商处理:finish",
      "发票寄出:finish",
      "完成:finish",
    ]);
  });

  it("an electronic invoice is issued, never mailed", async () => {
    const r = request({
      invoiceType: "ELECTRONIC_VAT_GENERAL",
      status: "ISSUED",
      processingAt: "2026-12-02T02:00:00.000Z",
      issuedAt: "2026-12-02T03:00:00.000Z",
    });
    expect(await steps(r)).toEqual([
      "提交申请:finish",
      "服务商处理:finish",
      "发票开具:finish",
      "完成:finish",
    ]);
  });

  it("a request rejected while processing keeps the steps it reached and ends in 已驳回", async () => {
    const r = request({
      invoiceType: "ELECTRONIC_VAT_GENERAL",
      status: "REJECTED",
      processingAt: "2026-12-02T02:00:00.000Z",
      rejectedAt: "2026-12-02T05:00:00.000Z",
    });
    expect(await steps(r)).toEqual(["提交申请:finish", "服务商处理:finish", "发票开具:wait", "已驳回:error"]);
  });

  it("a request cancelled while pending ends in 已撤销 with nothing after 提交申请 done", async () => {
    const r = request({
      invoiceType: "PAPER_VAT_GENERAL",
      status: "CANCELLED",
      cancelledAt: "2026-12-01T03:00:00.000Z",
    });
    expect(await steps(r)).toEqual(["提交申请:finish", "服务商处理:wait", "发票寄出:wait", "已撤销:error"]);
  });
});
