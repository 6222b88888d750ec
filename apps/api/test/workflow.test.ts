import { t } from "@mic/contracts";
import {
  bucketOf,
  chinaDate,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  ROLES,
  ruleFor,
  type InvoiceAction,
  type InvoiceKind,
  type InvoiceStatus,
  type Role,
} from "@mic/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "./harness";
import {
  amountsAt,
  apply,
  as,
  balanceOf,
  DIGITAL_NUMBER,
  openTicket,
  requestIn,
  upload,
  useDemo,
  VALID_SHIPMENT,
} from "./flow";

const h = useHarness();
const { ids, who } = useDemo(h);
let cookieOf: Record<Role, string>;

beforeAll(async () => {
  cookieOf = { ENTERPRISE_ADMIN: who.admin, PROVIDER_STAFF: who.staff, SUPPORT: who.support };
});

/** The route of each action and the one role its route admits. */
// RETURN_CANCEL and RED_LETTER_VOID happen through return-request decisions (returns.test.ts).
type RouteAction = Exclude<InvoiceAction, "RETURN_CANCEL" | "RED_LETTER_VOID">;
const ROUTE_ROLE: Record<RouteAction, Role> = {
  CANCEL: "ENTERPRISE_ADMIN",
  START_PROCESSING: "PROVIDER_STAFF",
  SHIP: "PROVIDER_STAFF",
  ISSUE: "PROVIDER_STAFF",
  REJECT: "PROVIDER_STAFF",
  VOID: "SUPPORT",
};
const ACTIONS = Object.keys(ROUTE_ROLE) as RouteAction[];

/** The states a request of each kind can reach: paper is never ISSUED, electronic never MAILING. */
const STATES: Record<InvoiceKind, InvoiceStatus[]> = {
  PAPER: INVOICE_STATUSES.filter((s) => s !== "ISSUED"),
  ELECTRONIC: INVOICE_STATUSES.filter((s) => s !== "MAILING"),
};

async function ticketFor(requestId: string, status: InvoiceStatus) {
  if (status === "MAILING") return openTicket(h, who.admin, requestId);
  // A request that is no longer (or not yet) MAILING cannot get a ticket through the API; one
  // left open from before is how support could still try to void it.
  const request = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: requestId } });
  const row = await h.prisma.ticket.create({
    data: { requestId, tenantId: request.tenantId, returnTrackingNumber: "YT0000000001", message: "test" },
  });
  return row.id;
}

/** A file of the request to issue with: uploaded while it is PROCESSING and electronic, else any id. */
async function fileFor(requestId: string, status: InvoiceStatus, kind: InvoiceKind) {
  if (status !== "PROCESSING" || kind !== "ELECTRONIC") return "0190a000-0000-7000-8000-000000000001";
  const res = await upload(h, who.staff, requestId);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

function perform(action: RouteAction, role: Role, requestId: string, ticketId: string, fileId: string) {
  const api = as(h, cookieOf[role]);
  switch (action) {
    case "CANCEL":
      return api("POST", `/api/invoice-requests/${requestId}/cancel`);
    case "START_PROCESSING":
      return api("POST", `/api/invoice-requests/${requestId}/start-processing`);
    case "SHIP":
      return api("POST", `/api/invoice-requests/${requestId}/ship`, VALID_SHIPMENT);
    case "ISSUE":
      return api("POST", `/api/invoice-requests/${requestId}/issue`, {
        invoiceNumber: DIGITAL_NUMBER,
        issuedOn: chinaDate(new Date()),
        fileIds: [fileId],
      });
    case "REJECT":
      return api("POST", `/api/invoice-requests/${requestId}/reject`, { reason: "驳回测试" });
    case "VOID":
      return api("POST", `/api/tickets/${ticketId}/void`, { reason: "作废测试" });
  }
}

/** Everything a refused transition must leave as it was. */
async function snapshot(requestId: string) {
  const request = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: requestId } });
  return {
    status: request.status,
    updatedAt: request.updatedAt.toISOString(),
    balance: await balanceOf(h, request.tenantId, request.providerId),
    audits: await h.prisma.auditEvent.count(),
    tickets: (await h.prisma.ticket.findMany({ where: { requestId }, orderBy: { id: "asc" } })).map(
      (x) => x.status,
    ),
    files: (await h.prisma.invoiceFile.findMany({ where: { requestId }, orderBy: { id: "asc" } })).map(
      (f) => f.id,
    ),
  };
}

describe("every transition of SPEC §4 by every role, for both kinds", () => {
  for (const kind of INVOICE_KINDS) {
    for (const status of STATES[kind]) {
      for (const action of ACTIONS) {
        const rule = ruleFor(status, action, kind);
        // Refusals first: the one success changes the state.
        const roles = [...ROLES].sort(
          (a, b) => Number(a === ROUTE_ROLE[action]) - Number(b === ROUTE_ROLE[action]),
        );
        it(`${kind} ${status} × ${action}: ${rule ? `→ ${rule.to} by ${rule.role}` : "refused"}`, async () => {
          const requestId = await requestIn(h, who, ids.acme, ids.cloudsoft, status, "1.00", kind);
          const ticketId = action === "VOID" ? await ticketFor(requestId, status) : "";
          const fileId = action === "ISSUE" ? await fileFor(requestId, status, kind) : "";
          for (const role of roles) {
            const before = await snapshot(requestId);
            const res = await perform(action, role, requestId, ticketId, fileId);
            if (role !== ROUTE_ROLE[action]) {
              expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
              expect(res.json().error.code).toBe("FORBIDDEN");
            } else if (!rule) {
              expect(res.statusCode, `${role}: ${res.body}`).toBe(409);
              expect(res.json().error.message).toContain(t(`status.${status}`, "en"));
            } else {
              expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
              const after = await snapshot(requestId);
              expect(after.status).toBe(rule.to);
              expect(after.audits).toBeGreaterThan(before.audits);
              // The amount moved to the bucket of the new state (none for a final one).
              const bucket = bucketOf(rule.to);
              if (bucket) expect(after.balance[bucket]).toBe(before.balance[bucket] + 100n);
              continue;
            }
            expect(await snapshot(requestId)).toEqual(before);
          }
        });
      }
    }
  }
});

describe("other tenants and providers", () => {
  it("answers 404 to provider staff of another provider", async () => {
    const pending = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING");
    const processing = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
    const datawise = as(h, who.datawise);
    const before = [await snapshot(pending), await snapshot(processing)];
    expect((await datawise("POST", `/api/invoice-requests/${pending}/start-processing`)).statusCode).toBe(
      404,
    );
    expect(
      (await datawise("POST", `/api/invoice-requests/${processing}/ship`, VALID_SHIPMENT)).statusCode,
    ).toBe(404);
    expect((await datawise("GET", `/api/invoice-requests/${pending}`)).statusCode).toBe(404);
    expect([await snapshot(pending), await snapshot(processing)]).toEqual(before);
  });

  it("answers 404 to the admin of another tenant", async () => {
    const pending = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING");
    const mailing = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const globex = as(h, who.globex);
    const before = [await snapshot(pending), await snapshot(mailing)];
    const cancel = await globex("POST", `/api/invoice-requests/${pending}/cancel`);
    expect(cancel.statusCode).toBe(404);
    expect(cancel.json()).toEqual({ error: { code: "NOT_FOUND", message: "Not found" } });
    const ticket = await globex("POST", "/api/tickets", {
      requestId: mailing,
      returnTrackingNumber: "YT1234567890",
      message: "not mine",
    });
    expect(ticket.statusCode).toBe(404);
    expect((await globex("GET", `/api/invoice-requests/${mailing}`)).statusCode).toBe(404);
    expect([await snapshot(pending), await snapshot(mailing)]).toEqual(before);
  });
});

describe("concurrency", () => {
  it("turns 10 parallel start-processing clicks into one transition", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING", "7.00");
    const before = await balanceOf(h, ids.acme, ids.cloudsoft);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        as(h, who.staff)("POST", `/api/invoice-requests/${id}/start-processing`),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array<number>(9).fill(409)]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.message).toContain(t("status.PROCESSING", "en"));
    }
    const events = await h.prisma.auditEvent.findMany({
      where: { entityId: id, action: "START_PROCESSING" },
    });
    expect(events).toHaveLength(1);
    const after = await balanceOf(h, ids.acme, ids.cloudsoft);
    expect(after.pendingFen).toBe(before.pendingFen - 700n);
    expect(after.processingFen).toBe(before.processingFen + 700n);
  });
});

describe("the full path", () => {
  it("apply → start → ship → ticket → void gives the amount back", async () => {
    const start = await amountsAt(h, who.admin, ids.cloudsoft);
    const id = await apply(h, who.admin, ids.acme, ids.cloudsoft, "100.00");
    expect((await amountsAt(h, who.admin, ids.cloudsoft)).pending).toBe(
      (Number(start.pending) + 100).toFixed(2),
    );

    const staff = as(h, who.staff);
    expect((await staff("POST", `/api/invoice-requests/${id}/start-processing`)).statusCode).toBe(200);

    const bad = await staff("POST", `/api/invoice-requests/${id}/ship`, {
      invoiceNumber: "12",
      courier: "x".repeat(51),
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      "courier",
      "invoiceNumber",
      "trackingNumber",
    ]);
    const other = await staff("POST", `/api/invoice-requests/${id}/ship`, {
      ...VALID_SHIPMENT,
      courier: "OTHER",
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields).toHaveProperty("courierName");
    expect((await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PROCESSING");

    const shipped = await staff("POST", `/api/invoice-requests/${id}/ship`, VALID_SHIPMENT);
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json()).toMatchObject({
      status: "MAILING",
      invoiceNumber: "04403299",
      courier: "顺丰速运",
      courierCode: "SF",
      trackingNumber: "SF9876543210",
    });
    expect((await amountsAt(h, who.admin, ids.cloudsoft)).mailing).toBe(
      (Number(start.mailing) + 100).toFixed(2),
    );

    const ticketId = await openTicket(h, who.admin, id);
    const voided = await as(h, who.support)("POST", `/api/tickets/${ticketId}/void`, { reason: "抬头有误" });
    expect(voided.statusCode).toBe(200);
    expect(voided.json()).toMatchObject({
      status: "RESOLVED",
      requestStatus: "VOIDED",
      resolution: "抬头有误",
    });

    const end = await amountsAt(h, who.admin, ids.cloudsoft);
    expect(end.invoiceable).toBe(start.invoiceable);
    expect(end.mailing).toBe(start.mailing);
    const request = await as(h, who.admin)("GET", `/api/invoice-requests/${id}`);
    expect(request.json()).toMatchObject({ status: "VOIDED" });
    expect(request.json().voidedAt).not.toBeNull();
    const trail = await h.prisma.auditEvent.findMany({
      where: { entityId: { in: [id, ticketId] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(trail.map((e) => `${e.entityType}:${e.action}`)).toEqual([
      "InvoiceRequest:APPLY",
      "InvoiceRequest:START_PROCESSING",
      "InvoiceRequest:SHIP",
      "Ticket:OPEN",
      "InvoiceRequest:VOID",
      "Ticket:VOID",
    ]);
  });
});

describe("provider queue", () => {
  it("lists the provider's open work by due date, overdue first, in keyset pages", async () => {
    const staff = as(h, who.staff);
    const late = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "3.00");
    const later = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING", "4.00");
    await h.prisma.invoiceRequest.update({
      where: { id: late },
      data: { dueDate: new Date("2020-01-10T00:00:00Z") },
    });
    await h.prisma.invoiceRequest.update({
      where: { id: later },
      data: { dueDate: new Date("2020-01-20T00:00:00Z") },
    });

    const all = await staff("GET", "/api/provider-queue?limit=100");
    expect(all.statusCode).toBe(200);
    const items = all.json<{
      items: { id: string; status: string; overdue: boolean; dueDate: string; providerId: string }[];
    }>().items;
    expect(items.slice(0, 2).map((i) => i.id)).toEqual([late, later]);
    expect(items[0]).toMatchObject({ overdue: true, dueDate: "2020-01-10" });
    expect(
      items.every((i) => i.providerId === ids.cloudsoft && ["PENDING", "PROCESSING"].includes(i.status)),
    ).toBe(true);
    const dues = items.map((i) => i.dueDate);
    expect(dues).toEqual([...dues].sort());
    const expected = await h.prisma.invoiceRequest.count({
      where: { providerId: ids.cloudsoft, status: { in: ["PENDING", "PROCESSING"] } },
    });
    expect(items).toHaveLength(expected);

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await staff("GET", `/api/provider-queue?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: { id: string }[]; nextCursor: string | null }>();
      walked.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(items.map((i) => i.id));

    const mailing = await staff("GET", "/api/provider-queue?status=MAILING");
    expect(mailing.json<{ items: { status: string }[] }>().items.every((i) => i.status === "MAILING")).toBe(
      true,
    );
    expect(mailing.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
  });

  it("shows DataWise staff only DataWise requests, and refuses other roles and bad input", async () => {
    const datawise = await as(h, who.datawise)("GET", "/api/provider-queue");
    expect(datawise.json<{ items: { providerId: string }[] }>().items.map((i) => i.providerId)).toEqual([
      ids.datawise,
    ]);
    expect((await as(h, who.admin)("GET", "/api/provider-queue")).statusCode).toBe(403);
    expect((await as(h, who.support)("GET", "/api/provider-queue")).statusCode).toBe(403);
    expect((await h.app.inject({ method: "GET", url: "/api/provider-queue" })).statusCode).toBe(401);
    const badCursor = await as(h, who.staff)("GET", "/api/provider-queue?cursor=nonsense");
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.fields).toHaveProperty("cursor");
    const badStatus = await as(h, who.staff)("GET", "/api/provider-queue?status=LOST");
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().error.fields).toHaveProperty("status");
  });

  it("lets support find overdue requests through the records filter", async () => {
    const res = await as(h, who.support)("GET", "/api/invoice-requests?overdue=true&limit=100");
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { overdue: boolean }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.overdue)).toBe(true);
  });
});

describe("OpenAPI", () => {
  it("documents the ticket, ledger, audit, calendar and queue routes with their schemas", async () => {
    const doc = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<
        string,
        Record<
          string,
          { summary?: string; tags?: string[]; requestBody?: unknown; parameters?: { name: string }[] }
        >
      >;
    }>();
    const expected: [string, string][] = [
      ["/api/tickets", "get"],
      ["/api/tickets", "post"],
      ["/api/tickets/{id}/void", "post"],
      ["/api/tickets/{id}/reject", "post"],
      ["/api/refunds", "get"],
      ["/api/refunds", "post"],
      ["/api/withdrawals", "get"],
      ["/api/withdrawals", "post"],
      ["/api/audit-events", "get"],
      ["/api/calendar-days", "get"],
      ["/api/calendar-days", "post"],
      ["/api/calendar-days/{date}", "delete"],
      ["/api/provider-queue", "get"],
    ];
    for (const [path, method] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op!.summary).toBeTruthy();
      expect(op!.tags?.length).toBeGreaterThan(0);
      if (method === "post") expect(op!.parameters?.map((p) => p.name)).toContain("idempotency-key");
    }
    expect(doc.paths["/api/withdrawals"]!.post!.requestBody).toBeDefined();
  });
});
