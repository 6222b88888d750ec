import type { ReturnRequest as ReturnRequestJson, returnRequestListQuery } from "@mic/contracts";
import { formatAmount } from "@mic/domain";
import type { Db, InvoiceRequest, Prisma, Provider, ReturnRequest, Tenant } from "@mic/db";
import type { z } from "zod";
import { newestPage } from "../lib/pagination";
import type { Tx } from "../lib/tx";
import type { Scope } from "./transition-invoice";

type ReturnRow = ReturnRequest & {
  request: Pick<InvoiceRequest, "number" | "status" | "amountFen">;
  tenant: Pick<Tenant, "name">;
  provider: Pick<Provider, "name">;
};
const returnInclude = {
  request: { select: { number: true, status: true, amountFen: true } },
  tenant: { select: { name: true } },
  provider: { select: { name: true } },
} satisfies Prisma.ReturnRequestInclude;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function returnRequestJson(r: ReturnRow): ReturnRequestJson {
  return {
    id: r.id,
    requestId: r.requestId,
    requestNumber: r.request.number,
    requestStatus: r.request.status,
    tenantId: r.tenantId,
    tenantName: r.tenant.name,
    providerId: r.providerId,
    providerName: r.provider.name,
    amount: formatAmount(r.request.amountFen),
    reason: r.reason,
    status: r.status,
    decisionReason: r.decisionReason,
    redLetterNumber: r.redLetterNumber,
    expiresAt: iso(r.expiresAt),
    createdAt: r.createdAt.toISOString(),
    decidedAt: iso(r.decidedAt),
    closedAt: iso(r.closedAt),
  };
}

export async function loadReturnRequest(db: Db | Tx, id: string): Promise<ReturnRequestJson> {
  return returnRequestJson(
    await db.returnRequest.findUniqueOrThrow({ where: { id }, include: returnInclude }),
  );
}

/** 退票申请 newest first (SPEC §13): an admin its tenant's, staff their provider's, support all. */
export async function listReturnRequests(db: Db, scope: Scope, q: z.infer<typeof returnRequestListQuery>) {
  const { rows, nextCursor } = await newestPage(
    q,
    {
      ...scope,
      ...(q.status ? { status: q.status } : {}),
      ...(q.requestId ? { requestId: q.requestId } : {}),
    },
    (window) => db.returnRequest.findMany({ ...window, include: returnInclude }),
  );
  return { items: rows.map(returnRequestJson), nextCursor };
}
