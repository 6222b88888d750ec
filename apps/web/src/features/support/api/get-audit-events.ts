import type { AuditEvent } from "@mic/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { keysetQueryOptions } from "@/lib/keyset-query";
import { supportKeys } from "./query-keys";

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  action?: string;
  tenantId?: string;
}

export const auditEventsQueryOptions = (filters: AuditFilters) =>
  keysetQueryOptions<AuditEvent>(supportKeys.audit.search({ ...filters }), "/api/audit-events", {
    ...filters,
  });

export const useAuditEvents = (filters: AuditFilters, enabled: boolean) =>
  useInfiniteQuery({ ...auditEventsQueryOptions(filters), enabled });
