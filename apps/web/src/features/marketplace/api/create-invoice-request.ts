import type { ApplyInvoiceInput, InvoiceRequest } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

/** The key is fixed per confirm-page visit, so a double click or a retry creates one request. */
export const createInvoiceRequest = ({
  body,
  idempotencyKey,
}: {
  body: ApplyInvoiceInput;
  idempotencyKey: string;
}) =>
  api.post<InvoiceRequest>("/api/invoice-requests", body, { headers: { "idempotency-key": idempotencyKey } });

export function useCreateInvoiceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvoiceRequest,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.invoiceableAmounts }),
        queryClient.invalidateQueries({ queryKey: queryKeys.invoiceRequests.all }),
      ]);
    },
  });
}
