import type { CourierCode } from "./couriers";
import { VALIDATION_MESSAGES, translateIn, type Lang, type MessageTable } from "./messages";

/**
 * The labels of the enums the API and the console both show, in both languages: one dictionary
 * each for request statuses, invoice types, postage payers, couriers and ticket statuses. They are
 * message keys of `t()` (below), so the CSV export, error messages and the console read the same
 * words. Audit entities and actions are shown by the console only: their labels are the web's
 * `support.audit.*` keys, typed against `AUDIT_ENTITY_TYPES` and `AUDIT_ACTIONS` (./audit.ts).
 */
type Label = { zh: string; en: string };

export const INVOICE_STATUS_LABELS = {
  PENDING: { zh: "待处理", en: "Pending" },
  PROCESSING: { zh: "处理中", en: "Processing" },
  MAILING: { zh: "邮寄中", en: "Mailing" },
  ISSUED: { zh: "已开具", en: "Issued" },
  VOIDED: { zh: "发票作废", en: "Voided" },
  CANCELLED: { zh: "已撤销", en: "Cancelled" },
  REJECTED: { zh: "已驳回", en: "Rejected" },
} satisfies Record<string, Label>;

export const INVOICE_TYPE_LABELS = {
  PAPER_VAT_GENERAL: { zh: "增值税普通发票（纸质）", en: "VAT general invoice (paper)" },
  PAPER_VAT_SPECIAL: { zh: "增值税专用发票（纸质）", en: "VAT special invoice (paper)" },
  ELECTRONIC_VAT_GENERAL: { zh: "数电发票（普通发票）", en: "Digital invoice (general)" },
  ELECTRONIC_VAT_SPECIAL: { zh: "数电发票（增值税专用发票）", en: "Digital invoice (VAT special)" },
} satisfies Record<string, Label>;

export const SHIPPING_PAYER_LABELS = {
  PROVIDER: { zh: "服务商包邮", en: "Paid by the provider" },
  RECIPIENT_COD: { zh: "到付（收件人付邮费）", en: "Cash on delivery (recipient pays)" },
} satisfies Record<string, Label>;

/** The one courier dictionary (COURIERS and tracking pages in couriers.ts). */
export const COURIER_LABELS: Record<CourierCode, Label> = {
  SF: { zh: "顺丰速运", en: "SF Express" },
  EMS: { zh: "EMS", en: "EMS" },
  JD: { zh: "京东物流", en: "JD Logistics" },
  ZTO: { zh: "中通快递", en: "ZTO Express" },
  YTO: { zh: "圆通速递", en: "YTO Express" },
  STO: { zh: "申通快递", en: "STO Express" },
  YUNDA: { zh: "韵达快递", en: "Yunda Express" },
  JT: { zh: "极兔速递", en: "J&T Express" },
  DBL: { zh: "德邦快递", en: "Deppon Express" },
  OTHER: { zh: "其他", en: "Other" },
};

/** The one return-request-status dictionary (退票申请, SPEC §13; RETURN_REQUEST_STATUSES in the domain). */
export const RETURN_REQUEST_STATUS_LABELS = {
  OPEN: { zh: "待服务商处理", en: "Awaiting the provider" },
  APPROVED: { zh: "服务商已同意", en: "Approved" },
  DECLINED: { zh: "服务商已拒绝", en: "Declined" },
  AWAITING_BUYER: { zh: "待确认红冲", en: "Awaiting your confirmation" },
  CONFIRMED: { zh: "已红冲", en: "Reversed" },
  EXPIRED: { zh: "已过期", en: "Expired" },
} satisfies Record<string, Label>;

/** The one ticket-status dictionary (TICKET_STATUSES in support.ts). */
export const TICKET_STATUS_LABELS = {
  OPEN: { zh: "待处理", en: "open" },
  RESOLVED: { zh: "已作废发票", en: "resolved" },
  REJECTED: { zh: "已驳回", en: "rejected" },
} satisfies Record<string, Label>;

/** Column headers of the invoice-records CSV export, in column order. */
export const EXPORT_COLUMN_LABELS = {
  number: { zh: "申请编号", en: "Request number" },
  createdAt: { zh: "申请时间", en: "Applied at" },
  tenant: { zh: "企业", en: "Enterprise" },
  provider: { zh: "服务商", en: "Provider" },
  amount: { zh: "金额（元）", en: "Amount (CNY)" },
  invoiceType: { zh: "发票类型", en: "Invoice type" },
  status: { zh: "状态", en: "Status" },
  title: { zh: "发票抬头", en: "Invoice title" },
  taxpayerId: { zh: "纳税人识别号", en: "Taxpayer ID" },
  recipient: { zh: "收件人", en: "Recipient" },
  address: { zh: "邮寄地址", en: "Mailing address" },
  email: { zh: "收票邮箱", en: "Receipt e-mail" },
  shippingPayer: { zh: "邮费", en: "Postage" },
  dueDate: { zh: "应处理日期", en: "Due by" },
  invoiceNumber: { zh: "发票号码", en: "Invoice number" },
  issuedOn: { zh: "开票日期", en: "Issued on" },
  courier: { zh: "快递公司", en: "Courier" },
  trackingNumber: { zh: "运单号", en: "Tracking number" },
  rejectReason: { zh: "驳回原因", en: "Rejection reason" },
  id: { zh: "记录 ID", en: "Record ID" },
} satisfies Record<string, Label>;
export type ExportColumn = keyof typeof EXPORT_COLUMN_LABELS;

const keyed = (prefix: string, labels: Record<string, Label>) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v]));

/** Every label above as message keys: `status.PENDING`, `courier.SF`, `export.column.amount`, … */
export const LABEL_MESSAGES: Record<string, Label> = {
  ...keyed("status", INVOICE_STATUS_LABELS),
  ...keyed("invoiceType", INVOICE_TYPE_LABELS),
  ...keyed("shippingPayer", SHIPPING_PAYER_LABELS),
  ...keyed("courier", COURIER_LABELS),
  ...keyed("ticketStatus", TICKET_STATUS_LABELS),
  ...keyed("returnStatus", RETURN_REQUEST_STATUS_LABELS),
  ...keyed("export.column", EXPORT_COLUMN_LABELS),
};

const ALL_MESSAGES: MessageTable = { ...LABEL_MESSAGES, ...VALIDATION_MESSAGES };

/** Translates any message key, labels included (the API's errors and CSV); "key:a:b" fills {0}, {1}. */
export function t(keyWithArgs: string, lang: Lang = "zh-CN"): string {
  return translateIn(ALL_MESSAGES, keyWithArgs, lang);
}
