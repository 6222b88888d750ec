import { formatAmount, isOverdue, type InvoiceStatus } from "@mic/domain";
import type { InvoiceRequest as InvoiceRequestJson, InvoiceTitle, MailingAddress } from "@mic/contracts";
import type {
  InvoiceRequest,
  InvoiceTitle as TitleRow,
  MailingAddress as AddressRow,
  Provider,
  Tenant,
} from "@mic/db";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** A @db.Date column comes back as midnight UTC of that calendar date. */
export const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

export function titleJson(t: TitleRow): InvoiceTitle {
  return {
    id: t.id,
    type: t.type,
    name: t.name,
    taxpayerId: t.taxpayerId,
    registeredAddress: t.registeredAddress,
    registeredPhone: t.registeredPhone,
    bankName: t.bankName,
    bankAccount: t.bankAccount,
    isDefault: t.isDefault,
  };
}

export function titleSnapshotOf(t: TitleRow) {
  const { id: _id, isDefault: _d, ...snapshot } = titleJson(t);
  return snapshot;
}

export function addressJson(a: AddressRow): MailingAddress {
  return {
    id: a.id,
    recipient: a.recipient,
    phone: a.phone,
    province: a.province,
    city: a.city,
    district: a.district,
    street: a.street,
    postalCode: a.postalCode,
    isDefault: a.isDefault,
  };
}

export function addressSnapshotOf(a: AddressRow) {
  const { id: _id, isDefault: _d, ...snapshot } = addressJson(a);
  return snapshot;
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
