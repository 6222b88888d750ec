import type { withdrawal } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";
import type { z } from "zod";

export type Withdrawal = z.infer<typeof withdrawal>;

export const getWithdrawals = () =>
  api
    .get<{ items: Withdrawal[]; nextCursor: string | null }>("/api/withdrawals", { query: { limit: 100 } })
    .then((r) => r.items);

export const withdrawalsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.withdrawals.all, queryFn: getWithdrawals });

export const useWithdrawals = () => useQuery(withdrawalsQueryOptions());
