import {
  INVOICE_STATUSES,
  INVOICE_TYPES,
  isDigitalInvoiceNumber,
  kindOf,
  RETURN_REQUEST_STATUSES,
  type InvoiceType,
} from "@mic/domain";
import { z } from "zod";
import { addressSnapshot } from "./addresses";
import { amountString, isStorableText, isoDate, pageQuery, plainText, text, uuid } from "./common";
import { titleSnapshot } from "./titles";

export const SHIPPING_PAYERS = ["PROVIDER", "RECIPIENT_COD"] as const;

/** 收票邮箱 of an electronic invoice (SPEC §12). */
export const receiptEmail = z
  .string({ error: "email.invalid" })
  .trim()
  .max(254, "tooLong:254")
  .pipe(z.email("email.invalid"));

/** A field a client may leave out or send as null: either way it is absent. */
const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

const isInvoiceType = (v: unknown): v is InvoiceType =>
  typeof v === "string" && (INVOICE_TYPES as readonly string[]).includes(v);

/**
 * Body of apply (POST /api/invoice-requests) and of its quote. A paper type needs `addressId`, an
 * electronic one `email` (SPEC §12); the field the type does not use is ignored, whatever it holds,
 * and is not stored. The check runs even when other fields fail, so a form shows every error.
 */
export const applyInvoiceInput = z
  .object({
    providerId: uuid,
    amount: amountString,
    invoiceType: z.enum(INVOICE_TYPES, { error: "enum.invalid" }),
    titleId: uuid,
    /** Paper types: the mailing address (required). Ignored for electronic types. */
    addressId: optionalString,
    /** Electronic types: 收票邮箱 (required). Ignored for paper types. */
    email: optionalString,
  })
  .superRefine(
    (v, ctx) => {
      // With `when`, this runs even when other fields failed: a field of the wrong type has its
      // own issue already, so only strings and absent values are looked at here.
      const field = (value: unknown) =>
        typeof value === "string" ? value.trim() : value == null ? "" : null;
      const paper = kindOf(v.invoiceType) === "PAPER";
      const [key, value] = paper
        ? (["addressId", field(v.addressId)] as const)
        : (["email", field(v.email)] as const);
      if (value === null) return;
      if (value === "") {
        ctx.addIssue({ code: "custom", path: [key], message: "required" });
        return;
      }
      const checked = (paper ? uuid : receiptEmail).safeParse(value);
      if (!checked.success)
        ctx.addIssue({ code: "custom", path: [key], message: checked.error.issues[0]!.message });
    },
    {
      when: (payload) => {
        const v = payload.value as { invoiceType?: unknown } | null;
        return typeof v === "object" && v !== null && isInvoiceType(v.invoiceType);
      },
    },
  );
export type ApplyInvoiceInput = z.infer<typeof applyInvoiceInput>;

/** An issued e-invoice file as every reply shows it (SPEC §12); the content is downloaded on its own. */
export const invoiceFile = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type InvoiceFile = z.infer<typeof invoiceFile>;

/** The latest return request (退票申请) of a request, as the request's reply carries it (SPEC §13). */
export const returnRequestSummary = z.object({
  id: z.string(),
  status: z.enum(RETURN_REQUEST_STATUSES),
  reason: z.string(),
  decisionReason: z.string().nullable(),
  redLetterNumber: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ReturnRequestSummary = z.infer<typeof returnRequestSummary>;

export const invoiceRequest = z.object({
  id: z.string(),
  /** 申请编号 (SPEC §11): MI + China date + the day's sequence. */
  number: z.string(),
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
  /** 收票邮箱 of an electronic request; null for paper. */
  email: z.string().nullable(),
  shippingPayer: z.enum(SHIPPING_PAYERS).nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
  invoiceNumber: z.string().nullable(),
  /** The courier's name (顺丰速运, or what staff typed). */
  courier: z.string().nullable(),
  /** The console's code of a common courier (SF, …); null for other couriers. */
  courierCode: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  /** 开票日期 of an issued e-invoice (China date). */
  issuedOn: z.string().nullable(),
  files: z.array(invoiceFile),
  rejectReason: z.string().nullable(),
  returnRequest: returnRequestSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  processingAt: z.string().nullable(),
  mailingAt: z.string().nullable(),
  issuedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
});
export type InvoiceRequest = z.infer<typeof invoiceRequest>;

export const invoiceQuote = z.object({
  providerId: z.string(),
  providerName: z.string(),
  amount: z.string(),
  invoiceType: z.enum(INVOICE_TYPES),
  title: titleSnapshot,
  address: addressSnapshot.nullable(),
  email: z.string().nullable(),
  shippingPayer: z.enum(SHIPPING_PAYERS).nullable(),
  dueDate: z.string(),
});
export type InvoiceQuote = z.infer<typeof invoiceQuote>;

/**
 * `q` (SPEC §11): an exact request number, invoice number, tracking number or return tracking
 * number. Blank means no search.
 */
export const searchQuery = plainText(40)
  .transform((v) => v.trim())
  .optional();

export const invoiceFilters = z
  .object({
    status: z.enum(INVOICE_STATUSES, { error: "enum.invalid" }).optional(),
    providerId: uuid.optional(),
    tenantId: uuid.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    overdue: z.enum(["true", "false"], { error: "enum.invalid" }).optional(),
    q: searchQuery,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["from"], message: "dateRange.invalid" });

export const invoiceListQuery = z.intersection(invoiceFilters, pageQuery);
export type InvoiceListQuery = z.infer<typeof invoiceListQuery>;

/**
 * `courier` is a name (顺丰速运, or any other courier's, 1–50 characters) or one of the console's
 * codes (SF, EMS, JD, …): see `courierOf`. The console's "OTHER" with `courierName` still works.
 */
export const shipInput = z
  .object({
    invoiceNumber: z
      .string({ error: "required" })
      .trim()
      .regex(/^[0-9A-Za-z-]{8,30}$/, "invoiceNumber.invalid"),
    courier: text(50),
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

/** 驳回 (SPEC §13): the reason the tenant will read, 1–200 characters. */
export const rejectInput = z.object({ reason: text(200) });

/** 20 digits: a 数电票 number or a 红字发票信息确认单编号. */
export const digitalNumber = (message: string) =>
  z.string({ error: "required" }).trim().refine(isDigitalInvoiceNumber, message);

/** PROCESSING → ISSUED (SPEC §12). `issuedOn` is checked against today and the submission day by the API. */
export const issueInput = z.object({
  invoiceNumber: digitalNumber("invoiceNumber.digital"),
  issuedOn: isoDate,
  fileIds: z.array(uuid, { error: "fileIds.required" }).min(1, "fileIds.required").max(20, "fileIds.tooMany"),
});
export type IssueInput = z.infer<typeof issueInput>;

export const fileParams = z.object({ id: z.string().max(64), fileId: z.string().max(64) });

/** The upload's limit (SPEC §12): 5 MiB. */
export const MAX_INVOICE_FILE_BYTES = 5 * 1024 * 1024;
