import type { InvoiceRequest } from "@mic/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { keysetQueryOptions } from "@/lib/keyset-query";
import { providerKeys } from "./query-keys";

/** Without a status the API returns the work still to do (PENDING and PROCESSING), earliest due first. */
export const providerQueueQueryOptions = (status: string, q = "") =>
  keysetQueryOptions<InvoiceRequest>(providerKeys.queue.list(status, q), "/api/provider-queue", {
    status,
    q,
  });

/** `q` searches every status for a request, invoice or tracking number (SPEC §11). */
export const useProviderQueue = (status: string, q = "") =>
  useInfiniteQuery(providerQueueQueryOptions(status, q));
