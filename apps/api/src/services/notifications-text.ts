import { COURIER_LABELS, type NotificationType } from "@mic/contracts";

type Params = Record<string, unknown>;
const s = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

const DECISIONS: Record<string, string> = {
  APPROVED: "已同意",
  DECLINED: "已拒绝",
  AWAITING_BUYER: "已同意，待您确认红冲",
  CONFIRMED: "购买方已确认红冲",
  EXPIRED: "已过期",
};

/** Title and body of each notice, in Chinese, naming the request number (SPEC §11, §14). */
const TEXT: Record<NotificationType, (p: Params) => { title: string; body: string }> = {
  "invoice_request.created": (p) => ({
    title: `新的开票申请 ${s(p.number)}`,
    body: `${s(p.tenantName)} 申请开票 ¥${s(p.amount)}，请于 ${s(p.dueDate)} 前处理。`,
  }),
  "invoice_request.cancelled": (p) => ({
    title: `开票申请 ${s(p.number)} 已撤销`,
    body: `${s(p.tenantName)} 撤销了 ¥${s(p.amount)} 的开票申请。`,
  }),
  "invoice_request.processing": (p) => ({
    title: `开票申请 ${s(p.number)} 开始处理`,
    body: `${s(p.providerName)} 已开始处理您 ¥${s(p.amount)} 的开票申请。`,
  }),
  "invoice_request.mailed": (p) => ({
    title: `发票已寄出 ${s(p.number)}`,
    body: `${s(p.providerName)} 已寄出发票，${courierText(p.courier)} 运单号 ${s(p.trackingNumber)}。`,
  }),
  "invoice_request.issued": (p) => ({
    title: `电子发票已开具 ${s(p.number)}`,
    body: `${s(p.providerName)} 已开具发票号码 ${s(p.invoiceNumber)}，文件已发送至收票邮箱。`,
  }),
  "invoice_request.rejected": (p) => ({
    title: `开票申请 ${s(p.number)} 被驳回`,
    body: `${s(p.providerName)} 驳回了申请：${s(p.reason)}`,
  }),
  "invoice_request.voided": (p) => ({
    title: `发票已作废 ${s(p.number)}`,
    body: `¥${s(p.amount)} 的发票已作废，金额已退回可开票额度。`,
  }),
  "invoice_request.due_soon": (p) => ({
    title: `开票申请 ${s(p.number)} 即将到期`,
    body: `${s(p.tenantName)} 的申请（¥${s(p.amount)}）应于 ${s(p.dueDate)} 前寄出或开具。`,
  }),
  "invoice_request.overdue": (p) => ({
    title: `开票申请 ${s(p.number)} 已逾期`,
    body: `${s(p.tenantName)} 的申请（¥${s(p.amount)}）已超过截止日 ${s(p.dueDate)}，请尽快处理。`,
  }),
  "return_request.created": (p) => ({
    title: `退票申请 ${s(p.number)}`,
    body: `${s(p.tenantName)} 申请退票：${s(p.reason)}`,
  }),
  "return_request.decided": (p) => ({
    title: `退票申请 ${s(p.number)} ${DECISIONS[s(p.decision)] ?? "已处理"}`,
    body: p.reason ? `说明：${s(p.reason)}` : `开票申请 ${s(p.number)} 的退票申请已处理。`,
  }),
  "ticket.created": (p) => ({
    title: `新的作废工单 ${s(p.number)}`,
    body: `${s(p.tenantName)} 寄回了发票，退回运单号 ${s(p.returnTrackingNumber)}。`,
  }),
  "ticket.resolved": (p) => ({
    title: `作废工单 ${s(p.number)} 已${p.decision === "VOID" ? "处理" : "驳回"}`,
    body: `处理说明：${s(p.reason)}`,
  }),
};

function courierText(courier: unknown): string {
  const name = s(courier);
  return (COURIER_LABELS as Record<string, { zh: string } | undefined>)[name]?.zh ?? name;
}

export function notificationText(type: string, params: unknown): { title: string; body: string } {
  const render = TEXT[type as NotificationType];
  const p = params && typeof params === "object" ? (params as Params) : {};
  return render ? render(p) : { title: type, body: "" };
}
