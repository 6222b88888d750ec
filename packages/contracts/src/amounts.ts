import { INVOICE_TYPES } from "@mic/domain";
import { z } from "zod";
import { uuid } from "./common";

export const invoiceableAmount = z.object({
  providerId: z.string(),
  providerName: z.string(),
  consumed: z.string(),
  refunded: z.string(),
  pending: z.string(),
  processing: z.string(),
  mailing: z.string(),
  issued: z.string(),
  invoiced: z.string(),
  invoiceable: z.string(),
  overInvoiced: z.string(),
  withdrawn: z.string(),
  withdrawable: z.string(),
  invoiceTypes: z.array(z.enum(INVOICE_TYPES)),
  contactPhone: z.string(),
  contactEmail: z.string(),
});
export type InvoiceableAmount = z.infer<typeof invoiceableAmount>;

/** Support may look at one tenant's figures; an admin always sees its own. */
export const invoiceableQuery = z.object({ tenantId: uuid.optional() });

export const provider = z.object({
  id: z.string(),
  name: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  invoiceTypes: z.array(z.enum(INVOICE_TYPES)),
});
export type Provider = z.infer<typeof provider>;

export const tenant = z.object({ id: z.string(), name: z.string() });
