import { isIsoDate, parseAmount } from "@mic/domain";
import { z } from "zod";

// UTF-16 surrogates without their pair have no UTF-8 form: they would be stored as U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * True when a string can be stored and given back unchanged: no NUL character (PostgreSQL refuses
 * U+0000 in text) and no lone surrogate.
 */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && !LONE_SURROGATE.test(s);
}

/**
 * Every free-text field of a body or query starts here: a string the database can store as it is
 * (message key `text.unstorable` otherwise), at most `max` characters.
 */
export const plainText = (max: number, options: { error?: string } = {}) =>
  z
    .string(options.error ? { error: options.error } : undefined)
    .max(max, `tooLong:${max}`)
    .refine(isStorableText, "text.unstorable");

export const text = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(max, `tooLong:${max}`)
    .refine(isStorableText, "text.unstorable");

/** An optional text field: empty strings become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `tooLong:${max}`)
    .refine(isStorableText, "text.unstorable")
    .nullish()
    .transform((v) => (v ? v : null));

/** A positive amount of money on the wire: a decimal string with at most two places. */
export const amountString = z
  .string({ error: "amount.invalid" })
  .trim()
  .refine((v) => parseAmount(v) !== null, "amount.invalid")
  .refine((v) => (parseAmount(v) ?? 0n) > 0n, "amount.positive");

export const uuid = z.uuid({ error: "id.invalid" });
/** The calendar dates the console works with: real dates (no 2026-02-30) from 2000 to 2099. */
const MIN_DATE = "2000-01-01";
const MAX_DATE = "2099-12-31";
export const isoDate = z
  .string({ error: "date.invalid" })
  .refine(isIsoDate, "date.invalid")
  .refine(
    (v) => !isIsoDate(v) || (v >= MIN_DATE && v <= MAX_DATE),
    `date.outOfRange:${MIN_DATE}:${MAX_DATE}`,
  );

export const pageQuery = z.object({
  limit: z.coerce
    .number({ error: "limit.invalid" })
    .int("limit.invalid")
    .min(1, "limit.invalid")
    .max(100, "limit.invalid")
    .default(20),
  cursor: z
    .string()
    .max(200, "cursor.invalid")
    .regex(/^[A-Za-z0-9_-]*$/, "cursor.invalid")
    .optional(),
});

export const idParams = z.object({ id: z.string().max(64) });

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const okBody = z.object({ ok: z.literal(true) });

/** Optional on every mutating POST: a retry with the same key and body returns the first response. */
export const idempotencyHeaders = z.object({
  "idempotency-key": plainText(200).optional(),
});
