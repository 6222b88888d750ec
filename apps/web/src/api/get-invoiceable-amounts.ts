import type { InvoiceableAmount } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "./query-keys";

export const getInvoiceableAmounts = () =>
  api.get<{ items: InvoiceableAmount[] }>("/api/invoiceable-amounts").then((r) => r.items);

export const invoiceableAmountsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.invoiceableAmounts, queryFn: getInvoiceableAmounts });

export const useInvoiceableAmounts = () => useQuery(invoiceableAmountsQueryOptions());
