import type { InvoiceListQuery } from "@mic/contracts";
import { chinaDate, formatAmount } from "@mic/domain";
import type { Db, Prisma } from "@mic/db";
import { notFound } from "../lib/errors";
import { chinaDayRange, isUuid, newestFirst, newestPage } from "../lib/pagination";
import { requestInclude, requestJson, type RequestRow } from "../lib/serialize";
import type { Scope } from "./transition-invoice";

export type InvoiceFilters = Omit<InvoiceListQuery, "limit" | "cursor">;

function where(scope: Scope, f: InvoiceFilters): Prisma.InvoiceRequestWhereInput {
  const today = new Date(`${chinaDate(new Date())}T00:00:00Z`);
  return {
    ...(f.tenantId ? { tenantId: f.tenantId } : {}),
    ...(f.providerId ? { providerId: f.providerId } : {}),
    ...scope,
    ...(f.status ? { status: f.status } : {}),
    ...(f.from || f.to ? { createdAt: chinaDayRange(f.from, f.to) } : {}),
    ...(f.overdue === "true"
      ? { status: f.status ?? { in: ["PENDING", "PROCESSING"] }, dueDate: { lt: today } }
      : {}),
  };
}

export async function listInvoiceRequests(db: Db, scope: Scope, q: InvoiceListQuery) {
  const { rows: kept, nextCursor } = await newestPage(q, where(scope, q), (window) =>
    db.invoiceRequest.findMany({ ...window, include: requestInclude }),
  );
  const now = new Date();
  return { items: kept.map((r) => requestJson(r, now)), nextCursor };
}

export async function getInvoiceRequest(db: Db, scope: Scope, id: string) {
  const row = isUuid(id)
    ? await db.invoiceRequest.findFirst({ where: { id, ...scope }, include: requestInclude })
    : null;
  if (!row) throw notFound();
  return requestJson(row);
}

const STATUS_ZH = {
  PENDING: "待处理",
  PROCESSING: "处理中",
  MAILING: "邮寄中",
  VOIDED: "发票作废",
  CANCELLED: "已撤销",
  ISSUED: "已开具",
  REJECTED: "已驳回",
};
const TYPE_ZH = {
  PAPER_VAT_GENERAL: "增值税普通发票（纸质）",
  PAPER_VAT_SPECIAL: "增值税专用发票（纸质）",
  ELECTRONIC_VAT_GENERAL: "数电发票（普通发票）",
  ELECTRONIC_VAT_SPECIAL: "数电发票（增值税专用发票）",
};
const PAYER_ZH = { PROVIDER: "服务商包邮", RECIPIENT_COD: "到付" };
const HEADER = [
  "申请编号",
  "申请时间",
  "企业",
  "服务商",
  "金额（元）",
  "发票类型",
  "状态",
  "发票抬头",
  "纳税人识别号",
  "收件人",
  "邮寄地址",
  "邮费",
  "应寄出日期",
  "发票号码",
  "快递公司",
  "运单号",
];

function csvCell(value: string): string {
  // Quote everything; neutralise leading =,+,-,@ so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

function csvRow(r: RequestRow): string {
  const title = r.titleSnapshot as { name?: string; taxpayerId?: string | null };
  const a = r.addressSnapshot as {
    recipient?: string;
    province?: string;
    city?: string;
    district?: string;
    street?: string;
  };
  return [
    r.id,
    r.createdAt.toISOString(),
    r.tenant.name,
    r.provider.name,
    formatAmount(r.amountFen),
    TYPE_ZH[r.invoiceType],
    STATUS_ZH[r.status],
    title.name ?? "",
    title.taxpayerId ?? "",
    a.recipient ?? "",
    [a.province, a.city, a.district, a.street].filter(Boolean).join(" "),
    r.shippingPayer ? PAYER_ZH[r.shippingPayer] : "",
    r.dueDate.toISOString().slice(0, 10),
    r.invoiceNumber ?? "",
    r.courier ?? "",
    r.trackingNumber ?? "",
  ]
    .map(csvCell)
    .join(",");
}

/** The filtered records as CSV, UTF-8 with BOM, read in keyset batches so memory stays flat. */
export async function* exportInvoiceRequests(
  db: Db,
  scope: Scope,
  f: InvoiceFilters,
): AsyncGenerator<string> {
  yield "\uFEFF" + HEADER.map(csvCell).join(",") + "\r\n";
  let cursor: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await db.invoiceRequest.findMany({
      where: { AND: [where(scope, f), newestFirst.after(cursor)] },
      orderBy: newestFirst.orderBy,
      take: 500,
      include: requestInclude,
    });
    if (rows.length === 0) return;
    yield rows.map(csvRow).join("\r\n") + "\r\n";
    const last = rows[rows.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}
