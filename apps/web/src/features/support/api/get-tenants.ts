import type { tenant } from "@mic/contracts";
import type { z } from "zod";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { KeysetPage } from "@/lib/keyset-query";
import { supportKeys } from "./query-keys";

export type Tenant = z.infer<typeof tenant>;

export const getTenants = () => api.get<KeysetPage<Tenant>>("/api/tenants").then((r) => r.items);

export const tenantsQueryOptions = () =>
  queryOptions({ queryKey: supportKeys.tenants, queryFn: getTenants, staleTime: 5 * 60_000 });

export const useTenants = () => useQuery(tenantsQueryOptions());
