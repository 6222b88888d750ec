import { randomBytes } from "node:crypto";
import type { ApplyInvoiceInput, InvoiceQuote } from "@mic/contracts";
import {
  computeInvoiceable,
  dueDateFor,
  kindOf,
  formatAmount,
  missingTitleFields,
  parseAmount,
  shippingPayerFor,
  titleTypeAllowed,
  type BalanceFigures,
  type InvoiceType,
  type TitleType,
} from "@mic/domain";
import { addressSnapshotOf, Prisma, titleSnapshotOf, type Db, type InvoiceRequest } from "@mic/db";
import { auditRow, type Actor } from "../lib/audit";
import { calendarOf, calendarWindow } from "../lib/calendar";
import { AppError } from "../lib/errors";
import { replayed, toJson, type IdempotencyKey, type Outcome } from "../lib/idempotency";
import { isUuid } from "../lib/pagination";
import { requestJson, type RequestRow } from "../lib/serialize";
import { inOneStatement } from "../lib/tx";
import { applicationConflict, BALANCE_JSON_SQL, figuresOf, readBalance } from "./balances";

const missing = (field: string) => new AppError("NOT_FOUND", "notFound", { fields: { [field]: "notFound" } });

type Snapshotted<T extends (row: never) => unknown> = Parameters<T>[0];
interface ApplicationRows {
  provider: {
    id: string;
    name: string;
    contactPhone: string | null;
    contactEmail: string | null;
    invoiceTypes: InvoiceType[];
  } | null;
  title: (Snapshotted<typeof titleSnapshotOf> & { id: string; type: TitleType }) | null;
  address: (Snapshotted<typeof addressSnapshotOf> & { id: string }) | null;
  balance: Record<keyof Omit<BalanceFigures, "withdrawnFen">, string> | null;
  calendar: { date: string; kind: string }[];
}

/**
 * Everything an application is checked against, in one round trip: the provider, the tenant's
 * title and address, the balance and the holiday calendar. Read without a lock: the snapshot is
 * what the tenant confirmed, and the amount is checked again where it counts, under the balance
 * row's lock (mic_apply_invoice).
 */
async function readApplication(db: Db, tenantId: string, input: ApplyInvoiceInput, now: Date) {
  if (!isUuid(input.providerId)) throw missing("providerId");
  if (!isUuid(input.titleId)) throw missing("titleId");
  // SPEC §12: paper is mailed to an address, electronic goes to an e-mail; the other field is ignored.
  const paper = kindOf(input.invoiceType) === "PAPER";
  const addressId = paper ? (input.addressId ?? "") : null;
  if (addressId !== null && !isUuid(addressId)) throw missing("addressId");
  const window = calendarWindow(now);
  const [rows] = await db.$queryRaw<[ApplicationRows]>`
    SELECT
      (SELECT json_build_object('id', p.id, 'name', p.name, 'contactPhone', p."contactPhone",
                                'contactEmail', p."contactEmail", 'invoiceTypes', p."invoiceTypes")
         FROM "Provider" p WHERE p.id = ${input.providerId}::uuid) AS provider,
      (SELECT to_json(t) FROM "InvoiceTitle" t
        WHERE t.id = ${input.titleId}::uuid AND t."tenantId" = ${tenantId}::uuid) AS title,
      (SELECT to_json(a) FROM "MailingAddress" a
        WHERE a.id = ${addressId}::uuid AND a."tenantId" = ${tenantId}::uuid) AS address,
      (SELECT ${BALANCE_JSON_SQL}
         FROM "Balance" b WHERE b."tenantId" = ${tenantId}::uuid AND b."providerId" = ${input.providerId}::uuid) AS balance,
      (SELECT coalesce(json_agg(json_build_object('date', c.date::text, 'kind', c.kind)), '[]'::json)
         FROM "CalendarDay" c WHERE c.date >= ${window.start}::date AND c.date < ${window.end}::date) AS calendar`;
  const { provider, title, address, balance, calendar } = rows;
  if (!provider || !balance) throw missing("providerId");
  if (!title) throw missing("titleId");
  if (paper && !address) throw missing("addressId");
  if (!provider.invoiceTypes.includes(input.invoiceType)) {
    throw new AppError("VALIDATION", "validation", { fields: { invoiceType: "invoiceType.unsupported" } });
  }
  if (!titleTypeAllowed(title.type, input.invoiceType)) {
    throw new AppError("VALIDATION", "validation", { fields: { titleId: "specialInvoice.individual" } });
  }
  const lacking = missingTitleFields(title, input.invoiceType);
  if (lacking.length > 0) {
    const names = lacking.map((f) => `field.${f}`);
    throw new AppError("VALIDATION", "validation", {
      fields: { titleId: `specialInvoice.missing:${names.join(",")}` },
    });
  }
  const amountFen = parseAmount(input.amount)!;
  return {
    provider,
    title,
    address: paper ? address : null,
    email: paper ? null : (input.email?.trim() ?? null),
    balance: figuresOf(balance),
    amountFen,
    dueDate: dueDateFor(now, calendarOf(calendar)),
    // Postage is a paper matter (SPEC §5); nothing is mailed for an electronic invoice.
    shippingPayer: paper ? shippingPayerFor(amountFen) : null,
  };
}

/** The confirm page (确认开票信息): the checks of applying, and what would be stored, without storing it. */
export async function quoteInvoice(
  db: Db,
  tenantId: string,
  input: ApplyInvoiceInput,
): Promise<InvoiceQuote> {
  const p = await readApplication(db, tenantId, input, new Date());
  if (p.amountFen > computeInvoiceable(p.balance).invoiceableFen) throw applicationConflict(p.balance);
  return {
    providerId: p.provider.id,
    providerName: p.provider.name,
    amount: formatAmount(p.amountFen),
    invoiceType: input.invoiceType,
    title: titleSnapshotOf(p.title),
    address: p.address ? addressSnapshotOf(p.address) : null,
    email: p.email,
    shippingPayer: p.shippingPayer,
    dueDate: p.dueDate,
  };
}

/** A time-ordered UUID (version 7), like the ids Prisma gives every other row. */
function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Creates a PENDING request, reserving its amount (SPEC §3), in two round trips: one read of
 * everything the checks need, then one call of `mic_apply_invoice`, which stores the
 * Idempotency-Key, reserves the amount under the balance row's lock, and inserts the request and
 * its audit event — a single statement, so all of it commits or none of it does.
 */
export async function applyForInvoice(
  db: Db,
  actor: Actor & { tenantName: string | null },
  tenantId: string,
  input: ApplyInvoiceInput,
  idempotency: IdempotencyKey | undefined,
  /** The clock (the seed applies in the past). */
  now = new Date(),
): Promise<Outcome> {
  const p = await readApplication(db, tenantId, input, now);
  const request: InvoiceRequest = {
    id: uuidv7(now.getTime()),
    // mic_apply_invoice takes the day's next number (SPEC §11).
    number: "",
    tenantId,
    providerId: p.provider.id,
    amountFen: p.amountFen,
    invoiceType: input.invoiceType,
    status: "PENDING",
    titleSnapshot: titleSnapshotOf(p.title),
    addressSnapshot: p.address ? addressSnapshotOf(p.address) : null,
    shippingPayer: p.shippingPayer,
    email: p.email,
    dueDate: new Date(`${p.dueDate}T00:00:00Z`),
    issuedOn: null,
    rejectReason: null,
    issuedAt: null,
    rejectedAt: null,
    invoiceNumber: null,
    courier: null,
    trackingNumber: null,
    createdById: actor.id,
    createdAt: now,
    updatedAt: now,
    processingAt: null,
    mailingAt: null,
    voidedAt: null,
    cancelledAt: null,
  };
  const event = auditRow({
    actor,
    tenantId,
    action: "APPLY",
    entityType: "InvoiceRequest",
    entityId: request.id,
    toStatus: "PENDING",
    after: {
      amount: formatAmount(p.amountFen),
      invoiceType: input.invoiceType,
      titleId: p.title.id,
      ...(p.address ? { addressId: p.address.id } : { email: p.email }),
    },
  });
  // The provider was read above and the tenant's name came with the session: no reads to shape the reply.
  const body = requestJson(
    {
      ...request,
      provider: p.provider,
      tenant: { id: tenantId, name: actor.tenantName ?? "" },
      files: [] as RequestRow["files"],
      returnRequests: [] as RequestRow["returnRequests"],
    } as Parameters<typeof requestJson>[0],
    now,
  );
  const dueDay = p.dueDate;
  const row = { ...toJson(request), dueDate: dueDay };
  const auditJson = toJson({ id: uuidv7(now.getTime()), createdAt: now, ...event });

  let result: { replayed: boolean; requestHash?: string; statusCode: number; body: unknown };
  try {
    [{ result }] = await inOneStatement(
      () => db.$queryRaw<[{ result: typeof result }]>`
        SELECT mic_apply_invoice(${actor.id}::uuid, ${idempotency?.key ?? null}, ${idempotency?.method ?? null},
                                 ${idempotency?.path ?? null}, ${idempotency?.requestHash ?? null},
                                 ${row}::jsonb, ${auditJson}::jsonb, ${toJson(body)}::jsonb) AS result`,
    );
  } catch (error) {
    if (!isRefusedReservation(error)) throw error;
    const fresh = await readBalance(db, { tenantId, providerId: p.provider.id });
    throw fresh ? applicationConflict(fresh) : missing("providerId");
  }
  // The stored reply, with the request number mic_apply_invoice took.
  if (!result.replayed) return { status: 201, body: result.body };
  return replayed(idempotency!, {
    requestHash: result.requestHash!,
    status: result.statusCode,
    body: result.body,
  });
}

/** mic_apply_invoice raises MIC01 when the amount no longer fits in what is invoiceable. */
function isRefusedReservation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return JSON.stringify(error.meta ?? {}).includes("MIC01") || error.message.includes("MIC01");
}
