import type { InvoiceableAmount } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { KeysetPage } from "@/lib/keyset-query";
import { supportKeys } from "./query-keys";

/** One tenant's per-provider figures (consumed, refunded, invoiced, over-invoiced…). */
export const getTenantAmounts = (tenantId: string) =>
  api
    .get<KeysetPage<InvoiceableAmount>>("/api/invoiceable-amounts", { query: { tenantId } })
    .then((r) => r.items);

export const tenantAmountsQueryOptions = (tenantId: string) =>
  queryOptions({ queryKey: supportKeys.tenantAmounts(tenantId), queryFn: () => getTenantAmounts(tenantId) });

export const useTenantAmounts = (tenantId: string) =>
  useQuery({ ...tenantAmountsQueryOptions(tenantId), enabled: tenantId !== "" });
