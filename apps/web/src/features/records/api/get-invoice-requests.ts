import type { InvoiceRequest } from "@mic/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { withQuery } from "@/lib/api-client";
import { keysetQueryOptions } from "@/lib/keyset-query";

export interface InvoiceRequestFilters {
  status?: string;
  providerId?: string;
  tenantId?: string;
  from?: string;
  to?: string;
  overdue?: string;
  q?: string;
}

/** The admin's records and the support desk's 全部记录: the API scopes the rows by the caller's role. */
export const invoiceRequestsQueryOptions = (filters: InvoiceRequestFilters) =>
  keysetQueryOptions<InvoiceRequest>(
    queryKeys.invoiceRequests.list({ ...filters }),
    "/api/invoice-requests",
    { ...filters },
  );

export const useInvoiceRequests = (filters: InvoiceRequestFilters, enabled = true) =>
  useInfiniteQuery({ ...invoiceRequestsQueryOptions(filters), enabled });

/** A plain link: the browser downloads the CSV with the session cookie and the same filters. */
export const exportCsvUrl = (filters: InvoiceRequestFilters) =>
  withQuery("/api/invoice-requests/export.csv", { ...filters });
