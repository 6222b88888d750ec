import type { InvoiceRequest } from "@mic/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { keysetQueryOptions } from "@/lib/keyset-query";
import { providerKeys } from "./query-keys";

/** Without a status the API returns the work still to do (PENDING and PROCESSING), earliest due first. */
export const providerQueueQueryOptions = (status: string) =>
  keysetQueryOptions<InvoiceRequest>(providerKeys.queue.list(status), "/api/provider-queue", { status });

export const useProviderQueue = (status: string) => useInfiniteQuery(providerQueueQueryOptions(status));
