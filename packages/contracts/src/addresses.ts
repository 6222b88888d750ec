import { isMainlandMobile, isPostalCode } from "@mic/domain";
import { z } from "zod";
import { text } from "./common";

/** The form and the POST body of a mailing address (邮寄地址). */
export const mailingAddressInput = z.object({
  recipient: text(50),
  phone: z.string({ error: "required" }).trim().refine(isMainlandMobile, "mobile.invalid"),
  province: text(50),
  city: text(50),
  district: text(50),
  street: text(200),
  postalCode: z.string({ error: "required" }).trim().refine(isPostalCode, "postalCode.invalid"),
  isDefault: z.boolean().default(false),
});
export type MailingAddressInput = z.input<typeof mailingAddressInput>;

export const mailingAddressPatch = mailingAddressInput.partial();

export const mailingAddress = z.object({
  id: z.string(),
  recipient: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  street: z.string(),
  postalCode: z.string(),
  isDefault: z.boolean(),
});
export type MailingAddress = z.infer<typeof mailingAddress>;

export const addressSnapshot = mailingAddress.omit({ id: true, isDefault: true });
