import type { Provider } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "./query-keys";

export const getProviders = () => api.get<{ items: Provider[] }>("/api/providers").then((r) => r.items);

export const providersQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.providers, queryFn: getProviders, staleTime: 5 * 60_000 });

export const useProviders = () => useQuery(providersQueryOptions());
