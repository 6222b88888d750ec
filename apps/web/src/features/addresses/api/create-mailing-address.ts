import type { MailingAddress, mailingAddressInput } from "@mic/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export type MailingAddressBody = z.output<typeof mailingAddressInput>;

export const createMailingAddress = (body: MailingAddressBody) =>
  api.post<MailingAddress>("/api/mailing-addresses", body);

export function useCreateMailingAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMailingAddress,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.addresses.all }),
  });
}
