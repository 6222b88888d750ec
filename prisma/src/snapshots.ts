import type { InvoiceTitle, MailingAddress } from "../generated/client/client";

/** The title as a request keeps it: what was confirmed, unchanged by later edits. */
export function titleSnapshotOf(
  t: Pick<
    InvoiceTitle,
    "type" | "name" | "taxpayerId" | "registeredAddress" | "registeredPhone" | "bankName" | "bankAccount"
  >,
) {
  return {
    type: t.type,
    name: t.name,
    taxpayerId: t.taxpayerId,
    registeredAddress: t.registeredAddress,
    registeredPhone: t.registeredPhone,
    bankName: t.bankName,
    bankAccount: t.bankAccount,
  };
}

/** The mailing address as a request keeps it. */
export function addressSnapshotOf(
  a: Pick<MailingAddress, "recipient" | "phone" | "province" | "city" | "district" | "street" | "postalCode">,
) {
  return {
    recipient: a.recipient,
    phone: a.phone,
    province: a.province,
    city: a.city,
    district: a.district,
    street: a.street,
    postalCode: a.postalCode,
  };
}
