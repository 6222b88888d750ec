import type { Ticket } from "@mic/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { keysetQueryOptions } from "@/lib/keyset-query";
import { supportKeys } from "./query-keys";

/** `status` empty = every ticket, newest first. */
export const ticketsQueryOptions = (status: string) =>
  keysetQueryOptions<Ticket>(supportKeys.tickets.list(status), "/api/tickets", { status });

export const useTickets = (status: string) => useInfiniteQuery(ticketsQueryOptions(status));
