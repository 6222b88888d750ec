import type { AuditAction, AuditEntityType, AuditEvent, auditQuery } from "@mic/contracts";
import type { Db } from "@mic/db";
import type { z } from "zod";
import { isUuid, newestPage } from "../lib/pagination";

/**
 * The audit trail newest first. `tenantId` non-null confines an admin to its own tenant's events,
 * whatever the query asks; actor names come from one query for the page's distinct actors.
 */
export async function listAuditEvents(db: Db, tenantId: string | null, q: z.infer<typeof auditQuery>) {
  const { rows: kept, nextCursor } = await newestPage(
    q,
    {
      AND: [
        tenantId ? { tenantId } : {},
        q.tenantId ? { tenantId: q.tenantId } : {},
        q.entityType ? { entityType: q.entityType } : {},
        q.entityId ? { entityId: q.entityId } : {},
        q.action ? { action: q.action } : {},
      ],
    },
    (window) => db.auditEvent.findMany(window),
  );
  const actorIds = [...new Set(kept.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  // The request each event concerns, named by its number (SPEC §11): the entity itself, or the
  // request a ticket, return request or file event records in its before/after.
  const requestOf = (e: (typeof kept)[number]): string | null => {
    if (e.entityType === "InvoiceRequest") return e.entityId;
    const data = (e.after ?? e.before) as { requestId?: unknown } | null;
    return typeof data?.requestId === "string" ? data.requestId : null;
  };
  const requestIds = [...new Set(kept.flatMap((e) => requestOf(e) ?? []))].filter(isUuid);
  const requests = requestIds.length
    ? await db.invoiceRequest.findMany({
        where: { id: { in: requestIds } },
        select: { id: true, number: true },
      })
    : [];
  const numbers = new Map(requests.map((r) => [r.id, r.number]));
  const items: AuditEvent[] = kept.map((e) => ({
    id: e.id,
    actorId: e.actorId,
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    actorRole: e.actorRole,
    tenantId: e.tenantId,
    // Written only through lib/audit.ts (and mic_apply_invoice), which take these enums.
    action: e.action as AuditAction,
    entityType: e.entityType as AuditEntityType,
    entityId: e.entityId,
    requestNumber: numbers.get(requestOf(e) ?? "") ?? null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    createdAt: e.createdAt.toISOString(),
  }));
  return { items, nextCursor };
}
