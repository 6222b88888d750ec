import { INVOICE_STATUSES, RETURN_REQUEST_STATUSES } from "@mic/domain";
import { z } from "zod";
import { digitalNumber } from "./invoices";
import { pageQuery, text, uuid } from "./common";

/** POST /api/invoice-requests/:id/return-requests (SPEC §13). */
export const returnRequestInput = z.object({ reason: text(200) });
export type ReturnRequestInput = z.infer<typeof returnRequestInput>;

/** approve: `redLetterNumber` (红字发票信息确认单编号) is required when the request is ISSUED. */
export const approveReturnInput = z.object({
  redLetterNumber: digitalNumber("redLetterNumber.invalid").optional(),
});
export const declineReturnInput = z.object({ reason: text(200) });

export const returnRequest = z.object({
  id: z.string(),
  requestId: z.string(),
  /** The invoice request's 申请编号 (SPEC §11). */
  requestNumber: z.string(),
  requestStatus: z.enum(INVOICE_STATUSES),
  tenantId: z.string(),
  tenantName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  amount: z.string(),
  reason: z.string(),
  status: z.enum(RETURN_REQUEST_STATUSES),
  decisionReason: z.string().nullable(),
  redLetterNumber: z.string().nullable(),
  /** AWAITING_BUYER: the buyer confirms before this instant, or it expires. */
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ReturnRequest = z.infer<typeof returnRequest>;

export const returnRequestListQuery = z.intersection(
  z.object({
    status: z.enum(RETURN_REQUEST_STATUSES, { error: "enum.invalid" }).optional(),
    requestId: uuid.optional(),
  }),
  pageQuery,
);
