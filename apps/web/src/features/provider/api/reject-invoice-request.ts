import type { InvoiceRequest } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";
import { invalidateAfterTransition } from "./invalidate-after-transition";

/** 驳回: PENDING or PROCESSING → REJECTED with a reason; the amount returns to the tenant (SPEC §13). */
export const rejectInvoiceRequest = ({
  id,
  reason,
  idempotencyKey,
}: {
  id: string;
  reason: string;
  idempotencyKey: string;
}) =>
  api.post<InvoiceRequest>(
    `/api/invoice-requests/${encodeURIComponent(id)}/reject`,
    { reason },
    { headers: { "idempotency-key": idempotencyKey } },
  );

export function useRejectInvoiceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectInvoiceRequest,
    onSuccess: () =>
      Promise.all([
        invalidateAfterTransition(queryClient),
        queryClient.invalidateQueries({ queryKey: queryKeys.invoiceableAmounts }),
        // An open return request on it is granted with the rejection.
        queryClient.invalidateQueries({ queryKey: queryKeys.returnRequests.all }),
      ]),
  });
}
