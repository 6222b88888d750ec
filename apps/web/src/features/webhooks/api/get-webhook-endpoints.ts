import { useInfiniteQuery } from "@tanstack/react-query";
import { keysetQueryOptions } from "@/lib/keyset-query";
import { webhookKeys } from "./query-keys";
import type { WebhookDelivery, WebhookEndpoint } from "@mic/contracts";

/** The caller's endpoints (their provider's, or their tenant's), newest first. */
export const webhookEndpointsQueryOptions = () =>
  keysetQueryOptions<WebhookEndpoint>(webhookKeys.list, "/api/webhook-endpoints");

export const useWebhookEndpoints = () => useInfiniteQuery(webhookEndpointsQueryOptions());

/** One row per attempt, newest first. */
export const webhookDeliveriesQueryOptions = (endpointId: string) =>
  keysetQueryOptions<WebhookDelivery>(
    webhookKeys.deliveries(endpointId),
    `/api/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries`,
  );

export const useWebhookDeliveries = (endpointId: string) =>
  useInfiniteQuery(webhookDeliveriesQueryOptions(endpointId));
