import type { RefundInput } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supportKeys } from "./query-keys";
import type { LedgerEntry } from "./get-refunds";

/** Refunds are new ledger rows, never edits; the key makes a retried click record one refund. */
export const createRefund = ({ body, idempotencyKey }: { body: RefundInput; idempotencyKey: string }) =>
  api.post<LedgerEntry>("/api/refunds", body, { headers: { "idempotency-key": idempotencyKey } });

export function useCreateRefund() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRefund,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supportKeys.refunds.all }),
        queryClient.invalidateQueries({ queryKey: supportKeys.invoiceableAmounts }),
        queryClient.invalidateQueries({ queryKey: supportKeys.audit.all }),
      ]),
  });
}
