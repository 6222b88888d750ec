import type { InvoiceRequest, ShipInput } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateAfterTransition } from "./invalidate-after-transition";

/** PROCESSING → MAILING with the invoice number and the parcel's courier and tracking number. */
export const shipInvoiceRequest = ({
  id,
  body,
  idempotencyKey,
}: {
  id: string;
  body: ShipInput;
  idempotencyKey: string;
}) =>
  api.post<InvoiceRequest>(`/api/invoice-requests/${encodeURIComponent(id)}/ship`, body, {
    headers: { "idempotency-key": idempotencyKey },
  });

export function useShipInvoiceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: shipInvoiceRequest,
    onSuccess: () => invalidateAfterTransition(queryClient),
  });
}
