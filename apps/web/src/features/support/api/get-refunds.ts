import type { ledgerEntry } from "@mic/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { keysetQueryOptions } from "@/lib/keyset-query";
import { supportKeys } from "./query-keys";

export type LedgerEntry = z.infer<typeof ledgerEntry>;

export interface RefundFilters {
  tenantId?: string;
  providerId?: string;
}

export const refundsQueryOptions = (filters: RefundFilters) =>
  keysetQueryOptions<LedgerEntry>(supportKeys.refunds.list({ ...filters }), "/api/refunds", { ...filters });

export const useRefunds = (filters: RefundFilters) => useInfiniteQuery(refundsQueryOptions(filters));
