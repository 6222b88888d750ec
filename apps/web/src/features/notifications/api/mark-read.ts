import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { notificationKeys } from "./query-keys";

export const markNotificationRead = (id: string) =>
  api.post<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`, {});

export const markAllNotificationsRead = () => api.post<unknown>("/api/notifications/read-all", {});

/** Read one (opening it counts): the bell, its dropdown and the page all refresh. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
