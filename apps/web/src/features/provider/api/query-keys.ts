import { queryKeys } from "@/api/query-keys";

/**
 * The workbench's own keys. They live here because `src/api/query-keys.ts` is shared with the
 * admin pages; the shared prefixes (`invoice-requests`, `audit-events`) are reused from there so a
 * transition made here also refreshes the records and timelines that other pages cache.
 */
export const providerKeys = {
  queue: {
    all: ["provider-queue"] as const,
    list: (status: string, q = "") => ["provider-queue", "list", status, q] as const,
  },
  invoiceRequests: queryKeys.invoiceRequests,
  auditEventsAll: ["audit-events"] as const,
};
