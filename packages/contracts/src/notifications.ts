// Notifications, webhooks and the SLA view (SPEC §14): one schema for the API and the console.
import { z } from "zod";
import { isStorableText, pageQuery } from "./common";

/** The event types a webhook endpoint may subscribe to (SPEC §14). */
export const WEBHOOK_EVENT_TYPES = [
  "invoice_request.created",
  "invoice_request.cancelled",
  "invoice_request.processing",
  "invoice_request.mailed",
  "invoice_request.issued",
  "invoice_request.rejected",
  "invoice_request.voided",
  "invoice_request.overdue",
  "return_request.created",
  "return_request.decided",
  "ticket.created",
  "ticket.resolved",
] as const;
export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES, { error: "enum.invalid" });
export type WebhookEventType = z.infer<typeof webhookEventType>;

/** What an in-app notification can be about: every webhook event, and the due-soon reminder. */
export const NOTIFICATION_TYPES = [...WEBHOOK_EVENT_TYPES, "invoice_request.due_soon"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

const booleanQuery = z
  .enum(["true", "false"], { error: "enum.invalid" })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true"));

export const notificationListQuery = pageQuery.extend({ unread: booleanQuery });

export const notification = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  requestId: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notification>;

export const unreadCount = z.object({ count: z.number().int() });

/** http(s) only, at most 2000 characters; whether the address is public is checked by the API. */
export const webhookUrl = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(2000, "tooLong:2000")
  .refine(isStorableText, "text.unstorable")
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "" && !u.username;
    } catch {
      return false;
    }
  }, "webhook.url.invalid");

export const webhookEndpointInput = z.object({
  url: webhookUrl,
  events: z
    .array(webhookEventType, { error: "webhook.events.required" })
    .min(1, "webhook.events.required")
    .max(WEBHOOK_EVENT_TYPES.length, "webhook.events.required")
    .transform((events) => [...new Set(events)]),
});
export type WebhookEndpointInput = z.input<typeof webhookEndpointInput>;

export const webhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

/** The answer to creating an endpoint: the only time the signing secret is shown. */
export const webhookEndpointCreated = webhookEndpoint.extend({ secret: z.string() });

export const webhookDelivery = z.object({
  id: z.string(),
  eventId: z.string(),
  type: z.string(),
  attempt: z.number().int(),
  /** PENDING (waiting or in flight), SUCCEEDED, FAILED. */
  status: z.string(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const deliveryParams = z.object({ id: z.string().max(64), deliveryId: z.string().max(64) });

/** A month as `yyyy-mm` (2000–2099). */
export const onTimeQuery = z.object({
  month: z.string({ error: "required" }).regex(/^20\d{2}-(0[1-9]|1[0-2])$/, "month.invalid"),
});

export const onTimeRate = z.object({
  providerId: z.string(),
  providerName: z.string(),
  /** Requests due in the month that were shipped or issued, or are still open past their due date. */
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  /** onTime / due as a percentage with one decimal ("97.5"), null when nothing was due. */
  rate: z.string().nullable(),
});
export const onTimeRates = z.object({ month: z.string(), items: z.array(onTimeRate) });
export type OnTimeRates = z.infer<typeof onTimeRates>;
