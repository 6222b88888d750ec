import type { MailingAddress, mailingAddressPatch } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export type MailingAddressPatch = z.input<typeof mailingAddressPatch>;

export const updateMailingAddress = ({ id, patch }: { id: string; patch: MailingAddressPatch }) =>
  api.patch<MailingAddress>(`/api/mailing-addresses/${encodeURIComponent(id)}`, patch);

/** Also "set default": PATCH { isDefault: true }. */
export function useUpdateMailingAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMailingAddress,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.addresses.all }),
  });
}
