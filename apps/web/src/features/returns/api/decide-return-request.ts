import type { ReturnRequest } from "@mic/contracts";
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { returnKeys } from "./query-keys";

const invalidateAll = (queryClient: QueryClient) =>
  Promise.all(
    [
      returnKeys.all,
      returnKeys.invoiceRequests.all,
      returnKeys.invoiceableAmounts,
      returnKeys.tickets,
      returnKeys.auditEvents,
      returnKeys.providerQueue,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );

const post = (path: string, body: unknown, idempotencyKey: string) =>
  api.post<ReturnRequest>(path, body, { headers: { "idempotency-key": idempotencyKey } });

/** 申请退票: the tenant's admin on a PROCESSING, MAILING or ISSUED request. */
export function useCreateReturnRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      requestId,
      reason,
      idempotencyKey,
    }: {
      requestId: string;
      reason: string;
      idempotencyKey: string;
    }) =>
      post(
        `/api/invoice-requests/${encodeURIComponent(requestId)}/return-requests`,
        { reason },
        idempotencyKey,
      ),
    onSuccess: () => invalidateAll(queryClient),
  });
}

export type ReturnDecision =
  | { action: "approve"; redLetterNumber?: string }
  | { action: "decline"; reason: string }
  | { action: "confirm" };

/** 同意 / 拒绝 (provider staff) and 确认红冲 (the tenant's admin). */
export function useDecideReturnRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      decision,
      idempotencyKey,
    }: {
      id: string;
      decision: ReturnDecision;
      idempotencyKey: string;
    }) => {
      const { action, ...body } = decision;
      return post(`/api/return-requests/${encodeURIComponent(id)}/${action}`, body, idempotencyKey);
    },
    onSuccess: () => invalidateAll(queryClient),
  });
}
