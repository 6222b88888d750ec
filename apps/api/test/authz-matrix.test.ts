/**
 * The authorization matrix (SPEC §1, §8; issue 7 deliverable 4): every route of the app's own
 * route table × every principal (the admins of Acme and Globex, the staff of CloudSoft and
 * DataWise, support, signed out) × an object of their own and one of the other tenant/provider.
 *
 * Expected: 401 signed out, 403 for a role the route is not for, 404 for the other tenant's or
 * provider's object, 2xx (or 409 where the state forbids it) for their own. A route without an
 * expectation here fails the test, so a new route cannot be left out. Every 2xx body is scanned
 * for the ids (and names) of what the principal may not see: the leak count must be 0.
 */
import { chinaDate, INVOICE_TYPES, type InvoiceKind, type InvoiceStatus, type Role } from "@mic/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DIGITAL_NUMBER,
  multipart,
  openReturn,
  PDF,
  RED_LETTER_NUMBER,
  VALID_SHIPMENT,
  openTicket,
  requestIn,
  upload,
} from "./flow";
import { DEMO, useHarness, type Ids } from "./harness";

const h = useHarness();

const PRINCIPALS = ["anon", "acme", "globex", "cloudsoft", "datawise", "support"] as const;
type Principal = (typeof PRINCIPALS)[number];
type SignedIn = Exclude<Principal, "anon">;
type Tenant = "acme" | "globex";
type ProviderName = "cloudsoft" | "datawise";
type Whose = "own" | "other";

const ROLE: Record<SignedIn, Role> = {
  acme: "ENTERPRISE_ADMIN",
  globex: "ENTERPRISE_ADMIN",
  cloudsoft: "PROVIDER_STAFF",
  datawise: "PROVIDER_STAFF",
  support: "SUPPORT",
};
const OTHER_TENANT: Record<Tenant, Tenant> = { acme: "globex", globex: "acme" };
const OTHER_PROVIDER: Record<ProviderName, ProviderName> = { cloudsoft: "datawise", datawise: "cloudsoft" };
const isTenant = (p: Principal): p is Tenant => p === "acme" || p === "globex";
const isProvider = (p: Principal): p is ProviderName => p === "cloudsoft" || p === "datawise";

interface Req {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  url: string;
  payload?: unknown;
  /** Another session of the same principal (sign-out must not end the matrix's own session). */
  cookie?: string;
  /** More headers (a multipart upload's content type). */
  headers?: Record<string, string>;
}

interface RouteSpec {
  /** Roles the route is for; "public" when anyone, signed in or not, may call it. */
  roles: readonly Role[] | "public";
  /** The request of an allowed principal against its own object, or the other tenant's/provider's. */
  build(p: Principal, whose: Whose): Promise<Req>;
  /** Statuses for an allowed principal and its own object. */
  own: readonly number[];
  /**
   * The other tenant's/provider's object: "404" (the default for routes with one), "scoped"
   * (a list or filter naming the other: 200, but only the principal's own data), "same" (200 and
   * exactly what the principal gets without naming the other), or absent (nothing to name).
   */
  other?: "404" | "scoped" | "same";
}

let ids: Ids;
const cookies = {} as Record<SignedIn, string>;
let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

const tenantId = (t: Tenant) => ids[t];
const providerId = (p: ProviderName) => ids[p];
const defaults = async (t: Tenant) => {
  const [title, address] = await Promise.all([
    h.prisma.invoiceTitle.findFirstOrThrow({ where: { tenantId: tenantId(t), isDefault: true } }),
    h.prisma.mailingAddress.findFirstOrThrow({ where: { tenantId: tenantId(t), isDefault: true } }),
  ]);
  return { titleId: title.id, addressId: address.id };
};

/** The tenant and provider of "own"/"other" for a principal (support and refused ones use Acme at CloudSoft). */
function placeOf(p: Principal, whose: Whose): { tenant: Tenant; provider: ProviderName } {
  if (isTenant(p)) return { tenant: whose === "own" ? p : OTHER_TENANT[p], provider: "cloudsoft" };
  if (isProvider(p)) return { tenant: "acme", provider: whose === "own" ? p : OTHER_PROVIDER[p] };
  return whose === "own"
    ? { tenant: "acme", provider: "cloudsoft" }
    : { tenant: "globex", provider: "datawise" };
}

/** A new request of that tenant at that provider, walked into `status` by the proper roles. */
function freshRequest(p: Principal, whose: Whose, status: InvoiceStatus, kind: InvoiceKind = "PAPER") {
  const { tenant, provider } = placeOf(p, whose);
  return requestIn(
    h,
    { admin: cookies[tenant], staff: cookies[provider], support: cookies.support },
    tenantId(tenant),
    providerId(provider),
    status,
    "0.01",
    kind,
  );
}

/** A PROCESSING e-invoice request with one uploaded PDF: `/api/invoice-requests/:id/files/:fileId`. */
async function freshFile(p: Principal, whose: Whose) {
  const requestId = await freshRequest(p, whose, "PROCESSING", "ELECTRONIC");
  const res = await upload(h, cookies[placeOf(p, whose).provider], requestId);
  expect(res.statusCode, res.body).toBe(201);
  return { requestId, url: `/api/invoice-requests/${requestId}/files/${res.json<{ id: string }>().id}` };
}

/** An OPEN return request on a request walked into `status`. */
async function freshReturn(p: Principal, whose: Whose, status: InvoiceStatus, kind: InvoiceKind = "PAPER") {
  const requestId = await freshRequest(p, whose, status, kind);
  return openReturn(h, cookies[placeOf(p, whose).tenant], requestId);
}

/** One PENDING request per tenant × provider, made once, for the read routes. */
const standing = {} as Record<`${Tenant}:${ProviderName}`, string>;
const standingOf = (p: Principal, whose: Whose) => {
  const { tenant, provider } = placeOf(p, whose);
  return standing[`${tenant}:${provider}`];
};

async function freshTicket(tenant: Tenant) {
  const requestId = await freshRequest(tenant, "own", "MAILING");
  return openTicket(h, cookies[tenant], requestId);
}

const ADDRESS = {
  recipient: "张三",
  phone: "13800138000",
  province: "上海市",
  city: "上海市",
  district: "浦东新区",
  street: "世纪大道 100 号",
  postalCode: "200120",
};

const ADMIN = ["ENTERPRISE_ADMIN"] as const;
const STAFF = ["PROVIDER_STAFF"] as const;
const SUPPORT = ["SUPPORT"] as const;
const ALL = ["ENTERPRISE_ADMIN", "PROVIDER_STAFF", "SUPPORT"] as const;
const RECORDS = ["ENTERPRISE_ADMIN", "SUPPORT"] as const;

const tenantOfPrincipal = (p: Principal, whose: Whose) => placeOf(p, whose).tenant;
const get = (url: string): Req => ({ method: "GET", url });
const docs = (url: string): RouteSpec => ({ roles: "public", own: [200, 302], build: async () => get(url) });

/** Two kinds of tenant record, the same five routes each. */
function tenantRecordRoutes(
  base: string,
  kind: "title" | "address",
  body: () => object,
): Record<string, RouteSpec> {
  const existing = async (p: Principal, whose: Whose) => {
    const tenant = tenantOfPrincipal(p, whose);
    const { titleId, addressId } = await defaults(tenant);
    return kind === "title" ? titleId : addressId;
  };
  const fresh = async (p: Principal, whose: Whose) => {
    const tenant = tenantOfPrincipal(p, whose);
    const data = { tenantId: tenantId(tenant), isDefault: false };
    const row =
      kind === "title"
        ? await h.prisma.invoiceTitle.create({
            data: { ...data, type: "INDIVIDUAL", name: `matrix ${unique()}` },
          })
        : await h.prisma.mailingAddress.create({ data: { ...data, ...ADDRESS } });
    return row.id;
  };
  return {
    [`GET ${base}`]: { roles: ADMIN, own: [200], build: async () => get(base) },
    [`POST ${base}`]: {
      roles: ADMIN,
      own: [201],
      build: async () => ({ method: "POST", url: base, payload: body() }),
    },
    [`GET ${base}/:id`]: {
      roles: ADMIN,
      own: [200],
      other: "404",
      build: async (p, whose) => get(`${base}/${await existing(p, whose)}`),
    },
    [`PATCH ${base}/:id`]: {
      roles: ADMIN,
      own: [200],
      other: "404",
      build: async (p, whose) => ({
        method: "PATCH",
        url: `${base}/${await fresh(p, whose)}`,
        payload: kind === "title" ? { name: `renamed ${unique()}` } : { recipient: "李四" },
      }),
    },
    [`DELETE ${base}/:id`]: {
      roles: ADMIN,
      own: [200],
      other: "404",
      build: async (p, whose) => ({ method: "DELETE", url: `${base}/${await fresh(p, whose)}` }),
    },
  };
}

/** An application at CloudSoft with the default title and address of the own or the other tenant. */
async function applyBody(p: Principal, whose: Whose) {
  return {
    providerId: providerId("cloudsoft"),
    amount: "0.01",
    invoiceType: "PAPER_VAT_GENERAL",
    ...(await defaults(placeOf(p, whose).tenant)),
  };
}

const SPECS: Record<string, RouteSpec> = {
  "GET /api/docs": docs("/api/docs"),
  "GET /api/docs/static/index.html": docs("/api/docs/static/index.html"),
  "GET /api/docs/static/swagger-initializer.js": docs("/api/docs/static/swagger-initializer.js"),
  "GET /api/docs/json": docs("/api/docs/json"),
  "GET /api/docs/yaml": docs("/api/docs/yaml"),
  "GET /api/docs/static/*": docs("/api/docs/static/swagger-ui.css"),
  "GET /api/openapi.json": { roles: "public", own: [200], build: async () => get("/api/openapi.json") },
  "GET /api/health": { roles: "public", own: [200], build: async () => get("/api/health") },
  "GET /api/health/live": { roles: "public", own: [200], build: async () => get("/api/health/live") },
  "POST /api/auth/login": {
    roles: "public",
    own: [200],
    build: async (p) => ({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: DEMO[p === "anon" ? "acme" : p], password: "demo-password" },
    }),
  },
  "POST /api/auth/logout": {
    roles: "public",
    own: [200],
    build: async (p) => ({
      method: "POST",
      url: "/api/auth/logout",
      ...(p === "anon" ? {} : { cookie: await h.login(DEMO[p]) }),
    }),
  },
  "GET /api/auth/me": { roles: ALL, own: [200], build: async () => get("/api/auth/me") },
  "GET /api/auth/session": { roles: "public", own: [200], build: async () => get("/api/auth/session") },
  "GET /api/providers": { roles: ALL, own: [200], build: async () => get("/api/providers") },
  "GET /api/tenants": { roles: SUPPORT, own: [200], build: async () => get("/api/tenants") },
  "GET /api/invoiceable-amounts": {
    roles: RECORDS,
    own: [200],
    other: "same",
    build: async (p, whose) => {
      // Support names the tenant; an admin naming the other tenant still gets its own figures.
      if (p === "support" || whose === "other" || !isTenant(p))
        return get(`/api/invoiceable-amounts?tenantId=${tenantId(placeOf(p, whose).tenant)}`);
      return get("/api/invoiceable-amounts");
    },
  },
  ...tenantRecordRoutes("/api/invoice-titles", "title", () => ({
    type: "INDIVIDUAL",
    name: `matrix ${unique()}`,
  })),
  ...tenantRecordRoutes("/api/mailing-addresses", "address", () => ADDRESS),
  "POST /api/invoice-requests/quote": {
    roles: ADMIN,
    own: [200],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: "/api/invoice-requests/quote",
      payload: await applyBody(p, whose),
    }),
  },
  "POST /api/invoice-requests": {
    roles: ADMIN,
    own: [201],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: "/api/invoice-requests",
      payload: await applyBody(p, whose),
    }),
  },
  "GET /api/invoice-requests": {
    roles: ALL,
    own: [200],
    other: "scoped",
    build: async (p, whose) => {
      if (whose === "own") return get("/api/invoice-requests?limit=100");
      const { tenant, provider } = placeOf(p, "other");
      return get(
        `/api/invoice-requests?limit=100&tenantId=${tenantId(tenant)}&providerId=${providerId(provider)}`,
      );
    },
  },
  "GET /api/invoice-requests/export.csv": {
    roles: ALL,
    own: [200],
    other: "scoped",
    build: async (p, whose) => {
      if (whose === "own") return get("/api/invoice-requests/export.csv");
      const { tenant, provider } = placeOf(p, "other");
      return get(
        `/api/invoice-requests/export.csv?tenantId=${tenantId(tenant)}&providerId=${providerId(provider)}`,
      );
    },
  },
  "GET /api/invoice-requests/:id": {
    roles: ALL,
    own: [200],
    other: "404",
    build: async (p, whose) => get(`/api/invoice-requests/${standingOf(p, whose)}`),
  },
  "POST /api/invoice-requests/:id/cancel": {
    roles: ADMIN,
    own: [200],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/invoice-requests/${await freshRequest(p, whose, "PENDING")}/cancel`,
    }),
  },
  "POST /api/invoice-requests/:id/start-processing": {
    roles: STAFF,
    own: [200],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/invoice-requests/${await freshRequest(p, whose, "PENDING")}/start-processing`,
    }),
  },
  "POST /api/invoice-requests/:id/ship": {
    roles: STAFF,
    own: [200],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/invoice-requests/${await freshRequest(p, whose, "PROCESSING")}/ship`,
      payload: VALID_SHIPMENT,
    }),
  },
  "POST /api/invoice-requests/:id/issue": {
    roles: STAFF,
    own: [200],
    other: "404",
    build: async (p, whose) => {
      const { requestId, url } = await freshFile(p, whose);
      return {
        method: "POST",
        url: `/api/invoice-requests/${requestId}/issue`,
        payload: {
          invoiceNumber: DIGITAL_NUMBER,
          issuedOn: chinaDate(new Date()),
          fileIds: [url.split("/").pop()],
        },
      };
    },
  },
  "POST /api/invoice-requests/:id/reject": {
    roles: STAFF,
    own: [200],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/invoice-requests/${await freshRequest(p, whose, "PENDING")}/reject`,
      payload: { reason: "抬头有误" },
    }),
  },
  "POST /api/invoice-requests/:id/files": {
    roles: STAFF,
    own: [201],
    other: "404",
    build: async (p, whose) => {
      const requestId = await freshRequest(p, whose, "PROCESSING", "ELECTRONIC");
      const body = multipart(PDF);
      return {
        method: "POST",
        url: `/api/invoice-requests/${requestId}/files`,
        payload: body.payload,
        headers: body.headers,
      };
    },
  },
  "DELETE /api/invoice-requests/:id/files/:fileId": {
    roles: STAFF,
    own: [200],
    other: "404",
    build: async (p, whose) => ({ method: "DELETE", url: (await freshFile(p, whose)).url }),
  },
  "GET /api/invoice-requests/:id/files/:fileId": {
    roles: ALL,
    own: [200],
    other: "404",
    build: async (p, whose) => get((await freshFile(p, whose)).url),
  },
  "POST /api/invoice-requests/:id/return-requests": {
    roles: ADMIN,
    own: [201],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/invoice-requests/${await freshRequest(p, whose, "PROCESSING")}/return-requests`,
      payload: { reason: "金额有误" },
    }),
  },
  "GET /api/return-requests": {
    roles: ALL,
    own: [200],
    other: "scoped",
    build: async (p, whose) => {
      if (whose === "own") return get("/api/return-requests?limit=100");
      const { tenant, provider } = placeOf(p, "other");
      // The signed-out are refused before anything is looked up: any id does for them.
      const other = await h.prisma.returnRequest.findFirst({
        where: { tenantId: tenantId(tenant), providerId: providerId(provider) },
      });
      return get(
        `/api/return-requests?requestId=${other?.requestId ?? "0190a000-0000-7000-8000-000000000000"}`,
      );
    },
  },
  "POST /api/return-requests/:id/approve": {
    roles: STAFF,
    own: [200],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/return-requests/${await freshReturn(p, whose, "ISSUED", "ELECTRONIC")}/approve`,
      payload: { redLetterNumber: RED_LETTER_NUMBER },
    }),
  },
  "POST /api/return-requests/:id/decline": {
    roles: STAFF,
    own: [200],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/return-requests/${await freshReturn(p, whose, "MAILING")}/decline`,
      payload: { reason: "已寄出，不支持退票" },
    }),
  },
  "POST /api/return-requests/:id/confirm": {
    roles: ADMIN,
    own: [200],
    other: "404",
    build: async (p, whose) => {
      const returnId = await freshReturn(p, whose, "ISSUED", "ELECTRONIC");
      const approved = await h.app.inject({
        method: "POST",
        url: `/api/return-requests/${returnId}/approve`,
        headers: { cookie: cookies[placeOf(p, whose).provider] },
        payload: { redLetterNumber: RED_LETTER_NUMBER },
      });
      expect(approved.statusCode, approved.body).toBe(200);
      return { method: "POST", url: `/api/return-requests/${returnId}/confirm` };
    },
  },
  "GET /api/provider-queue": {
    roles: STAFF,
    own: [200],
    build: async () => get("/api/provider-queue?limit=100"),
  },
  "GET /api/tickets": {
    roles: RECORDS,
    own: [200],
    other: "scoped",
    build: async (p, whose) => {
      if (whose === "own") return get("/api/tickets?limit=100");
      const ticket = await h.prisma.ticket.findFirstOrThrow({
        where: { tenantId: tenantId(placeOf(p, "other").tenant) },
      });
      return get(`/api/tickets?requestId=${ticket.requestId}`);
    },
  },
  "POST /api/tickets": {
    roles: ADMIN,
    own: [201],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: "/api/tickets",
      payload: {
        requestId: await freshRequest(p, whose, "MAILING"),
        returnTrackingNumber: "YT1234567890",
        message: "抬头有误，已寄回",
      },
    }),
  },
  "POST /api/tickets/:id/void": {
    roles: SUPPORT,
    own: [200],
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/tickets/${await freshTicket(placeOf(p, whose).tenant)}/void`,
      payload: { reason: "退票" },
    }),
  },
  "POST /api/tickets/:id/reject": {
    roles: SUPPORT,
    own: [200],
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/tickets/${await freshTicket(placeOf(p, whose).tenant)}/reject`,
      payload: { reason: "未收到退回的发票" },
    }),
  },
  "GET /api/refunds": { roles: SUPPORT, own: [200], build: async () => get("/api/refunds?limit=100") },
  "POST /api/refunds": {
    roles: SUPPORT,
    own: [201],
    build: async () => ({
      method: "POST",
      url: "/api/refunds",
      payload: { tenantId: ids.acme, providerId: ids.netguard, amount: "0.01", reference: `RF-${unique()}` },
    }),
  },
  "GET /api/withdrawals": { roles: ADMIN, own: [200], build: async () => get("/api/withdrawals?limit=100") },
  "POST /api/withdrawals": {
    roles: ADMIN,
    // 201 where refunded money waits (Acme at NetGuard, after the refunds above), else 409.
    own: [201, 409],
    build: async () => ({
      method: "POST",
      url: "/api/withdrawals",
      payload: { providerId: ids.netguard, amount: "0.01" },
    }),
  },
  "GET /api/audit-events": {
    roles: RECORDS,
    own: [200],
    other: "scoped",
    build: async (p, whose) => {
      if (whose === "own") return get("/api/audit-events?limit=100");
      const tenant = tenantId(placeOf(p, "other").tenant);
      const event = await h.prisma.auditEvent.findFirstOrThrow({ where: { tenantId: tenant } });
      return get(`/api/audit-events?limit=100&tenantId=${tenant}&entityId=${event.entityId}`);
    },
  },
  "GET /api/calendar-days": { roles: ALL, own: [200], build: async () => get("/api/calendar-days") },
  "POST /api/calendar-days": {
    roles: SUPPORT,
    own: [201],
    build: async () => ({
      method: "POST",
      url: "/api/calendar-days",
      payload: { date: freeDate(), kind: "HOLIDAY", name: "矩阵" },
    }),
  },
  "DELETE /api/calendar-days/:date": {
    roles: SUPPORT,
    own: [200],
    build: async () => {
      const date = freeDate();
      await h.prisma.calendarDay.create({
        data: { date: new Date(`${date}T00:00:00Z`), kind: "HOLIDAY", name: "矩阵" },
      });
      return { method: "DELETE", url: `/api/calendar-days/${date}` };
    },
  },
};

const userIdOf = async (p: SignedIn) =>
  (await h.prisma.user.findUniqueOrThrow({ where: { email: DEMO[p] } })).id;

/** A notification of the principal's own user, or of another user's. */
async function freshNotification(p: Principal, whose: Whose) {
  const owner: SignedIn = whose === "own" && p !== "anon" ? p : p === "acme" ? "globex" : "acme";
  const row = await h.prisma.notification.create({
    data: { userId: await userIdOf(owner), type: "ticket.created", params: { number: "MI20261201000001" } },
  });
  return row.id;
}

/** An endpoint of the principal's tenant or provider (own), or of the other one. */
async function freshEndpoint(p: Principal, whose: Whose) {
  const owner = isTenant(p)
    ? { tenantId: tenantId(whose === "own" ? p : OTHER_TENANT[p]) }
    : isProvider(p)
      ? { providerId: providerId(whose === "own" ? p : OTHER_PROVIDER[p]) }
      : { tenantId: ids.acme };
  const row = await h.prisma.webhookEndpoint.create({
    data: {
      ...owner,
      url: "https://93.184.216.34/hook",
      events: ["ticket.created"],
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      createdById: await userIdOf("acme"),
    },
  });
  return row.id;
}

/** A finished attempt on such an endpoint. */
async function freshDelivery(p: Principal, whose: Whose) {
  const endpointId = await freshEndpoint(p, whose);
  const event = await h.prisma.outboxEvent.create({ data: { type: "ticket.created", payload: {} } });
  const delivery = await h.prisma.webhookDelivery.create({
    data: { eventId: event.id, endpointId, attempt: 1, status: "FAILED", statusCode: 500, runAt: new Date() },
  });
  return `/api/webhook-endpoints/${endpointId}/deliveries/${delivery.id}`;
}

const OWNERS = ["ENTERPRISE_ADMIN", "PROVIDER_STAFF"] as const;
const NOTIFICATION_SPECS: Record<string, RouteSpec> = {
  "GET /api/notifications": {
    roles: ALL,
    own: [200],
    build: async () => get("/api/notifications?unread=true"),
  },
  "GET /api/notifications/unread-count": {
    roles: ALL,
    own: [200],
    build: async () => get("/api/notifications/unread-count"),
  },
  "POST /api/notifications/:id/read": {
    roles: ALL,
    own: [200],
    other: "404",
    build: async (p, whose) => ({
      method: "POST",
      url: `/api/notifications/${await freshNotification(p, whose)}/read`,
    }),
  },
  "POST /api/notifications/read-all": {
    roles: ALL,
    own: [200],
    build: async () => ({ method: "POST", url: "/api/notifications/read-all" }),
  },
  "GET /api/webhook-endpoints": {
    roles: OWNERS,
    own: [200],
    build: async () => get("/api/webhook-endpoints"),
  },
  "POST /api/webhook-endpoints": {
    roles: OWNERS,
    own: [201],
    build: async () => ({
      method: "POST",
      url: "/api/webhook-endpoints",
      payload: { url: "https://93.184.216.34/hook", events: ["invoice_request.created"] },
    }),
  },
  "DELETE /api/webhook-endpoints/:id": {
    roles: OWNERS,
    own: [200],
    other: "404",
    build: async (p, whose) => ({
      method: "DELETE",
      url: `/api/webhook-endpoints/${await freshEndpoint(p, whose)}`,
    }),
  },
  "GET /api/webhook-endpoints/:id/deliveries": {
    roles: OWNERS,
    own: [200],
    other: "404",
    build: async (p, whose) => get(`/api/webhook-endpoints/${await freshEndpoint(p, whose)}/deliveries`),
  },
  "POST /api/webhook-endpoints/:id/deliveries/:deliveryId/retry": {
    roles: OWNERS,
    own: [202],
    other: "404",
    build: async (p, whose) => ({ method: "POST", url: `${await freshDelivery(p, whose)}/retry` }),
  },
  "GET /api/sla/on-time": {
    roles: SUPPORT,
    own: [200],
    build: async () => get("/api/sla/on-time?month=2026-12"),
  },
};
Object.assign(SPECS, NOTIFICATION_SPECS);

let nextYearDay = 0;
/** A date in 2098, which the calendar does not hold yet. */
function freeDate(): string {
  return new Date(Date.UTC(2098, 0, 1) + nextYearDay++ * 86_400_000).toISOString().slice(0, 10);
}

interface Outcome {
  key: string;
  principal: Principal;
  whose: Whose;
  url: string;
  status: number;
  expected: readonly number[];
  body: string;
}

function expectedFor(spec: RouteSpec, p: Principal, whose: Whose): readonly number[] {
  if (spec.roles === "public") return spec.own;
  if (p === "anon") return [401];
  if (!spec.roles.includes(ROLE[p])) return [403];
  if (whose === "own" || p === "support") return spec.own;
  return spec.other === "404" ? [404] : [200];
}

/** Who may be asked: refused principals send the request an allowed one would send. */
function builderFor(spec: RouteSpec, p: Principal): Principal {
  if (spec.roles === "public" || p === "anon") return p;
  if (spec.roles.includes(ROLE[p])) return p;
  const allowed = (Object.keys(ROLE) as SignedIn[]).find((q) =>
    (spec.roles as readonly Role[]).includes(ROLE[q]),
  );
  return allowed ?? p;
}

async function send(p: Principal, req: Req) {
  const cookie = req.cookie ?? (p === "anon" ? undefined : cookies[p]);
  return h.app.inject({
    method: req.method,
    url: req.url,
    headers: { "accept-language": "en", ...(cookie ? { cookie } : {}), ...(req.headers ?? {}) },
    ...(req.payload === undefined ? {} : { payload: req.payload as object }),
  });
}

/** What each principal may never see: ids (and names) of the other tenant's or provider's rows. */
async function foreignSecrets(): Promise<Record<Principal, string[]>> {
  const [tenants, titles, addresses, requests, tickets, events, withdrawals, ledger, returns, files] =
    await Promise.all([
      h.prisma.tenant.findMany(),
      h.prisma.invoiceTitle.findMany(),
      h.prisma.mailingAddress.findMany(),
      h.prisma.invoiceRequest.findMany(),
      h.prisma.ticket.findMany(),
      h.prisma.auditEvent.findMany(),
      h.prisma.withdrawal.findMany(),
      h.prisma.ledgerEntry.findMany(),
      h.prisma.returnRequest.findMany(),
      h.prisma.invoiceFile.findMany({
        select: { id: true, sha256: true, request: { select: { tenantId: true, providerId: true } } },
      }),
    ]);
  const ofTenant = (t: string) => [
    t,
    tenants.find((x) => x.id === t)!.name,
    ...titles.filter((x) => x.tenantId === t).map((x) => x.id),
    ...addresses.filter((x) => x.tenantId === t).map((x) => x.id),
    ...requests.filter((x) => x.tenantId === t).map((x) => x.id),
    ...tickets.filter((x) => x.tenantId === t).map((x) => x.id),
    ...events.filter((x) => x.tenantId === t).map((x) => x.id),
    ...withdrawals.filter((x) => x.tenantId === t).map((x) => x.id),
    ...ledger.filter((x) => x.tenantId === t).map((x) => x.id),
    ...returns.filter((x) => x.tenantId === t).map((x) => x.id),
    ...files.filter((x) => x.request.tenantId === t).map((x) => x.id),
  ];
  // Staff see requests at their provider (snapshots, never title/address ids) and nothing else.
  const notAtProvider = (p: string) => [
    ...titles.map((x) => x.id),
    ...addresses.map((x) => x.id),
    ...requests.filter((x) => x.providerId !== p).map((x) => x.id),
    ...tickets.map((x) => x.id),
    ...events.map((x) => x.id),
    ...withdrawals.map((x) => x.id),
    ...ledger.map((x) => x.id),
    ...returns.filter((x) => x.providerId !== p).map((x) => x.id),
    ...files.filter((x) => x.request.providerId !== p).map((x) => x.id),
  ];
  return {
    anon: [],
    acme: ofTenant(ids.globex),
    globex: ofTenant(ids.acme),
    cloudsoft: notAtProvider(ids.cloudsoft),
    datawise: notAtProvider(ids.datawise),
    support: [],
  };
}

describe("authorization matrix", () => {
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    ids = await h.ids();
    // DataWise issues paper only in the demo; here it issues e-invoices too, so that the file,
    // issue and red-letter routes have an own and an other object for each provider.
    await h.prisma.provider.update({
      where: { id: ids.datawise },
      data: { invoiceTypes: [...INVOICE_TYPES] },
    });
    for (const p of Object.keys(ROLE) as SignedIn[]) cookies[p] = await h.login(DEMO[p]);
    for (const t of ["acme", "globex"] as const)
      for (const pr of ["cloudsoft", "datawise"] as const)
        standing[`${t}:${pr}`] = await requestIn(
          h,
          { admin: cookies[t], staff: cookies[pr], support: cookies.support },
          tenantId(t),
          providerId(pr),
          "PENDING",
          "0.01",
        );
    // A ticket and a return request of each tenant, so lists and filters have the other's rows to leak.
    await freshTicket("acme");
    await freshTicket("globex");
    for (const p of ["acme", "globex", "cloudsoft", "datawise"] as const)
      await freshReturn(p, "own", "PROCESSING");
  });

  it("has an expectation for every route of the route table, and none for a route that is gone", () => {
    const table = h.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(table.length).toBeGreaterThan(40);
    expect(
      table.filter((key) => !SPECS[key]),
      "routes without an expectation",
    ).toEqual([]);
    expect(
      Object.keys(SPECS).filter((key) => !table.includes(key)),
      "expectations for routes that do not exist",
    ).toEqual([]);
  });

  it("answers every route × principal × own/other object as expected, with no leak", async () => {
    for (const route of h.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      const spec = SPECS[key];
      if (!spec) continue; // reported by the test above
      // The principals one route at a time, in parallel: each builds its own objects.
      await Promise.all(
        PRINCIPALS.map(async (p) => {
          const variants: Whose[] = spec.other && p !== "support" ? ["own", "other"] : ["own"];
          const sent: Partial<Record<Whose, string>> = {};
          for (const whose of variants) {
            const req = await spec.build(builderFor(spec, p), whose);
            const res = await send(p, req);
            sent[whose] = res.body;
            outcomes.push({
              key,
              principal: p,
              whose,
              url: req.url,
              status: res.statusCode,
              expected: expectedFor(spec, p, whose),
              body: res.body,
            });
          }
          if (spec.other === "same" && sent.other !== undefined && expectedFor(spec, p, "other")[0] === 200) {
            expect(sent.other, `${key} as ${p}: naming the other tenant changes nothing`).toBe(sent.own);
          }
        }),
      );
    }

    const wrong = outcomes
      .filter((o) => !o.expected.includes(o.status))
      .map(
        (o) =>
          `${o.key} as ${o.principal} (${o.whose}) ${o.url}: ${o.status}, expected ${o.expected.join("/")} ${o.body.slice(0, 200)}`,
      );
    const secrets = await foreignSecrets();
    // A leak: a 2xx where a refusal was expected, or a 2xx carrying what the principal may not see.
    const leaks = outcomes.flatMap((o) => {
      if (o.status < 200 || o.status > 299) return [];
      const unauthorised = !o.expected.some((s) => s >= 200 && s <= 299);
      const seen = secrets[o.principal].filter((s) => o.body.includes(s));
      return unauthorised || seen.length > 0
        ? [`${o.key} as ${o.principal} (${o.whose}): ${o.status} ${seen.slice(0, 3).join(", ")}`]
        : [];
    });
    expect({ leaks, wrong }).toEqual({ leaks: [], wrong: [] });

    // Every principal × every route was asked, and every route answered someone (2xx, or the docs' redirect).
    const routes = new Set(outcomes.map((o) => o.key));
    expect(routes.size).toBe(h.app.routeTable.length);
    for (const key of routes) {
      expect(
        outcomes.some((o) => o.key === key && o.status >= 200 && o.status <= 399),
        `${key} succeeds for its own principal`,
      ).toBe(true);
    }
    const scopedChecks = outcomes.filter((o) => o.whose === "other").length;
    expect(scopedChecks).toBeGreaterThan(50);
    console.info(
      `authz matrix: ${outcomes.length} requests over ${routes.size} routes, ${scopedChecks} against the other tenant/provider, leaks=${leaks.length}`,
    );
  });
});
