import { queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { keysetQueryOptions, type KeysetPage } from "@/lib/keyset-query";
import { webhookKeys } from "./query-keys";
import type { WebhookDelivery, WebhookEndpoint } from "@mic/contracts";

/** The caller's endpoints (their provider's, or their tenant's). */
export const webhookEndpointsQueryOptions = () =>
  queryOptions({
    queryKey: webhookKeys.list,
    queryFn: ({ signal }) =>
      api
        .get<KeysetPage<WebhookEndpoint> | WebhookEndpoint[]>("/api/webhook-endpoints", { signal })
        .then((r) => (Array.isArray(r) ? r : r.items)),
  });

export const useWebhookEndpoints = () => useQuery(webhookEndpointsQueryOptions());

/** One row per attempt, newest first. */
export const webhookDeliveriesQueryOptions = (endpointId: string) =>
  keysetQueryOptions<WebhookDelivery>(
    webhookKeys.deliveries(endpointId),
    `/api/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries`,
  );

export const useWebhookDeliveries = (endpointId: string) =>
  useInfiniteQuery(webhookDeliveriesQueryOptions(endpointId));
