import type { z } from "zod";
import type { calendarDayInput } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { CalendarDay } from "./get-calendar-days";
import { supportKeys } from "./query-keys";

export const createCalendarDay = (body: z.infer<typeof calendarDayInput>) =>
  api.post<CalendarDay>("/api/calendar-days", body);

export function useCreateCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarDay,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKeys.calendar.all }),
  });
}
