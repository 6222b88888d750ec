import {
  TITLE_TYPES,
  isBankAccount,
  isPhoneNumber,
  isValidTaxpayerId,
  normaliseTaxpayerId,
} from "@mic/domain";
import { z } from "zod";
import { optionalText, plainText, text } from "./common";

const titleFields = z.object({
  type: z.enum(TITLE_TYPES, { error: "enum.invalid" }),
  name: text(100),
  taxpayerId: optionalText(20).transform((v) => (v ? normaliseTaxpayerId(v) : null)),
  registeredAddress: optionalText(200),
  registeredPhone: optionalText(20).refine((v) => v === null || isPhoneNumber(v), "phone.invalid"),
  bankName: optionalText(100),
  bankAccount: optionalText(30).refine((v) => v === null || isBankAccount(v), "bankAccount.invalid"),
  isDefault: z.boolean().default(false),
});

/** The form and the POST body of an invoice title (发票抬头); PATCH merges then checks this too. */
export const invoiceTitleInput = titleFields.superRefine((v, ctx) => {
  if (v.type === "ENTERPRISE" && !v.taxpayerId) {
    ctx.addIssue({ code: "custom", path: ["taxpayerId"], message: "taxpayerId.required" });
  } else if (v.type === "INDIVIDUAL" && v.taxpayerId) {
    ctx.addIssue({ code: "custom", path: ["taxpayerId"], message: "taxpayerId.notForIndividual" });
  } else if (v.taxpayerId && !isValidTaxpayerId(v.taxpayerId)) {
    ctx.addIssue({ code: "custom", path: ["taxpayerId"], message: "taxpayerId.invalid" });
  }
});
export type InvoiceTitleInput = z.input<typeof invoiceTitleInput>;

/** PATCH body: any subset of the fields; the merged title is checked with invoiceTitleInput. */
export const invoiceTitlePatch = z.object({
  type: z.enum(TITLE_TYPES, { error: "enum.invalid" }).optional(),
  name: plainText(1000).optional(),
  taxpayerId: plainText(1000).nullish(),
  registeredAddress: plainText(1000).nullish(),
  registeredPhone: plainText(1000).nullish(),
  bankName: plainText(1000).nullish(),
  bankAccount: plainText(1000).nullish(),
  isDefault: z.boolean().optional(),
});

export const invoiceTitle = z.object({
  id: z.string(),
  type: z.enum(TITLE_TYPES),
  name: z.string(),
  taxpayerId: z.string().nullable(),
  registeredAddress: z.string().nullable(),
  registeredPhone: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  isDefault: z.boolean(),
});
export type InvoiceTitle = z.infer<typeof invoiceTitle>;

export const titleSnapshot = invoiceTitle.omit({ id: true, isDefault: true });
