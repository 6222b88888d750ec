import type { calendarDay } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "@/lib/api-client";
import type { KeysetPage } from "@/lib/keyset-query";
import { supportKeys } from "./query-keys";

export type CalendarDay = z.infer<typeof calendarDay>;

export const getCalendarDays = (year: number) =>
  api.get<KeysetPage<CalendarDay>>("/api/calendar-days", { query: { year } }).then((r) => r.items);

export const calendarDaysQueryOptions = (year: number) =>
  queryOptions({ queryKey: supportKeys.calendar.year(year), queryFn: () => getCalendarDays(year) });

export const useCalendarDays = (year: number) => useQuery(calendarDaysQueryOptions(year));
