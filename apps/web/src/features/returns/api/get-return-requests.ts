import type { ReturnRequest } from "@mic/contracts";
import { queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { keysetQueryOptions } from "@/lib/keyset-query";
import { returnKeys } from "./query-keys";

export interface ReturnRequestFilters {
  status?: string;
}

/** Scoped by role by the API: the admin's tenant, the staff's provider, or all for support. */
export const returnRequestsQueryOptions = (filters: ReturnRequestFilters) =>
  keysetQueryOptions<ReturnRequest>(returnKeys.list({ ...filters }), "/api/return-requests", { ...filters });

export const useReturnRequests = (filters: ReturnRequestFilters, enabled = true) =>
  useInfiniteQuery({ ...returnRequestsQueryOptions(filters), enabled });

/** The return requests of one invoice request (a handful at most), oldest first. */
export const getRequestReturnRequests = (requestId: string) =>
  api
    .get<{ items: ReturnRequest[] }>("/api/return-requests", { query: { requestId, limit: 100 } })
    .then((r) => [...r.items].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));

export const requestReturnRequestsQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: returnKeys.forRequest(requestId),
    queryFn: () => getRequestReturnRequests(requestId),
  });

export const useRequestReturnRequests = (requestId: string, enabled = true) =>
  useQuery({ ...requestReturnRequestsQueryOptions(requestId), enabled });
