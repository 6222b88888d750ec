import type { WebhookEndpoint } from "@mic/contracts";

/** An endpoint that answered 410 Gone is disabled: nothing more is delivered to it. */
export const isDisabled = (endpoint: WebhookEndpoint): boolean => !endpoint.enabled;
