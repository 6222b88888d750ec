import {
  bucketOf,
  checkTransition,
  formatAmount,
  kindOf,
  type InvoiceAction,
  type InvoiceStatus,
} from "@mic/domain";
import { audit, type Actor } from "../lib/audit";
import { AppError, notFound } from "../lib/errors";
import { isUuid } from "../lib/pagination";
import { requestInclude, requestJson, type RequestRow } from "../lib/serialize";
import type { Tx } from "../lib/tx";
import { moveBalance } from "./balances";
import { emitTransition } from "./notifications-emit";

type Stamp = "processingAt" | "mailingAt" | "issuedAt" | "voidedAt" | "cancelledAt" | "rejectedAt";
const STAMP: Partial<Record<InvoiceStatus, Stamp>> = {
  PROCESSING: "processingAt",
  MAILING: "mailingAt",
  ISSUED: "issuedAt",
  VOIDED: "voidedAt",
  CANCELLED: "cancelledAt",
  REJECTED: "rejectedAt",
};

/** Who may see which requests: an admin its tenant's, provider staff their provider's, support all. */
export type Scope = { tenantId: string } | { providerId: string } | Record<string, never>;

/** A transition the table refuses: 403 for the wrong role, else 409 naming the current state (SPEC §4). */
export function refusal(reason: "STATE" | "ROLE", status: InvoiceStatus, action: InvoiceAction): AppError {
  if (reason === "ROLE") return new AppError("FORBIDDEN", "forbidden.role");
  return new AppError("CONFLICT", "transition.state", { args: [`status.${status}`, `action.${action}`] });
}

/** Takes the request's row lock for the rest of the transaction, so the checks that follow read what stays. */
export async function lockRequest(tx: Tx, id: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "InvoiceRequest" WHERE "id" = ${id}::uuid FOR UPDATE`;
}

interface TransitionOptions {
  actor: Actor;
  requestId: string;
  action: InvoiceAction;
  scope: Scope;
  /** Extra columns written with the change (shipment or issue details, the reject reason). */
  data?: Partial<
    Pick<RequestRow, "invoiceNumber" | "courier" | "trackingNumber" | "issuedOn" | "rejectReason">
  >;
  reason?: string | null;
  /** More for the audit event's `after` (the return request behind a RETURN_CANCEL, the files kept). */
  auditAfter?: Record<string, unknown>;
  /** The clock (the seed plays its stories in the past; tests move it). */
  now?: Date;
}

/**
 * The one way a request changes state (SPEC §4): the shared transition table decides, a
 * conditional UPDATE on the current status makes two clicks produce one transition, the balance
 * moves between buckets and the audit event is written, all in the caller's transaction.
 */
export async function transitionInvoice(tx: Tx, o: TransitionOptions) {
  const current = isUuid(o.requestId)
    ? await tx.invoiceRequest.findFirst({ where: { id: o.requestId, ...o.scope }, include: requestInclude })
    : null;
  if (!current) throw notFound();
  const check = checkTransition(current.status, o.action, o.actor.role, kindOf(current.invoiceType));
  if (!check.ok) throw refusal(check.reason, current.status, o.action);
  const now = o.now ?? new Date();
  const stamp = STAMP[check.to];
  const changes = { ...o.data, status: check.to, updatedAt: now, ...(stamp ? { [stamp]: now } : {}) };
  const { count } = await tx.invoiceRequest.updateMany({
    where: { id: current.id, status: current.status },
    data: changes,
  });
  if (count === 0) {
    // Someone else changed it between our read and our write: report the state they left.
    const latest = await tx.invoiceRequest.findUniqueOrThrow({ where: { id: current.id } });
    throw new AppError("CONFLICT", "transition.state", {
      args: [`status.${latest.status}`, `action.${o.action}`],
    });
  }
  await moveBalance(tx, current, current.amountFen, bucketOf(current.status), bucketOf(check.to));
  await audit(tx, {
    actor: o.actor,
    tenantId: current.tenantId,
    action: o.action,
    entityType: "InvoiceRequest",
    entityId: current.id,
    fromStatus: current.status,
    toStatus: check.to,
    reason: o.reason ?? null,
    after: { amount: formatAmount(current.amountFen), ...(o.data ?? {}), ...(o.auditAfter ?? {}) },
    at: now,
  });
  // The row as it now is, from what was read and what was written: no second read.
  const json = requestJson({ ...current, ...changes }, now);
  await emitTransition(tx, o.action, { ...json, number: current.number, email: current.email }, o.reason);
  return json;
}
