import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supportKeys } from "./query-keys";

export const deleteCalendarDay = (date: string) =>
  api.delete<{ ok: true }>(`/api/calendar-days/${encodeURIComponent(date)}`);

export function useDeleteCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCalendarDay,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKeys.calendar.all }),
  });
}
