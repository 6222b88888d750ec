import type { InvoiceRequest } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api } from "@/lib/api-client";

export const getInvoiceRequest = (id: string) =>
  api.get<InvoiceRequest>(`/api/invoice-requests/${encodeURIComponent(id)}`);

export const invoiceRequestQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.invoiceRequests.detail(id), queryFn: () => getInvoiceRequest(id) });

export const useInvoiceRequest = (id: string) => useQuery(invoiceRequestQueryOptions(id));
