/**
 * Every query key in one place: a mutation in one feature (cancel, apply) must invalidate queries
 * another feature owns (invoiceable amounts, records) without importing that feature.
 */
export const queryKeys = {
  me: ["auth", "me"] as const,
  providers: ["providers"] as const,
  invoiceableAmounts: ["invoiceable-amounts"] as const,
  titles: { all: ["invoice-titles"] as const },
  addresses: { all: ["mailing-addresses"] as const },
  invoiceRequests: {
    all: ["invoice-requests"] as const,
    list: (filters: Record<string, string | undefined>) => ["invoice-requests", "list", filters] as const,
    detail: (id: string) => ["invoice-requests", "detail", id] as const,
  },
  auditEvents: (entityType: string, entityId: string) => ["audit-events", entityType, entityId] as const,
  tickets: {
    all: ["tickets"] as const,
    forRequest: (requestId: string) => ["tickets", "request", requestId] as const,
  },
  withdrawals: { all: ["withdrawals"] as const },
  returnRequests: { all: ["return-requests"] as const },
};
