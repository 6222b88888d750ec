import type { Ticket as TicketJson, ticketListQuery } from "@mic/contracts";
import { formatAmount } from "@mic/domain";
import type { Db, InvoiceRequest, Provider, Tenant, Ticket } from "@mic/db";
import type { z } from "zod";
import { newestPage } from "../lib/pagination";
import type { Tx } from "../lib/tx";

type TicketRow = Ticket & { tenant: Tenant; request: InvoiceRequest & { provider: Provider } };
const ticketInclude = { tenant: true, request: { include: { provider: true } } } as const;

function ticketJson(t: TicketRow): TicketJson {
  return {
    id: t.id,
    requestId: t.requestId,
    tenantId: t.tenantId,
    tenantName: t.tenant.name,
    providerName: t.request.provider.name,
    amount: formatAmount(t.request.amountFen),
    requestStatus: t.request.status,
    returnTrackingNumber: t.returnTrackingNumber,
    message: t.message,
    status: t.status,
    resolution: t.resolution,
    createdAt: t.createdAt.toISOString(),
    resolvedAt: t.resolvedAt ? t.resolvedAt.toISOString() : null,
  };
}

export async function loadTicket(db: Db | Tx, id: string): Promise<TicketJson> {
  return ticketJson(await db.ticket.findUniqueOrThrow({ where: { id }, include: ticketInclude }));
}

/** Void tickets newest first: an admin sees its tenant's (`tenantId`), support all (`null`). */
export async function listTickets(db: Db, tenantId: string | null, q: z.infer<typeof ticketListQuery>) {
  const { rows: kept, nextCursor } = await newestPage(
    q,
    {
      ...(tenantId ? { tenantId } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.requestId ? { requestId: q.requestId } : {}),
    },
    (window) => db.ticket.findMany({ ...window, include: ticketInclude }),
  );
  return { items: kept.map(ticketJson), nextCursor };
}
