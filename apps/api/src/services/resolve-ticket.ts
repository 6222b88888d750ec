import type { TicketStatus } from "@mic/db";
import { audit, type Actor } from "../lib/audit";
import { AppError, notFound } from "../lib/errors";
import { isUuid } from "../lib/pagination";
import type { Tx } from "../lib/tx";
import { emit } from "./notifications-emit";
import { grantOpenReturn } from "./return-requests";
import { loadTicket } from "./ticket-queries";
import { transitionInvoice } from "./transition-invoice";

interface ResolveTicketOptions {
  actor: Actor;
  ticketId: string;
  /** VOID voids the invoice (MAILING → VOIDED) and resolves the ticket; REJECT only closes it. */
  decision: "VOID" | "REJECT";
  reason: string;
}

const notOpen = (status: TicketStatus) =>
  new AppError("CONFLICT", "ticket.notOpen", { args: [`ticketStatus.${status}`] });

/**
 * Support closes an open ticket. The conditional UPDATE on OPEN makes a double click one
 * decision; voiding goes through transitionInvoice in the same transaction, so the ticket, the
 * request, the balance and both audit events commit or roll back together.
 */
export async function resolveTicket(tx: Tx, o: ResolveTicketOptions) {
  const ticket = isUuid(o.ticketId) ? await tx.ticket.findUnique({ where: { id: o.ticketId } }) : null;
  if (!ticket) throw notFound();
  if (ticket.status !== "OPEN") throw notOpen(ticket.status);
  const to: TicketStatus = o.decision === "VOID" ? "RESOLVED" : "REJECTED";
  const now = new Date();
  const { count } = await tx.ticket.updateMany({
    where: { id: ticket.id, status: "OPEN" },
    data: { status: to, resolution: o.reason, resolvedById: o.actor.id, resolvedAt: now, updatedAt: now },
  });
  if (count === 0) {
    const latest = await tx.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    throw notOpen(latest.status);
  }
  if (o.decision === "VOID") {
    await transitionInvoice(tx, {
      actor: o.actor,
      requestId: ticket.requestId,
      action: "VOID",
      scope: {},
      reason: o.reason,
      now,
    });
    await grantOpenReturn(tx, {
      actor: o.actor,
      requestId: ticket.requestId,
      tenantId: ticket.tenantId,
      reason: o.reason,
      now,
      after: { ticketId: ticket.id },
    });
  }
  await audit(tx, {
    actor: o.actor,
    tenantId: ticket.tenantId,
    action: o.decision,
    entityType: "Ticket",
    entityId: ticket.id,
    fromStatus: "OPEN",
    toStatus: to,
    reason: o.reason,
    after: { requestId: ticket.requestId },
  });
  const json = await loadTicket(tx, ticket.id);
  const request = await tx.invoiceRequest.findUniqueOrThrow({ where: { id: ticket.requestId } });
  await emit(tx, {
    type: "ticket.resolved",
    tenantId: ticket.tenantId,
    providerId: request.providerId,
    requestId: ticket.requestId,
    // A void is told by the request's own invoice_request.voided notice.
    audience: o.decision === "REJECT" ? ["TENANT"] : [],
    params: { number: request.number, decision: o.decision, reason: o.reason },
    data: json,
  });
  return json;
}
