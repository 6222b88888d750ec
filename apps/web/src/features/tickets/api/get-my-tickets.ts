import type { Ticket } from "@mic/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { keysetQueryOptions } from "@/lib/keyset-query";

/** The tenant's own 作废工单 (the API serves an admin only their tenant's), newest first. */
export const myTicketsQueryOptions = (status: string) =>
  keysetQueryOptions<Ticket>([...queryKeys.tickets.all, "mine", status], "/api/tickets", { status });

export const useMyTickets = (status: string) => useInfiniteQuery(myTicketsQueryOptions(status));
