import type { QueryClient } from "@tanstack/react-query";
import { providerKeys } from "./query-keys";

/** A transition moves the request between queue filters and adds to its timeline. */
export const invalidateAfterTransition = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: providerKeys.queue.all }),
    queryClient.invalidateQueries({ queryKey: providerKeys.invoiceRequests.all }),
    queryClient.invalidateQueries({ queryKey: providerKeys.auditEventsAll }),
  ]);
