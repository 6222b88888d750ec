import type { InvoiceRequest } from "@mic/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";
import { api, withQuery } from "@/lib/api-client";

export interface InvoiceRequestFilters {
  status?: string;
  providerId?: string;
  from?: string;
  to?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const PAGE_SIZE = 20;

export const getInvoiceRequests = (filters: InvoiceRequestFilters, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<InvoiceRequest>>("/api/invoice-requests", {
    query: { ...filters, limit: PAGE_SIZE, cursor },
    signal,
  });

/** Keyset pages: each page hands over the cursor of the next; there are no totals or page numbers. */
export const invoiceRequestsQueryOptions = (filters: InvoiceRequestFilters) =>
  infiniteQueryOptions({
    queryKey: queryKeys.invoiceRequests.list({ ...filters }),
    queryFn: ({ pageParam, signal }) => getInvoiceRequests(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useInvoiceRequests = (filters: InvoiceRequestFilters, enabled = true) =>
  useInfiniteQuery({ ...invoiceRequestsQueryOptions(filters), enabled });

/** A plain link: the browser downloads the CSV with the session cookie and the same filters. */
export const exportCsvUrl = (filters: InvoiceRequestFilters) =>
  withQuery("/api/invoice-requests/export.csv", { ...filters });
