import type { InvoiceTitle } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "./query-keys";

// A tenant keeps a handful of titles; one page of 100 is all of them.
export const getInvoiceTitles = () =>
  api.get<{ items: InvoiceTitle[] }>("/api/invoice-titles", { query: { limit: 100 } }).then((r) => r.items);

export const invoiceTitlesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.titles.all, queryFn: getInvoiceTitles });

export const useInvoiceTitles = () => useQuery(invoiceTitlesQueryOptions());
