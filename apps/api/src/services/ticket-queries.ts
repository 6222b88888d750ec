import type { Ticket as TicketJson, ticketListQuery } from "@mic/contracts";
import { formatAmount } from "@mic/domain";
import type { Db, InvoiceRequest, Prisma, Provider, ReturnRequest, Tenant, Ticket } from "@mic/db";
import type { z } from "zod";
import { newestPage } from "../lib/pagination";
import { returnSummaryJson } from "../lib/serialize";
import type { Tx } from "../lib/tx";

type TicketRow = Ticket & {
  tenant: Tenant;
  request: InvoiceRequest & { provider: Provider; returnRequests: ReturnRequest[] };
};
/** With the request's approved return request, if any: support sees that the provider agreed (SPEC §13). */
const ticketInclude = {
  tenant: true,
  request: {
    include: {
      provider: true,
      returnRequests: {
        where: { status: "APPROVED" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
      },
    },
  },
} satisfies Prisma.TicketInclude;

function ticketJson(t: TicketRow): TicketJson {
  return {
    id: t.id,
    requestId: t.requestId,
    requestNumber: t.request.number,
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
    returnRequest: t.request.returnRequests[0] ? returnSummaryJson(t.request.returnRequests[0]) : null,
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
