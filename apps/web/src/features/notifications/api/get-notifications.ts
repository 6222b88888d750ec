import { queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { keysetQueryOptions, type KeysetPage } from "@/lib/keyset-query";
import { notificationKeys } from "./query-keys";
import type { Notification } from "@mic/contracts";

/** Newest first; `unread` keeps only the ones not read yet. */
export const notificationsQueryOptions = (unread: boolean) =>
  keysetQueryOptions<Notification>(notificationKeys.list(unread), "/api/notifications", {
    unread: unread ? "true" : undefined,
  });

export const useNotifications = (unread: boolean) => useInfiniteQuery(notificationsQueryOptions(unread));

/** How many the bell's dropdown shows. */
export const LATEST_COUNT = 5;

/** The bell's dropdown: the first few, read or not, fetched when it opens. */
export const latestNotificationsQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) =>
      api
        .get<KeysetPage<Notification>>("/api/notifications", { query: { limit: LATEST_COUNT }, signal })
        .then((page) => page.items),
  });

export const useLatestNotifications = (enabled: boolean) =>
  useQuery({ ...latestNotificationsQueryOptions(), enabled });
