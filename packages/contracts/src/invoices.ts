import { INVOICE_STATUSES, INVOICE_TYPES } from "@mic/domain";
import { z } from "zod";
import { addressSnapshot } from "./addresses";
import { amountString, isStorableText, isoDate, pageQuery, text, uuid } from "./common";
import { titleSnapshot } from "./titles";

export const SHIPPING_PAYERS = ["PROVIDER", "RECIPIENT_COD"] as const;

/** Common couriers offered when shipping; "OTHER" lets staff type another. */
export const COURIERS = ["SF", "EMS", "JD", "ZTO", "YTO", "STO", "YUNDA", "OTHER"] as const;
export type CourierCode = (typeof COURIERS)[number];

/** Body of apply (POST /api/invoice-requests) and of its quote. */
export const applyInvoiceInput = z.object({
  providerId: uuid,
  amount: amountString,
  invoiceType: z.enum(INVOICE_TYPES, { error: "enum.invalid" }),
  titleId: uuid,
  addressId: uuid,
});
export type ApplyInvoiceInput = z.infer<typeof applyInvoiceInput>;

export const invoiceRequest = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  providerContact: z.object({ phone: z.string(), email: z.string() }),
  amount: z.string(),
  invoiceType: z.enum(INVOICE_TYPES),
  status: z.enum(INVOICE_STATUSES),
  title: titleSnapshot,
  address: addressSnapshot.nullable(),
  shippingPayer: z.enum(SHIPPING_PAYERS).nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
  invoiceNumber: z.string().nullable(),
  courier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  processingAt: z.string().nullable(),
  mailingAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type InvoiceRequest = z.infer<typeof invoiceRequest>;

export const invoiceQuote = z.object({
  providerId: z.string(),
  providerName: z.string(),
  amount: z.string(),
  invoiceType: z.enum(INVOICE_TYPES),
  title: titleSnapshot,
  address: addressSnapshot.nullable(),
  shippingPayer: z.enum(SHIPPING_PAYERS).nullable(),
  dueDate: z.string(),
});
export type InvoiceQuote = z.infer<typeof invoiceQuote>;

export const invoiceFilters = z
  .object({
    status: z.enum(INVOICE_STATUSES, { error: "enum.invalid" }).optional(),
    providerId: uuid.optional(),
    tenantId: uuid.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    overdue: z.enum(["true", "false"], { error: "enum.invalid" }).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["from"], message: "dateRange.invalid" });

export const invoiceListQuery = z.intersection(invoiceFilters, pageQuery);
export type InvoiceListQuery = z.infer<typeof invoiceListQuery>;

export const shipInput = z
  .object({
    invoiceNumber: z
      .string({ error: "required" })
      .trim()
      .regex(/^[0-9A-Za-z-]{8,30}$/, "invoiceNumber.invalid"),
    courier: z.enum(COURIERS, { error: "enum.invalid" }),
    courierName: z.string().trim().max(50, "tooLong:50").refine(isStorableText, "text.unstorable").optional(),
    trackingNumber: z
      .string({ error: "required" })
      .trim()
      .regex(/^[0-9A-Za-z]{6,40}$/, "trackingNumber.invalid"),
  })
  .refine((v) => v.courier !== "OTHER" || (v.courierName ?? "").length > 0, {
    path: ["courierName"],
    message: "required",
  });
export type ShipInput = z.infer<typeof shipInput>;

export const reasonInput = z.object({ reason: text(500) });
export const optionalReasonInput = z.object({
  reason: z.string().trim().max(500, "tooLong:500").refine(isStorableText, "text.unstorable").optional(),
});
