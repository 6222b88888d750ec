import { INVOICE_STATUSES } from "@mic/domain";
import { z } from "zod";
import { amountString, isoDate, pageQuery, text, uuid } from "./common";
import { returnRequestSummary, searchQuery } from "./invoices";

export const TICKET_STATUSES = ["OPEN", "RESOLVED", "REJECTED"] as const;

export const ticketInput = z.object({
  requestId: uuid,
  returnTrackingNumber: z
    .string({ error: "required" })
    .trim()
    .regex(/^[0-9A-Za-z]{6,40}$/, "trackingNumber.invalid"),
  message: text(1000),
});
export type TicketInput = z.infer<typeof ticketInput>;

export const ticket = z.object({
  id: z.string(),
  requestId: z.string(),
  /** The request's 申请编号 (SPEC §11). */
  requestNumber: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  providerName: z.string(),
  amount: z.string(),
  requestStatus: z.string(),
  returnTrackingNumber: z.string(),
  message: z.string(),
  status: z.enum(TICKET_STATUSES),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** The request's approved return request, when there is one (SPEC §13): the provider agreed in the console. */
  returnRequest: returnRequestSummary.nullable(),
});
export type Ticket = z.infer<typeof ticket>;

export const ticketListQuery = z.intersection(
  z.object({
    status: z.enum(TICKET_STATUSES, { error: "enum.invalid" }).optional(),
    requestId: uuid.optional(),
  }),
  pageQuery,
);

export const refundInput = z.object({
  tenantId: uuid,
  providerId: uuid,
  amount: amountString,
  reference: text(100),
});
export type RefundInput = z.infer<typeof refundInput>;

export const ledgerEntry = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  kind: z.enum(["CONSUMPTION", "REFUND"]),
  amount: z.string(),
  reference: z.string(),
  occurredAt: z.string(),
});

export const withdrawalInput = z.object({ providerId: uuid, amount: amountString });
export type WithdrawalInput = z.infer<typeof withdrawalInput>;

export const withdrawal = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  amount: z.string(),
  createdAt: z.string(),
});

export const CALENDAR_DAY_KINDS = ["HOLIDAY", "WORKDAY"] as const;
export const calendarDayInput = z.object({
  date: isoDate,
  kind: z.enum(CALENDAR_DAY_KINDS, { error: "enum.invalid" }),
  name: text(50),
});
export const calendarDay = z.object({ date: z.string(), kind: z.enum(CALENDAR_DAY_KINDS), name: z.string() });
export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const refundListQuery = z.intersection(
  z.object({ tenantId: uuid.optional(), providerId: uuid.optional() }),
  pageQuery,
);

export const withdrawalListQuery = z.intersection(z.object({ providerId: uuid.optional() }), pageQuery);

export const calendarDateParams = z.object({ date: isoDate });

/**
 * The provider workbench queue; without a status it shows what still needs work (PENDING,
 * PROCESSING), unless `q` searches (then every status).
 */
export const providerQueueQuery = z.intersection(
  z.object({ status: z.enum(INVOICE_STATUSES, { error: "enum.invalid" }).optional(), q: searchQuery }),
  pageQuery,
);
