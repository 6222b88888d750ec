import type { Ticket } from "@mic/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supportKeys, type ListPage } from "./query-keys";

const PAGE_SIZE = 20;

/** `status` empty = every ticket, newest first. */
export const getTickets = (status: string, cursor?: string, signal?: AbortSignal) =>
  api.get<ListPage<Ticket>>("/api/tickets", {
    query: { status: status || undefined, limit: PAGE_SIZE, cursor },
    signal,
  });

export const ticketsQueryOptions = (status: string) =>
  infiniteQueryOptions({
    queryKey: supportKeys.tickets.list(status),
    queryFn: ({ pageParam, signal }) => getTickets(status, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useTickets = (status: string) => useInfiniteQuery(ticketsQueryOptions(status));
