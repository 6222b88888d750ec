import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { notificationKeys } from "./query-keys";

/** How often the bell asks, besides whenever the window regains focus. */
export const UNREAD_POLL_MS = 30_000;

export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) =>
      api.get<{ count: number }>("/api/notifications/unread-count", { signal }).then((r) => r.count),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: "always",
    staleTime: 0,
  });

export const useUnreadCount = () => useQuery(unreadCountQueryOptions());
