import type { InvoiceRequest } from "@mic/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, withQuery } from "@/lib/api-client";
import { supportKeys, type ListPage } from "./query-keys";

export interface SupportRecordFilters {
  status?: string;
  tenantId?: string;
  providerId?: string;
  from?: string;
  to?: string;
  overdue?: string;
}

const PAGE_SIZE = 20;

export const getSupportRecords = (filters: SupportRecordFilters, cursor?: string, signal?: AbortSignal) =>
  api.get<ListPage<InvoiceRequest>>("/api/invoice-requests", {
    query: { ...filters, limit: PAGE_SIZE, cursor },
    signal,
  });

export const supportRecordsQueryOptions = (filters: SupportRecordFilters) =>
  infiniteQueryOptions({
    queryKey: supportKeys.invoiceRequests.list({ ...filters }),
    queryFn: ({ pageParam, signal }) => getSupportRecords(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useSupportRecords = (filters: SupportRecordFilters, enabled: boolean) =>
  useInfiniteQuery({ ...supportRecordsQueryOptions(filters), enabled });

/** A plain link: the browser downloads the CSV with the session cookie and the same filters. */
export const supportExportCsvUrl = (filters: SupportRecordFilters) =>
  withQuery("/api/invoice-requests/export.csv", { ...filters });
