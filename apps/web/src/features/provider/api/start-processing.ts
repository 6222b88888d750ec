import type { InvoiceRequest } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateAfterTransition } from "./invalidate-after-transition";

/** PENDING → PROCESSING. The key is fixed per confirmation, so a double click is one transition. */
export const startProcessing = ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
  api.post<InvoiceRequest>(
    `/api/invoice-requests/${encodeURIComponent(id)}/start-processing`,
    {},
    { headers: { "idempotency-key": idempotencyKey } },
  );

export function useStartProcessing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startProcessing,
    onSuccess: () => invalidateAfterTransition(queryClient),
  });
}
