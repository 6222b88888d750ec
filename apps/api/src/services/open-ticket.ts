import type { TicketInput } from "@mic/contracts";
import { audit, type Actor } from "../lib/audit";
import { AppError } from "../lib/errors";
import { isUniqueViolation, type Tx } from "../lib/tx";
import { emit } from "./notifications-emit";
import { loadTicket } from "./ticket-queries";

const alreadyOpen = () => new AppError("CONFLICT", "ticket.alreadyOpen");

/**
 * A tenant asks support to void a MAILING invoice it has mailed back (退票). One open ticket per
 * request: checked here for a clear message, and by the partial unique index against races.
 */
export async function openTicket(tx: Tx, actor: Actor, tenantId: string, input: TicketInput) {
  const request = await tx.invoiceRequest.findFirst({ where: { id: input.requestId, tenantId } });
  if (!request) throw new AppError("NOT_FOUND", "notFound", { fields: { requestId: "notFound" } });
  if (request.status !== "MAILING") {
    throw new AppError("CONFLICT", "ticket.notMailing", { args: [`status.${request.status}`] });
  }
  if (await tx.ticket.findFirst({ where: { requestId: request.id, status: "OPEN" } })) throw alreadyOpen();
  let id: string;
  try {
    ({ id } = await tx.ticket.create({
      data: {
        requestId: request.id,
        tenantId,
        returnTrackingNumber: input.returnTrackingNumber,
        message: input.message,
      },
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyOpen();
    throw error;
  }
  await audit(tx, {
    actor,
    tenantId,
    action: "OPEN",
    entityType: "Ticket",
    entityId: id,
    toStatus: "OPEN",
    after: {
      requestId: request.id,
      returnTrackingNumber: input.returnTrackingNumber,
      message: input.message,
    },
  });
  const ticket = await loadTicket(tx, id);
  await emit(tx, {
    type: "ticket.created",
    tenantId,
    providerId: request.providerId,
    requestId: request.id,
    audience: ["SUPPORT"],
    params: {
      number: request.number,
      tenantName: ticket.tenantName,
      returnTrackingNumber: input.returnTrackingNumber,
    },
    data: ticket,
  });
  return ticket;
}
