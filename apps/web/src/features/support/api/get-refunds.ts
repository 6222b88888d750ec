import type { ledgerEntry } from "@mic/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "@/lib/api-client";
import { supportKeys, type ListPage } from "./query-keys";

export type LedgerEntry = z.infer<typeof ledgerEntry>;

export interface RefundFilters {
  tenantId?: string;
  providerId?: string;
}

const PAGE_SIZE = 20;

export const getRefunds = (filters: RefundFilters, cursor?: string, signal?: AbortSignal) =>
  api.get<ListPage<LedgerEntry>>("/api/refunds", { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });

export const refundsQueryOptions = (filters: RefundFilters) =>
  infiniteQueryOptions({
    queryKey: supportKeys.refunds.list({ ...filters }),
    queryFn: ({ pageParam, signal }) => getRefunds(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useRefunds = (filters: RefundFilters) => useInfiniteQuery(refundsQueryOptions(filters));
