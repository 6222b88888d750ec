import {
  COURIERS,
  EXPORT_COLUMN_LABELS,
  t,
  type ExportColumn,
  type InvoiceListQuery,
  type Lang,
} from "@mic/contracts";
import { chinaDate, formatAmount } from "@mic/domain";
import type { Db, Prisma } from "@mic/db";
import { notFound } from "../lib/errors";
import { chinaDayRange, isUuid, newestFirst, newestPage } from "../lib/pagination";
import { requestInclude, requestJson, type RequestRow } from "../lib/serialize";
import type { Scope } from "./transition-invoice";

type InvoiceFilters = Omit<InvoiceListQuery, "limit" | "cursor">;

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

const COLUMNS = Object.keys(EXPORT_COLUMN_LABELS) as ExportColumn[];

function csvCell(value: string): string {
  // Quote everything; neutralise leading =,+,-,@ so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A courier is stored as its code, or as the name staff typed for OTHER. */
const courierLabel = (courier: string | null, lang: Lang) =>
  courier === null
    ? ""
    : (COURIERS as readonly string[]).includes(courier)
      ? t(`courier.${courier}`, lang)
      : courier;

function csvRow(r: RequestRow, lang: Lang): string {
  const title = r.titleSnapshot as { name?: string; taxpayerId?: string | null };
  const a = r.addressSnapshot as {
    recipient?: string;
    province?: string;
    city?: string;
    district?: string;
    street?: string;
  };
  const cells: Record<ExportColumn, string> = {
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    tenant: r.tenant.name,
    provider: r.provider.name,
    amount: formatAmount(r.amountFen),
    invoiceType: t(`invoiceType.${r.invoiceType}`, lang),
    status: t(`status.${r.status}`, lang),
    title: title.name ?? "",
    taxpayerId: title.taxpayerId ?? "",
    recipient: a.recipient ?? "",
    address: [a.province, a.city, a.district, a.street].filter(Boolean).join(" "),
    shippingPayer: r.shippingPayer ? t(`shippingPayer.${r.shippingPayer}`, lang) : "",
    dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : "",
    invoiceNumber: r.invoiceNumber ?? "",
    courier: courierLabel(r.courier, lang),
    trackingNumber: r.trackingNumber ?? "",
  };
  return COLUMNS.map((c) => csvCell(cells[c])).join(",");
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
