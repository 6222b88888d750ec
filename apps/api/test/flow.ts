import type { InvoiceStatus } from "@mic/domain";
import { expect } from "vitest";
import { caller } from "./client";
import type { Harness } from "./harness";

/** `app.inject` as one signed-in user; English messages so tests can read them. */
export const as = (h: Harness, cookie: string) => caller(h, cookie, { "accept-language": "en" });

export const VALID_SHIPMENT = { invoiceNumber: "04403299", courier: "SF", trackingNumber: "SF9876543210" };

export interface Actors {
  admin: string;
  staff: string;
  support: string;
}

/** Applies through the API with the tenant's default title and address; returns the request id. */
export async function apply(
  h: Harness,
  adminCookie: string,
  tenantId: string,
  providerId: string,
  amount: string,
): Promise<string> {
  const [title, address] = await Promise.all([
    h.prisma.invoiceTitle.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
    h.prisma.mailingAddress.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
  ]);
  const res = await as(h, adminCookie)("POST", "/api/invoice-requests", {
    providerId,
    amount,
    invoiceType: "PAPER_VAT_GENERAL",
    titleId: title.id,
    addressId: address.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Opens a void ticket through the API; returns its id. */
export async function openTicket(h: Harness, adminCookie: string, requestId: string): Promise<string> {
  const res = await as(h, adminCookie)("POST", "/api/tickets", {
    requestId,
    returnTrackingNumber: "YT1234567890",
    message: "抬头有误，已寄回",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** A new request walked through the API into `status`, each step by its proper role. */
export async function requestIn(
  h: Harness,
  who: Actors,
  tenantId: string,
  providerId: string,
  status: InvoiceStatus,
  amount = "1.00",
) {
  const id = await apply(h, who.admin, tenantId, providerId, amount);
  const ok = async (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);
  if (status === "CANCELLED") await ok(await as(h, who.admin)("POST", `/api/invoice-requests/${id}/cancel`));
  if (status === "PENDING" || status === "CANCELLED") return id;
  await ok(await as(h, who.staff)("POST", `/api/invoice-requests/${id}/start-processing`));
  if (status === "PROCESSING") return id;
  await ok(await as(h, who.staff)("POST", `/api/invoice-requests/${id}/ship`, VALID_SHIPMENT));
  if (status === "MAILING") return id;
  const ticketId = await openTicket(h, who.admin, id);
  await ok(await as(h, who.support)("POST", `/api/tickets/${ticketId}/void`, { reason: "退票" }));
  return id;
}

export async function balanceOf(h: Harness, tenantId: string, providerId: string) {
  return h.prisma.balance.findUniqueOrThrow({ where: { tenantId_providerId: { tenantId, providerId } } });
}

/** The invoiceable-amounts row of one provider, as the admin sees it. */
export async function amountsAt(h: Harness, adminCookie: string, providerId: string) {
  const res = await as(h, adminCookie)("GET", "/api/invoiceable-amounts");
  expect(res.statusCode).toBe(200);
  const row = res.json<{ items: Record<string, string>[] }>().items.find((i) => i.providerId === providerId);
  if (!row) throw new Error(`no balance at ${providerId}`);
  return row;
}
