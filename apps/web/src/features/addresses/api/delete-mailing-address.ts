import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export const deleteMailingAddress = (id: string) =>
  api.delete<unknown>(`/api/mailing-addresses/${encodeURIComponent(id)}`);

export function useDeleteMailingAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMailingAddress,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.addresses.all }),
  });
}
