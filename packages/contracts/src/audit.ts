import { INVOICE_ACTIONS, RETURN_ACTIONS, ROLES } from "@mic/domain";
import { z } from "zod";
import { pageQuery, plainText, uuid } from "./common";

/** What an audit event is about: the tables whose rows the API changes. */
export const AUDIT_ENTITY_TYPES = [
  "InvoiceRequest",
  "InvoiceFile",
  "ReturnRequest",
  "InvoiceTitle",
  "MailingAddress",
  "Ticket",
  "LedgerEntry",
  "Withdrawal",
  "CalendarDay",
  "Session",
  "WebhookEndpoint",
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/**
 * What happened: the invoice and return-request actions of the domain's transition tables, and
 * the actions on everything else (applying, tickets, records, refunds, withdrawals).
 */
export const AUDIT_ACTIONS = [
  "APPLY",
  ...INVOICE_ACTIONS,
  ...RETURN_ACTIONS,
  "OPEN",
  "CREATE",
  "UPDATE",
  "DELETE",
  "REFUND",
  "WITHDRAW",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntityType = z.enum(AUDIT_ENTITY_TYPES, { error: "enum.invalid" });
export const auditAction = z.enum(AUDIT_ACTIONS, { error: "enum.invalid" });

export const auditEvent = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.enum(ROLES).nullable(),
  tenantId: z.string().nullable(),
  action: auditAction,
  entityType: auditEntityType,
  entityId: z.string(),
  /** The 申请编号 of the request the event concerns (its own, or a ticket's, return request's or file's). */
  requestNumber: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditQuery = z.intersection(
  z.object({
    entityType: auditEntityType.optional(),
    entityId: plainText(64).optional(),
    action: auditAction.optional(),
    tenantId: uuid.optional(),
  }),
  pageQuery,
);
