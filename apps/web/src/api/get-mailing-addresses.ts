import type { MailingAddress } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "./query-keys";

export const getMailingAddresses = () =>
  api
    .get<{ items: MailingAddress[] }>("/api/mailing-addresses", { query: { limit: 100 } })
    .then((r) => r.items);

export const mailingAddressesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.addresses.all, queryFn: getMailingAddresses });

export const useMailingAddresses = () => useQuery(mailingAddressesQueryOptions());
