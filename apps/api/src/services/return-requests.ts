import {
  canOpenReturn,
  checkReturnAction,
  RED_LETTER_CONFIRM_HOURS,
  type ReturnAction,
  type ReturnRequestStatus,
} from "@mic/domain";
import type { Prisma } from "@mic/db";
import { audit, type Actor } from "../lib/audit";
import { AppError, conflict, fieldError, notFound } from "../lib/errors";
import { isUuid } from "../lib/pagination";
import { isUniqueViolation, type Tx } from "../lib/tx";
import { emitReturnEvent } from "./notifications-emit";
import { loadReturnRequest } from "./return-request-queries";
import { lockRequest, transitionInvoice, type Scope } from "./transition-invoice";

const alreadyOpen = () => conflict("returnRequest.alreadyOpen");

/**
 * 退票申请 (SPEC §13): the tenant's admin asks on a PROCESSING, MAILING or ISSUED request. Under
 * the request's row lock, so it cannot cross a decision or a transition of the same request; at
 * most one OPEN or AWAITING_BUYER per request (checked here for the message, by the partial
 * unique index against everything else).
 */
export async function openReturnRequest(
  tx: Tx,
  o: { actor: Actor; tenantId: string; requestId: string; reason: string; now?: Date },
) {
  if (!isUuid(o.requestId)) throw notFound();
  await lockRequest(tx, o.requestId);
  const request = await tx.invoiceRequest.findFirst({ where: { id: o.requestId, tenantId: o.tenantId } });
  if (!request) throw notFound();
  if (!canOpenReturn(request.status, o.actor.role)) {
    throw conflict("returnRequest.notReturnable", `status.${request.status}`);
  }
  const active = await tx.returnRequest.findFirst({
    where: { requestId: request.id, status: { in: ["OPEN", "AWAITING_BUYER"] } },
  });
  if (active) throw alreadyOpen();
  const now = o.now ?? new Date();
  let id: string;
  try {
    ({ id } = await tx.returnRequest.create({
      data: {
        requestId: request.id,
        tenantId: request.tenantId,
        providerId: request.providerId,
        reason: o.reason,
        createdById: o.actor.id,
        createdAt: now,
        updatedAt: now,
      },
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyOpen();
    throw error;
  }
  const common = {
    actor: o.actor,
    tenantId: request.tenantId,
    action: "OPEN" as const,
    reason: o.reason,
    at: now,
  };
  await audit(tx, {
    ...common,
    entityType: "ReturnRequest",
    entityId: id,
    toStatus: "OPEN",
    after: { requestId: request.id },
  });
  await audit(tx, {
    ...common,
    entityType: "InvoiceRequest",
    entityId: request.id,
    fromStatus: request.status,
    toStatus: request.status,
    after: { returnRequestId: id, returnStatus: "OPEN" },
  });
  const json = await loadReturnRequest(tx, id);
  await emitReturnEvent(tx, "return_request.created", json, ["PROVIDER"]);
  return json;
}

export type ReturnDecision = Exclude<ReturnAction, "EXPIRE">;

interface DecideOptions {
  actor: Actor;
  returnRequestId: string;
  action: ReturnDecision;
  /** Whose return requests the actor reaches: staff their provider's, an admin its tenant's. */
  scope: Scope;
  /** APPROVE on an ISSUED request: 红字发票信息确认单编号 (required there, ignored elsewhere). */
  redLetterNumber?: string | undefined;
  /** DECLINE: the provider's reason. */
  reason?: string | undefined;
  now?: Date;
}

/** A return request's status after a decision that ends its turn (not AWAITING_BUYER). */
const CLOSING: readonly ReturnRequestStatus[] = ["APPROVED", "DECLINED", "CONFIRMED", "EXPIRED"];

/**
 * The provider approves or declines, the buyer confirms a red-letter reversal (SPEC §13), as the
 * domain's RETURN_TABLE says. The invoice request's row lock is taken first and the return
 * request's second, as by every other writer, so approve, decline, cancel, reject, ship or a
 * ticket's void of one request run one after the other and only the first finds its turn; the
 * expiry job skips rows that are locked. The request's side (cancel, void) goes through
 * transitionInvoice in the same transaction; every step leaves a ReturnRequest and an
 * InvoiceRequest audit event.
 */
export async function decideReturnRequest(tx: Tx, o: DecideOptions) {
  const found = isUuid(o.returnRequestId)
    ? await tx.returnRequest.findFirst({ where: { id: o.returnRequestId, ...o.scope } })
    : null;
  if (!found) throw notFound();
  await lockRequest(tx, found.requestId);
  const [locked] = await tx.$queryRaw<{ status: ReturnRequestStatus; expiresAt: Date | null }[]>`
    SELECT "status", "expiresAt" FROM "ReturnRequest" WHERE "id" = ${found.id}::uuid FOR UPDATE`;
  const request = await tx.invoiceRequest.findUniqueOrThrow({ where: { id: found.requestId } });
  const from = locked!.status;
  const check = checkReturnAction(from, o.action, request.status, o.actor.role);
  if (!check.ok) {
    if (check.reason === "ROLE") throw new AppError("FORBIDDEN", "forbidden.role");
    throw conflict(
      "returnRequest.state",
      `returnStatus.${from}`,
      `status.${request.status}`,
      `action.${o.action}`,
    );
  }
  const now = o.now ?? new Date();
  if (o.action === "CONFIRM" && locked!.expiresAt && locked!.expiresAt <= now) {
    throw conflict("returnRequest.expired");
  }
  const { to, requestAction } = check.rule;
  const redLetter = to === "AWAITING_BUYER";
  if (redLetter && !o.redLetterNumber) throw fieldError("redLetterNumber", "required");

  const changes: Prisma.ReturnRequestUpdateManyMutationInput = {
    status: to,
    updatedAt: now,
    ...(o.action === "APPROVE" || o.action === "DECLINE" ? { decidedById: o.actor.id, decidedAt: now } : {}),
    ...(o.action === "DECLINE" ? { decisionReason: o.reason ?? null } : {}),
    ...(redLetter
      ? {
          redLetterNumber: o.redLetterNumber!,
          expiresAt: new Date(now.getTime() + RED_LETTER_CONFIRM_HOURS * 3_600_000),
        }
      : {}),
    ...(CLOSING.includes(to) ? { closedAt: now } : {}),
  };
  const { count } = await tx.returnRequest.updateMany({
    where: { id: found.id, status: from },
    data: changes,
  });
  if (count === 0) throw conflict("conflict.concurrent");

  const after = {
    returnRequestId: found.id,
    returnStatus: to,
    ...(redLetter
      ? { redLetterNumber: o.redLetterNumber, expiresAt: (changes.expiresAt as Date).toISOString() }
      : {}),
  };
  if (requestAction) {
    // The request's own transition is its event: RETURN_CANCEL (PROCESSING → CANCELLED) or
    // RED_LETTER_VOID (ISSUED → VOIDED), with the amount given back.
    await transitionInvoice(tx, {
      actor: o.actor,
      requestId: request.id,
      action: requestAction,
      scope: {},
      reason: found.reason,
      auditAfter: after,
      now,
    });
  } else {
    await audit(tx, {
      actor: o.actor,
      tenantId: request.tenantId,
      action: o.action,
      entityType: "InvoiceRequest",
      entityId: request.id,
      fromStatus: request.status,
      toStatus: request.status,
      reason: o.reason ?? null,
      after,
      at: now,
    });
  }
  await audit(tx, {
    actor: o.actor,
    tenantId: request.tenantId,
    action: o.action,
    entityType: "ReturnRequest",
    entityId: found.id,
    fromStatus: from,
    toStatus: to,
    reason: o.reason ?? null,
    after: { requestId: request.id, ...(redLetter ? { redLetterNumber: o.redLetterNumber } : {}) },
    at: now,
  });
  const json = await loadReturnRequest(tx, found.id);
  // The provider decides for the tenant; the buyer's confirmation is news for the provider.
  await emitReturnEvent(
    tx,
    "return_request.decided",
    json,
    o.action === "CONFIRM" ? ["PROVIDER"] : ["TENANT"],
  );
  return json;
}

/**
 * The invoice closed by another path while the tenant's return request is still OPEN: support voided
 * it on a ticket (the provider agreed outside the console), or the provider rejected the request
 * (驳回, SPEC §13: from PROCESSING whatever is open). Either way nothing stays issued, so the return
 * request is granted with the same reason and no request is left open on a closed invoice.
 */
export async function grantOpenReturn(
  tx: Tx,
  o: {
    actor: Actor;
    requestId: string;
    tenantId: string;
    reason: string;
    /** The instant of the decision that closed the invoice, so both carry the same time. */
    now: Date;
    after?: Record<string, string>;
  },
) {
  const open = await tx.returnRequest.findFirst({ where: { requestId: o.requestId, status: "OPEN" } });
  if (!open) return null;
  const { now } = o;
  const granted = await tx.returnRequest.update({
    where: { id: open.id },
    data: {
      status: "APPROVED",
      decidedById: o.actor.id,
      decidedAt: now,
      closedAt: now,
      decisionReason: o.reason.slice(0, 200),
    },
  });
  await audit(tx, {
    actor: o.actor,
    tenantId: o.tenantId,
    action: "APPROVE",
    entityType: "ReturnRequest",
    entityId: open.id,
    fromStatus: "OPEN",
    toStatus: "APPROVED",
    reason: o.reason,
    after: { requestId: o.requestId, ...o.after },
    at: now,
  });
  // For webhooks only: the tenant hears of the void or the rejection itself.
  await emitReturnEvent(tx, "return_request.decided", await loadReturnRequest(tx, open.id), []);
  return granted;
}
