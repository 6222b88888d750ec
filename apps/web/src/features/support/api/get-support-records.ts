import type { InvoiceRequest } from "@mic/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { withQuery } from "@/lib/api-client";
import { keysetQueryOptions } from "@/lib/keyset-query";
import { supportKeys } from "./query-keys";

export interface SupportRecordFilters {
  status?: string;
  tenantId?: string;
  providerId?: string;
  from?: string;
  to?: string;
  overdue?: string;
  q?: string;
}

export const supportRecordsQueryOptions = (filters: SupportRecordFilters) =>
  keysetQueryOptions<InvoiceRequest>(
    supportKeys.invoiceRequests.list({ ...filters }),
    "/api/invoice-requests",
    {
      ...filters,
    },
  );

export const useSupportRecords = (filters: SupportRecordFilters, enabled: boolean) =>
  useInfiniteQuery({ ...supportRecordsQueryOptions(filters), enabled });

/** A plain link: the browser downloads the CSV with the session cookie and the same filters. */
export const supportExportCsvUrl = (filters: SupportRecordFilters) =>
  withQuery("/api/invoice-requests/export.csv", { ...filters });
