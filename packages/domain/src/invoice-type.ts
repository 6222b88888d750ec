export const INVOICE_TYPES = [
  "PAPER_VAT_GENERAL",
  "PAPER_VAT_SPECIAL",
  "ELECTRONIC_VAT_GENERAL",
  "ELECTRONIC_VAT_SPECIAL",
] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];

/** SPEC §5: paper VAT general invoice (增值税普通发票（纸质）) unless a provider declares others. */
export const DEFAULT_INVOICE_TYPE: InvoiceType = "PAPER_VAT_GENERAL";

export const TITLE_TYPES = ["ENTERPRISE", "INDIVIDUAL", "ORGANIZATION"] as const;
export type TitleType = (typeof TITLE_TYPES)[number];

export interface TitleForInvoice {
  type: TitleType;
  taxpayerId: string | null;
  registeredAddress: string | null;
  registeredPhone: string | null;
  bankName: string | null;
  bankAccount: string | null;
}

export const TITLE_FIELDS = [
  "taxpayerId",
  "registeredAddress",
  "registeredPhone",
  "bankName",
  "bankAccount",
] as const;
export type TitleField = (typeof TITLE_FIELDS)[number];

export function isInvoiceType(value: unknown): value is InvoiceType {
  return typeof value === "string" && (INVOICE_TYPES as readonly string[]).includes(value);
}

/** A VAT special invoice lets the buyer deduct input tax, which only a registered taxpayer can do. */
export function titleTypeAllowed(titleType: TitleType, invoiceType: InvoiceType): boolean {
  return !(titleType === "INDIVIDUAL" && isSpecialInvoice(invoiceType));
}

/** 专用发票, paper or electronic (数电专票): the same title rules (SPEC §6, §12). */
export function isSpecialInvoice(invoiceType: InvoiceType): boolean {
  return invoiceType === "PAPER_VAT_SPECIAL" || invoiceType === "ELECTRONIC_VAT_SPECIAL";
}

function requiredFields(title: TitleForInvoice, invoiceType: InvoiceType): readonly TitleField[] {
  if (isSpecialInvoice(invoiceType)) return TITLE_FIELDS;
  return title.type === "ENTERPRISE" ? ["taxpayerId"] : [];
}

/**
 * Fields in TITLE_FIELDS order. Whitespace-only counts as missing like the empty string: it would
 * print a blank line on the invoice all the same.
 */
export function missingTitleFields(title: TitleForInvoice, invoiceType: InvoiceType): TitleField[] {
  return requiredFields(title, invoiceType).filter((field) => (title[field] ?? "").trim() === "");
}
