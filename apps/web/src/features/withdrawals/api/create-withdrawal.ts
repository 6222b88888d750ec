import type { WithdrawalInput } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";
import type { Withdrawal } from "./get-withdrawals";

export const createWithdrawal = (body: WithdrawalInput) => api.post<Withdrawal>("/api/withdrawals", body);

export function useCreateWithdrawal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWithdrawal,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.withdrawals.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.invoiceableAmounts }),
      ]),
  });
}
