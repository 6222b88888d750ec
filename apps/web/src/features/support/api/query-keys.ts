import { queryKeys } from "@/api/query-keys";

/**
 * The support desk's own keys. `src/api/query-keys.ts` is shared with the admin pages, so the keys
 * live here, built on the shared prefixes (`tickets`, `invoice-requests`, `invoiceable-amounts`,
 * `audit-events`) so invalidating those prefixes from any page also refreshes these.
 */
export const supportKeys = {
  tickets: {
    all: queryKeys.tickets.all,
    list: (status: string) => [...queryKeys.tickets.all, "support-list", status] as const,
  },
  invoiceRequests: queryKeys.invoiceRequests,
  tenants: ["tenants"] as const,
  tenantAmounts: (tenantId: string) => [...queryKeys.invoiceableAmounts, "tenant", tenantId] as const,
  invoiceableAmounts: queryKeys.invoiceableAmounts,
  refunds: {
    all: ["refunds"] as const,
    list: (filters: Record<string, string | undefined>) => ["refunds", "list", filters] as const,
  },
  audit: {
    all: ["audit-events"] as const,
    search: (filters: Record<string, string | undefined>) => ["audit-events", "search", filters] as const,
  },
  calendar: {
    all: ["calendar-days"] as const,
    year: (year: number) => ["calendar-days", year] as const,
  },
};
