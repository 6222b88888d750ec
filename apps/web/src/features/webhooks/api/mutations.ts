import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { webhookKeys } from "./query-keys";
import type { WebhookEndpointInput, webhookEndpointCreated } from "@mic/contracts";
import type { z } from "zod";

/** The 201 of a create: the endpoint with its signing secret, shown this once. */
export type CreatedWebhookEndpoint = z.infer<typeof webhookEndpointCreated>;

export const createWebhookEndpoint = ({
  body,
  idempotencyKey,
}: {
  body: WebhookEndpointInput;
  idempotencyKey: string;
}) =>
  api.post<CreatedWebhookEndpoint>("/api/webhook-endpoints", body, {
    headers: { "idempotency-key": idempotencyKey },
  });

export const deleteWebhookEndpoint = (id: string) =>
  api.delete<unknown>(`/api/webhook-endpoints/${encodeURIComponent(id)}`);

export const retryWebhookDelivery = ({
  endpointId,
  deliveryId,
}: {
  endpointId: string;
  deliveryId: string;
}) =>
  api.post<unknown>(
    `/api/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`,
    {},
  );

export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhookEndpoint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useDeleteWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWebhookEndpoint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** A manual redelivery queues a new attempt; the log shows it once the worker has tried. */
export function useRetryWebhookDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryWebhookDelivery,
    onSuccess: (_data, { endpointId }) =>
      queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }),
  });
}
