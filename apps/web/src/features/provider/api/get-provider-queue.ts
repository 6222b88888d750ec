import type { InvoiceRequest } from "@mic/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { providerKeys } from "./query-keys";

export interface QueuePage {
  items: InvoiceRequest[];
  nextCursor: string | null;
}

const PAGE_SIZE = 20;

/** Without a status the API returns the work still to do (PENDING and PROCESSING), earliest due first. */
export const getProviderQueue = (status: string, cursor?: string, signal?: AbortSignal) =>
  api.get<QueuePage>("/api/provider-queue", {
    query: { status: status || undefined, limit: PAGE_SIZE, cursor },
    signal,
  });

export const providerQueueQueryOptions = (status: string) =>
  infiniteQueryOptions({
    queryKey: providerKeys.queue.list(status),
    queryFn: ({ pageParam, signal }) => getProviderQueue(status, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useProviderQueue = (status: string) => useInfiniteQuery(providerQueueQueryOptions(status));
