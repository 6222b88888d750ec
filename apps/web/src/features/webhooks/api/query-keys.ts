/** Webhook endpoints and each one's delivery log share the `webhook-endpoints` prefix. */
export const webhookKeys = {
  all: ["webhook-endpoints"] as const,
  list: ["webhook-endpoints", "list"] as const,
  deliveries: (endpointId: string) => ["webhook-endpoints", "deliveries", endpointId] as const,
};
