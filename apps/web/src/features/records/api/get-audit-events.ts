import type { AuditEvent } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export const getRequestAuditEvents = (requestId: string) =>
  api
    .get<{ items: AuditEvent[]; nextCursor: string | null }>("/api/audit-events", {
      query: { entityType: "InvoiceRequest", entityId: requestId, limit: 100 },
    })
    .then((r) => r.items);

export const requestAuditEventsQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: queryKeys.auditEvents("InvoiceRequest", requestId),
    queryFn: () => getRequestAuditEvents(requestId),
  });

export const useRequestAuditEvents = (requestId: string) =>
  useQuery(requestAuditEventsQueryOptions(requestId));
