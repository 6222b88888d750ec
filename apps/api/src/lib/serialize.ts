import { formatAmount, isOverdue, type InvoiceStatus } from "@mic/domain";
import {
  courierOf,
  type InvoiceFile as InvoiceFileJson,
  type InvoiceRequest as InvoiceRequestJson,
  type InvoiceTitle,
  type MailingAddress,
  type ReturnRequestSummary,
} from "@mic/contracts";
import {
  addressSnapshotOf,
  type Prisma,
  titleSnapshotOf,
  type InvoiceFile,
  type InvoiceRequest,
  type InvoiceTitle as TitleRow,
  type MailingAddress as AddressRow,
  type Provider,
  type ReturnRequest,
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

/** A file's row without its content: what lists and replies read. */
export const fileSelect = {
  id: true,
  name: true,
  contentType: true,
  size: true,
  sha256: true,
  createdAt: true,
} as const;
export type FileRow = Pick<InvoiceFile, keyof typeof fileSelect>;

export type RequestRow = InvoiceRequest & {
  provider: Provider;
  tenant: Tenant;
  files: FileRow[];
  /** The latest return request only (requestInclude takes one). */
  returnRequests: ReturnRequest[];
};
export const requestInclude = {
  provider: true,
  tenant: true,
  files: { select: fileSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  returnRequests: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 },
} satisfies Prisma.InvoiceRequestInclude;

export function fileJson(f: FileRow): InvoiceFileJson {
  return {
    id: f.id,
    name: f.name,
    contentType: f.contentType,
    size: f.size,
    sha256: f.sha256,
    createdAt: f.createdAt.toISOString(),
  };
}

export function returnSummaryJson(r: ReturnRequest): ReturnRequestSummary {
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    decisionReason: r.decisionReason,
    redLetterNumber: r.redLetterNumber,
    expiresAt: iso(r.expiresAt),
    createdAt: r.createdAt.toISOString(),
    decidedAt: iso(r.decidedAt),
  };
}

export function requestJson(r: RequestRow, now = new Date()): InvoiceRequestJson {
  const dueDate = dateOnly(r.dueDate);
  const courier = r.courier === null ? null : courierOf(r.courier);
  const latestReturn = r.returnRequests[0];
  return {
    id: r.id,
    number: r.number,
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
    email: r.email,
    shippingPayer: r.shippingPayer,
    dueDate,
    overdue: OPEN.includes(r.status) && isOverdue(dueDate, now),
    invoiceNumber: r.invoiceNumber,
    courier: courier?.name ?? null,
    courierCode: courier?.code ?? null,
    trackingNumber: r.trackingNumber,
    issuedOn: r.issuedOn ? dateOnly(r.issuedOn) : null,
    files: r.files.map(fileJson),
    rejectReason: r.rejectReason,
    returnRequest: latestReturn ? returnSummaryJson(latestReturn) : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    processingAt: iso(r.processingAt),
    mailingAt: iso(r.mailingAt),
    issuedAt: iso(r.issuedAt),
    voidedAt: iso(r.voidedAt),
    cancelledAt: iso(r.cancelledAt),
    rejectedAt: iso(r.rejectedAt),
  };
}
