import type { InvoiceTitle, invoiceTitlePatch } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export type InvoiceTitlePatch = z.input<typeof invoiceTitlePatch>;

export const updateInvoiceTitle = ({ id, patch }: { id: string; patch: InvoiceTitlePatch }) =>
  api.patch<InvoiceTitle>(`/api/invoice-titles/${encodeURIComponent(id)}`, patch);

/** Also "set default": PATCH { isDefault: true } (the API clears the previous default). */
export function useUpdateInvoiceTitle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateInvoiceTitle,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.titles.all }),
  });
}
