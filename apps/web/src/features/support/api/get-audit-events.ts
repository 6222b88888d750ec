import type { AuditEvent } from "@mic/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supportKeys, type ListPage } from "./query-keys";

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  action?: string;
  tenantId?: string;
}

const PAGE_SIZE = 20;

export const getAuditEvents = (filters: AuditFilters, cursor?: string, signal?: AbortSignal) =>
  api.get<ListPage<AuditEvent>>("/api/audit-events", {
    query: { ...filters, limit: PAGE_SIZE, cursor },
    signal,
  });

export const auditEventsQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: supportKeys.audit.search({ ...filters }),
    queryFn: ({ pageParam, signal }) => getAuditEvents(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useAuditEvents = (filters: AuditFilters, enabled: boolean) =>
  useInfiniteQuery({ ...auditEventsQueryOptions(filters), enabled });
