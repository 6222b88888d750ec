import { formatAmount, isOverdue, type InvoiceStatus } from "@mic/domain";
import type { InvoiceRequest as InvoiceRequestJson, InvoiceTitle, MailingAddress } from "@mic/contracts";
import {
  addressSnapshotOf,
  titleSnapshotOf,
  type InvoiceRequest,
  type InvoiceTitle as TitleRow,
  type MailingAddress as AddressRow,
  type Provider,
  type Tenant,
} from "@mic/db";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** A @db.Date column comes back as midnight UTC of that calendar date. */
export const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

export function titleJson(t: TitleRow): InvoiceTitle {
  return { id: t.id, ...titleSnapshotOf(t), isDefault: t.isDefault };
}

export function addressJson(a: AddressRow): MailingAddress {
  return { id: a.id, ...addressSnapshotOf(a), isDefault: a.isDefault };
}

const OPEN: readonly InvoiceStatus[] = ["PENDING", "PROCESSING"];

export type RequestRow = InvoiceRequest & { provider: Provider; tenant: Tenant };
export const requestInclude = { provider: true, tenant: true } as const;

export function requestJson(r: RequestRow, now = new Date()): InvoiceRequestJson {
  const dueDate = dateOnly(r.dueDate);
  return {
    id: r.id,
    tenantId: r.tenantId,
    tenantName: r.tenant.name,
    providerId: r.providerId,
    providerName: r.provider.name,
    providerContact: { phone: r.provider.contactPhone, email: r.provider.contactEmail },
    amount: formatAmount(r.amountFen),
    invoiceType: r.invoiceType,
    status: r.status,
    title: r.titleSnapshot as InvoiceRequestJson["title"],
    address: r.addressSnapshot as InvoiceRequestJson["address"],
    shippingPayer: r.shippingPayer,
    dueDate,
    overdue: OPEN.includes(r.status) && isOverdue(dueDate, now),
    invoiceNumber: r.invoiceNumber,
    courier: r.courier,
    trackingNumber: r.trackingNumber,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    processingAt: iso(r.processingAt),
    mailingAt: iso(r.mailingAt),
    voidedAt: iso(r.voidedAt),
    cancelledAt: iso(r.cancelledAt),
  };
}
