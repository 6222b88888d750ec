import {
  courierOf,
  EXPORT_COLUMN_LABELS,
  t,
  type ExportColumn,
  type InvoiceListQuery,
  type Lang,
} from "@mic/contracts";
import { chinaDate, chinaDateTime, formatAmount } from "@mic/domain";
import type { Db, Prisma } from "@mic/db";
import { notFound } from "../lib/errors";
import { chinaDayRange, isUuid, newestFirst, newestPage } from "../lib/pagination";
import { requestInclude, requestJson, type RequestRow } from "../lib/serialize";
import type { Scope } from "./transition-invoice";

type InvoiceFilters = Omit<InvoiceListQuery, "limit" | "cursor">;

/**
 * `q` (SPEC §11): one exact identifier, whichever kind it is — the request number, the invoice
 * number, the tracking number or a void ticket's return tracking number. Each is an indexed
 * equality (letters also tried in upper case, as couriers and request numbers print them).
 */
export function searchWhere(q: string | undefined): Prisma.InvoiceRequestWhereInput {
  if (!q) return {};
  const forms = [...new Set([q, q.toUpperCase()])];
  return {
    OR: [
      { number: { in: forms } },
      { invoiceNumber: { in: forms } },
      { trackingNumber: { in: forms } },
      { tickets: { some: { returnTrackingNumber: { in: forms } } } },
    ],
  };
}

function where(scope: Scope, f: InvoiceFilters): Prisma.InvoiceRequestWhereInput {
  const today = new Date(`${chinaDate(new Date())}T00:00:00Z`);
  return {
    ...searchWhere(f.q),
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

const COLUMNS = Object.keys(EXPORT_COLUMN_LABELS) as ExportColumn[];

function csvCell(value: string): string {
  // Quote everything; neutralise leading =,+,-,@ so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/**
 * An identifier (invoice, tracking, taxpayer number) that a spreadsheet must keep as text: a
 * leading tab stops Excel and WPS from reading `04403210` as 4403210 or a 20-digit number as
 * 1.23E+19, and the tab is not a formula character. Blank stays blank.
 */
function csvText(value: string | null | undefined): string {
  if (!value) return csvCell("");
  return csvCell(value).replace(/^"/, '"\t');
}

function csvRow(r: RequestRow, lang: Lang): string {
  const title = r.titleSnapshot as { name?: string; taxpayerId?: string | null };
  const a = (r.addressSnapshot ?? {}) as {
    recipient?: string;
    province?: string;
    city?: string;
    district?: string;
    street?: string;
  };
  const text: Record<ExportColumn, string> = {
    number: r.number,
    createdAt: chinaDateTime(r.createdAt),
    tenant: r.tenant.name,
    provider: r.provider.name,
    amount: formatAmount(r.amountFen),
    invoiceType: t(`invoiceType.${r.invoiceType}`, lang),
    status: t(`status.${r.status}`, lang),
    title: title.name ?? "",
    taxpayerId: "",
    recipient: a.recipient ?? "",
    address: [a.province, a.city, a.district, a.street].filter(Boolean).join(" "),
    email: r.email ?? "",
    shippingPayer: r.shippingPayer ? t(`shippingPayer.${r.shippingPayer}`, lang) : "",
    dueDate: r.dueDate.toISOString().slice(0, 10),
    invoiceNumber: "",
    issuedOn: r.issuedOn ? r.issuedOn.toISOString().slice(0, 10) : "",
    courier: r.courier === null ? "" : courierName(r.courier, lang),
    trackingNumber: "",
    rejectReason: r.rejectReason ?? "",
    id: r.id,
  };
  const identifiers: Partial<Record<ExportColumn, string | null | undefined>> = {
    taxpayerId: title.taxpayerId,
    invoiceNumber: r.invoiceNumber,
    trackingNumber: r.trackingNumber,
  };
  return COLUMNS.map((c) => (c in identifiers ? csvText(identifiers[c]) : csvCell(text[c]))).join(",");
}

/** A common courier by its name in the reader's language; any other as staff typed it. */
function courierName(stored: string, lang: Lang): string {
  const { name, code } = courierOf(stored);
  return code ? t(`courier.${code}`, lang) : name;
}

/** The filtered records as CSV, UTF-8 with BOM, read in keyset batches so memory stays flat. */
export async function* exportInvoiceRequests(
  db: Db,
  scope: Scope,
  f: InvoiceFilters,
  lang: Lang,
): AsyncGenerator<string> {
  yield "\uFEFF" + COLUMNS.map((c) => csvCell(t(`export.column.${c}`, lang))).join(",") + "\r\n";
  let cursor: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await db.invoiceRequest.findMany({
      where: { AND: [where(scope, f), newestFirst.after(cursor)] },
      orderBy: newestFirst.orderBy,
      take: 500,
      include: requestInclude,
    });
    if (rows.length === 0) return;
    yield rows.map((r) => csvRow(r, lang)).join("\r\n") + "\r\n";
    const last = rows[rows.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}
