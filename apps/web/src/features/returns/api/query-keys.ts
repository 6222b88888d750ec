import { queryKeys } from "@/api/query-keys";

/**
 * Return requests (退票申请, SPEC §13). A decision also changes the invoice request (cancelled,
 * voided), its timeline and the tenant's amounts, so those shared prefixes are refreshed too.
 */
export const returnKeys = {
  all: queryKeys.returnRequests.all,
  list: (filters: Record<string, string | undefined>) => ["return-requests", "list", filters] as const,
  forRequest: (requestId: string) => ["return-requests", "request", requestId] as const,
  invoiceRequests: queryKeys.invoiceRequests,
  invoiceableAmounts: queryKeys.invoiceableAmounts,
  tickets: queryKeys.tickets.all,
  auditEvents: ["audit-events"] as const,
  providerQueue: ["provider-queue"] as const,
};
