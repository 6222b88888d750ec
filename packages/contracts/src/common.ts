import { isIsoDate, parseAmount } from "@mic/domain";
import { z } from "zod";

export const text = (max: number) =>
  z.string({ error: "required" }).trim().min(1, "required").max(max, `tooLong:${max}`);

/** An optional text field: empty strings become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `tooLong:${max}`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A positive amount of money on the wire: a decimal string with at most two places. */
export const amountString = z
  .string({ error: "amount.invalid" })
  .trim()
  .refine((v) => parseAmount(v) !== null, "amount.invalid")
  .refine((v) => (parseAmount(v) ?? 0n) > 0n, "amount.positive");

export const uuid = z.uuid({ error: "id.invalid" });
export const isoDate = z.string().refine(isIsoDate, "date.invalid");

export const pageQuery = z.object({
  limit: z.coerce
    .number({ error: "limit.invalid" })
    .int("limit.invalid")
    .min(1, "limit.invalid")
    .max(100, "limit.invalid")
    .default(20),
  cursor: z.string().max(200, "cursor.invalid").optional(),
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
  "idempotency-key": z.string().max(200, "tooLong:200").optional(),
});
