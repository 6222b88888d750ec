import type { OnTimeRates } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

/** The SLA view's path; the month is `yyyy-mm`. */
export const ON_TIME_RATES_PATH = "/api/sla/on-time";

export const onTimeKeys = {
  all: ["on-time-rates"] as const,
  month: (month: string) => ["on-time-rates", month] as const,
};

/** Per provider: requests due in the month, how many were shipped or issued by their due date. */
export const onTimeRatesQueryOptions = (month: string) =>
  queryOptions({
    queryKey: onTimeKeys.month(month),
    queryFn: ({ signal }) => api.get<OnTimeRates>(ON_TIME_RATES_PATH, { query: { month }, signal }),
  });

export const useOnTimeRates = (month: string, enabled: boolean) =>
  useQuery({ ...onTimeRatesQueryOptions(month), enabled });
