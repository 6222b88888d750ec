import type { Ticket } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export const getRequestTickets = (requestId: string) =>
  api
    .get<{ items: Ticket[]; nextCursor: string | null }>("/api/tickets", { query: { requestId, limit: 100 } })
    .then((r) => r.items);

export const requestTicketsQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: queryKeys.tickets.forRequest(requestId),
    queryFn: () => getRequestTickets(requestId),
  });

export const useRequestTickets = (requestId: string, enabled: boolean) =>
  useQuery({ ...requestTicketsQueryOptions(requestId), enabled });
