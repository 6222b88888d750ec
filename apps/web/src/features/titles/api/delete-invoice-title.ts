import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export const deleteInvoiceTitle = (id: string) =>
  api.delete<unknown>(`/api/invoice-titles/${encodeURIComponent(id)}`);

export function useDeleteInvoiceTitle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteInvoiceTitle,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.titles.all }),
  });
}
