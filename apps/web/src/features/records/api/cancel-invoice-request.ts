import type { InvoiceRequest } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export const cancelInvoiceRequest = (id: string) =>
  api.post<InvoiceRequest>(`/api/invoice-requests/${encodeURIComponent(id)}/cancel`, {});

export function useCancelInvoiceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelInvoiceRequest,
    // The cancelled amount becomes invoiceable again (SPEC §3).
    onSuccess: (request) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.invoiceRequests.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.invoiceableAmounts }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditEvents("InvoiceRequest", request.id) }),
      ]),
  });
}
