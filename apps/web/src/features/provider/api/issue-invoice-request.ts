import type { InvoiceRequest, IssueInput } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateAfterTransition } from "./invalidate-after-transition";

/** 开具: PROCESSING → ISSUED with the 20-digit number, 开票日期 and the attached files (SPEC §12). */
export const issueInvoiceRequest = ({
  id,
  body,
  idempotencyKey,
}: {
  id: string;
  body: IssueInput;
  idempotencyKey: string;
}) =>
  api.post<InvoiceRequest>(`/api/invoice-requests/${encodeURIComponent(id)}/issue`, body, {
    headers: { "idempotency-key": idempotencyKey },
  });

export function useIssueInvoiceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueInvoiceRequest,
    onSuccess: () => invalidateAfterTransition(queryClient),
  });
}
