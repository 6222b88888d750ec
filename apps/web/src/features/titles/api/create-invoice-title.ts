import type { InvoiceTitle } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { invoiceTitleInput } from "@mic/contracts";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export type InvoiceTitleBody = z.output<typeof invoiceTitleInput>;

export const createInvoiceTitle = (body: InvoiceTitleBody) =>
  api.post<InvoiceTitle>("/api/invoice-titles", body);

export function useCreateInvoiceTitle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvoiceTitle,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.titles.all }),
  });
}
