import { chinaDate, type InvoiceKind, type InvoiceStatus } from "@mic/domain";
import { beforeAll, expect } from "vitest";
import { caller } from "./client";
import { DEMO, type Harness, type Ids } from "./harness";

/** `app.inject` as one signed-in user; English messages so tests can read them. */
export const as = (h: Harness, cookie: string) => caller(h, cookie, { "accept-language": "en" });

export const VALID_SHIPMENT = { invoiceNumber: "04403299", courier: "SF", trackingNumber: "SF9876543210" };

export interface Actors {
  admin: string;
  staff: string;
  support: string;
}

/** Acme's admin, CloudSoft's staff and support (`Actors`), and the other tenant's admin and provider's staff. */
export interface DemoUsers extends Actors {
  globex: string;
  datawise: string;
}

/**
 * The demo's ids and a session cookie of each demo user, filled in before the file's tests (as
 * `useHarness` fills in its app): call it at the top of a file, after `useHarness`.
 */
export function useDemo(h: Harness): { ids: Ids; who: DemoUsers } {
  const ids = {} as Ids;
  const who = {} as DemoUsers;
  beforeAll(async () => {
    Object.assign(ids, await h.ids());
    // One at a time: a sign-in counts as a failure of its address until its password is verified.
    who.admin = await h.login(DEMO.acme);
    who.staff = await h.login(DEMO.cloudsoft);
    who.support = await h.login(DEMO.support);
    who.globex = await h.login(DEMO.globex);
    who.datawise = await h.login(DEMO.datawise);
  });
  return { ids, who };
}

/**
 * Applies through the API with the tenant's default title and address (paper) or an e-mail
 * (electronic); returns the request id.
 */
export async function apply(
  h: Harness,
  adminCookie: string,
  tenantId: string,
  providerId: string,
  amount: string,
  kind: InvoiceKind = "PAPER",
): Promise<string> {
  const [title, address] = await Promise.all([
    h.prisma.invoiceTitle.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
    h.prisma.mailingAddress.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
  ]);
  const res = await as(h, adminCookie)("POST", "/api/invoice-requests", {
    providerId,
    amount,
    titleId: title.id,
    ...(kind === "PAPER"
      ? { invoiceType: "PAPER_VAT_GENERAL", addressId: address.id }
      : { invoiceType: "ELECTRONIC_VAT_GENERAL", email: "finance@example.test" }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** The smallest file every PDF reader opens (a header, one empty page, a cross-reference table). */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" +
    "trailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

/** A multipart/form-data body with one part (`file` unless told), as a browser sends it. */
export function multipart(
  content: Buffer,
  filename = "发票.pdf",
  field = "file",
  type = "application/octet-stream",
) {
  const boundary = `----mic${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file as provider staff; returns the raw response. */
export function upload(
  h: Harness,
  staffCookie: string,
  requestId: string,
  content: Buffer = PDF,
  filename = "发票.pdf",
) {
  const body = multipart(content, filename);
  return h.app.inject({
    method: "POST",
    url: `/api/invoice-requests/${requestId}/files`,
    headers: { cookie: staffCookie, "accept-language": "en", ...body.headers },
    payload: body.payload,
  });
}

export const DIGITAL_NUMBER = "26352000000000099001";
export const RED_LETTER_NUMBER = "44031126120000009001";

/** Issues a PROCESSING electronic request with one uploaded PDF. */
export async function issue(h: Harness, staffCookie: string, requestId: string) {
  const file = await upload(h, staffCookie, requestId);
  expect(file.statusCode, file.body).toBe(201);
  const res = await as(h, staffCookie)("POST", `/api/invoice-requests/${requestId}/issue`, {
    invoiceNumber: DIGITAL_NUMBER,
    issuedOn: chinaDate(new Date()),
    fileIds: [file.json<{ id: string }>().id],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** Opens a return request as the admin; returns its id. */
export async function openReturn(h: Harness, adminCookie: string, requestId: string): Promise<string> {
  const res = await as(h, adminCookie)("POST", `/api/invoice-requests/${requestId}/return-requests`, {
    reason: "抬头有误",
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

/**
 * A new request walked through the API into `status`, each step by its proper role. Paper is
 * mailed and voided by a ticket; electronic is issued with a PDF and voided by a confirmed
 * red-letter reversal. REJECTED is a reject from PENDING.
 */
export async function requestIn(
  h: Harness,
  who: Actors,
  tenantId: string,
  providerId: string,
  status: InvoiceStatus,
  amount = "1.00",
  kind: InvoiceKind = "PAPER",
) {
  const id = await apply(h, who.admin, tenantId, providerId, amount, kind);
  const ok = async (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);
  if (status === "CANCELLED") await ok(await as(h, who.admin)("POST", `/api/invoice-requests/${id}/cancel`));
  if (status === "REJECTED") {
    await ok(await as(h, who.staff)("POST", `/api/invoice-requests/${id}/reject`, { reason: "抬头有误" }));
  }
  if (status === "PENDING" || status === "CANCELLED" || status === "REJECTED") return id;
  await ok(await as(h, who.staff)("POST", `/api/invoice-requests/${id}/start-processing`));
  if (status === "PROCESSING") return id;
  if (kind === "ELECTRONIC") {
    if (status === "MAILING") throw new Error("an electronic request is never MAILING");
    await issue(h, who.staff, id);
    if (status === "ISSUED") return id;
    const returnId = await openReturn(h, who.admin, id);
    await ok(
      await as(h, who.staff)("POST", `/api/return-requests/${returnId}/approve`, {
        redLetterNumber: RED_LETTER_NUMBER,
      }),
    );
    await ok(await as(h, who.admin)("POST", `/api/return-requests/${returnId}/confirm`));
    return id;
  }
  if (status === "ISSUED") throw new Error("a paper request is never ISSUED");
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
