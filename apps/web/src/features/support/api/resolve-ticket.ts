import type { Ticket } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supportKeys } from "./query-keys";

export type TicketDecision = "VOID" | "REJECT";

/** 作废发票 (MAILING → VOIDED, ticket resolved) or 驳回 (ticket rejected, invoice unchanged). */
export const resolveTicket = ({
  id,
  decision,
  reason,
  idempotencyKey,
}: {
  id: string;
  decision: TicketDecision;
  reason: string;
  idempotencyKey: string;
}) =>
  api.post<Ticket>(
    `/api/tickets/${encodeURIComponent(id)}/${decision === "VOID" ? "void" : "reject"}`,
    { reason },
    { headers: { "idempotency-key": idempotencyKey } },
  );

export function useResolveTicket() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: supportKeys.tickets.all }),
      // A void gives the amount back and adds to the request's timeline.
      queryClient.invalidateQueries({ queryKey: supportKeys.invoiceRequests.all }),
      queryClient.invalidateQueries({ queryKey: supportKeys.invoiceableAmounts }),
      queryClient.invalidateQueries({ queryKey: supportKeys.audit.all }),
    ]);
  return useMutation({
    mutationFn: resolveTicket,
    onSuccess: refresh,
    // A 409 means someone else decided first: show the current state behind the message.
    onError: refresh,
  });
}
