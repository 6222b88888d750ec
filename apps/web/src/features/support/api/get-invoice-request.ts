import type { InvoiceRequest } from "@mic/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { supportKeys } from "./query-keys";

export const getInvoiceRequest = (id: string) =>
  api.get<InvoiceRequest>(`/api/invoice-requests/${encodeURIComponent(id)}`);

export const invoiceRequestQueryOptions = (id: string) =>
  queryOptions({ queryKey: supportKeys.invoiceRequests.detail(id), queryFn: () => getInvoiceRequest(id) });

export const useInvoiceRequest = (id: string | null) =>
  useQuery({ ...invoiceRequestQueryOptions(id ?? ""), enabled: id !== null });
