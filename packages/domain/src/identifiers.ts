import { isValidUscc } from "./uscc";

// Before the USCC (2015), taxpayer ids were 15 characters (6-digit area + 9-character organisation
// code) or 20 characters (e.g. an 18-digit ID card number plus a 2-digit suffix for sole traders).
// Tax offices still honour them, and their content rules varied by region, so only length and
// charset are checked.
const LEGACY_TAXPAYER_ID_PATTERN = /^(?:[0-9A-Z]{15}|[0-9A-Z]{20})$/;

export function isValidTaxpayerId(s: string): boolean {
  return isValidUscc(s) || LEGACY_TAXPAYER_ID_PATTERN.test(s);
}

/** People paste ids with surrounding spaces and type letters in lower case; both are harmless. */
export function normaliseTaxpayerId(s: string): string {
  return s.trim().toUpperCase();
}

export function isMainlandMobile(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(s);
}

export function isPostalCode(s: string): boolean {
  return /^\d{6}$/.test(s);
}

export function isBankAccount(s: string): boolean {
  return /^\d{8,30}$/.test(s);
}

// Landline: optional area code (0 + 2–3 digits, hyphen optional), a 7–8 digit local number, optional
// extension. Companies also register 400/800 service numbers. Kept permissive beyond that: the
// number is printed on the invoice, not dialled, and a too-strict rule would block real titles.
const LANDLINE_PATTERN = /^(?:0\d{2,3}-?)?\d{7,8}(?:-\d{1,6})?$/;
const SERVICE_NUMBER_PATTERN = /^[48]00-?\d{3}-?\d{4}$/;

/** The registered phone (注册电话) of an invoice title, as printed on a VAT invoice. */
export function isPhoneNumber(s: string): boolean {
  if (s.length < 7 || s.length > 20) return false;
  return isMainlandMobile(s) || LANDLINE_PATTERN.test(s) || SERVICE_NUMBER_PATTERN.test(s);
}

/** 数电票 invoice numbers and 红字发票信息确认单编号 are 20 digits (SPEC §12, §13). */
export function isDigitalInvoiceNumber(s: string): boolean {
  return /^\d{20}$/.test(s);
}

/** 申请编号 (SPEC §11): `MI` + China date `yyyymmdd` + a 6-digit sequence of that day. */
export function requestNumber(chinaDay: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new RangeError(`request number sequence out of range: ${sequence}`);
  return `MI${chinaDay.replaceAll("-", "")}${String(sequence).padStart(6, "0")}`;
}

export function isRequestNumber(s: string): boolean {
  return /^MI\d{8}\d{6}$/.test(s);
}
