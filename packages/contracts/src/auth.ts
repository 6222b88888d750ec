import { ROLES } from "@mic/domain";
import { z } from "zod";

export const loginInput = z.object({
  email: z
    .string({ error: "email.invalid" })
    .trim()
    .toLowerCase()
    .pipe(z.email("email.invalid"))
    .pipe(z.string().max(254, "tooLong:254")),
  password: z.string({ error: "password.required" }).min(1, "password.required").max(200, "tooLong:200"),
});
export type LoginInput = z.infer<typeof loginInput>;

export const me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  tenantId: z.string().nullable(),
  providerId: z.string().nullable(),
  tenantName: z.string().nullable(),
  providerName: z.string().nullable(),
});
export type Me = z.infer<typeof me>;

/** The console's probe: signed out is a normal answer (200, `user: null`), not a 401 in the browser's log. */
export const sessionState = z.object({ user: me.nullable() });
