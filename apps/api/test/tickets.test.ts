import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, useHarness } from "./harness";
import { as, balanceOf, openTicket, requestIn, useDemo, type Actors } from "./flow";

const h = useHarness();
const { ids, who } = useDemo(h);
/** Seeded Acme requests at NetGuard. */
let seeded: { processing: string; mailing: string; cancelled: string };

type TicketJson = {
  id: string;
  requestId: string;
  status: string;
  requestStatus: string;
  tenantId: string;
  resolution: string | null;
};
type Page = { items: TicketJson[]; nextCursor: string | null };

beforeAll(async () => {
  const byStatus = async (status: "PROCESSING" | "MAILING" | "CANCELLED") =>
    (
      await h.prisma.invoiceRequest.findFirstOrThrow({
        where: { tenantId: ids.acme, providerId: ids.netguard, status },
      })
    ).id;
  seeded = {
    processing: await byStatus("PROCESSING"),
    mailing: await byStatus("MAILING"),
    cancelled: await byStatus("CANCELLED"),
  };
});

describe("opening a ticket", () => {
  it("opens one for the tenant's own MAILING request, and only one", async () => {
    const admin = as(h, who.admin);
    const res = await admin("POST", "/api/tickets", {
      requestId: seeded.mailing,
      returnTrackingNumber: " SF5550001111 ",
      message: "发票抬头有误",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      requestId: seeded.mailing,
      tenantId: ids.acme,
      tenantName: "Acme 科技有限公司",
      providerName: "NetGuard 网络安全",
      amount: "800.00",
      requestStatus: "MAILING",
      returnTrackingNumber: "SF5550001111",
      message: "发票抬头有误",
      status: "OPEN",
      resolution: null,
      resolvedAt: null,
    });
    const again = await admin("POST", "/api/tickets", {
      requestId: seeded.mailing,
      returnTrackingNumber: "SF5550001112",
      message: "again",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("This invoice already has an open void ticket");
    expect(await h.prisma.ticket.count({ where: { requestId: seeded.mailing } })).toBe(1);
    const events = await h.prisma.auditEvent.findMany({
      where: { entityType: "Ticket", entityId: res.json().id },
    });
    expect(events).toMatchObject([{ action: "OPEN", toStatus: "OPEN", tenantId: ids.acme }]);
  });

  it("refuses requests that are not MAILING, naming their status", async () => {
    const admin = as(h, who.admin);
    for (const [requestId, zh, en] of [
      [seeded.processing, "处理中", "Processing"],
      [seeded.cancelled, "已撤销", "Cancelled"],
    ] as const) {
      const res = await admin("POST", "/api/tickets", {
        requestId,
        returnTrackingNumber: "SF5550001111",
        message: "x",
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe(`Only a mailing invoice can be voided (now: ${en})`);
      const zhRes = await admin(
        "POST",
        "/api/tickets",
        { requestId, returnTrackingNumber: "SF5550001111", message: "x" },
        { "accept-language": "zh-CN" },
      );
      expect(zhRes.json().error.message).toContain(zh);
    }
    expect(
      await h.prisma.ticket.count({ where: { requestId: { in: [seeded.processing, seeded.cancelled] } } }),
    ).toBe(0);
  });

  it("answers 404 for another tenant's request and 403 for other roles", async () => {
    const body = { requestId: seeded.mailing, returnTrackingNumber: "SF5550001111", message: "x" };
    const before = await h.prisma.ticket.count();
    expect((await as(h, who.globex)("POST", "/api/tickets", body)).statusCode).toBe(404);
    expect((await as(h, who.support)("POST", "/api/tickets", body)).statusCode).toBe(403);
    expect((await as(h, who.staff)("POST", "/api/tickets", body)).statusCode).toBe(403);
    expect((await h.app.inject({ method: "POST", url: "/api/tickets", payload: body })).statusCode).toBe(401);
    expect(await h.prisma.ticket.count()).toBe(before);
  });

  it("checks the body field by field and stores nothing", async () => {
    const before = await h.prisma.ticket.count();
    const res = await as(h, who.admin)("POST", "/api/tickets", {
      requestId: "nope",
      returnTrackingNumber: "#1",
      message: "",
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual([
      "message",
      "requestId",
      "returnTrackingNumber",
    ]);
    const long = await as(h, who.admin)("POST", "/api/tickets", {
      requestId: seeded.mailing,
      returnTrackingNumber: "SF5550001111",
      message: "x".repeat(1001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields.message).toBe("Must be at most 1000 characters");
    expect(await h.prisma.ticket.count()).toBe(before);
  });

  it("lets exactly one of five parallel openings through", async () => {
    const requestId = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        as(h, who.admin)("POST", "/api/tickets", {
          requestId,
          returnTrackingNumber: `SF55500022${i}0`,
          message: `click ${i}`,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await h.prisma.ticket.count({ where: { requestId } })).toBe(1);
  });
});

describe("listing tickets", () => {
  it("shows an admin its tenant's tickets and support all, newest first, in keyset pages", async () => {
    const globexWho: Actors = {
      admin: who.globex,
      staff: await h.login(DEMO.cloudsoft),
      support: who.support,
    };
    const globexRequest = await requestIn(h, globexWho, ids.globex, ids.cloudsoft, "MAILING");
    const globexTicket = await openTicket(h, who.globex, globexRequest);

    const mine = (await as(h, who.admin)("GET", "/api/tickets?limit=100")).json<Page>();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((x) => x.tenantId === ids.acme)).toBe(true);
    const theirs = (await as(h, who.globex)("GET", "/api/tickets")).json<Page>();
    expect(theirs.items.map((x) => x.id)).toEqual([globexTicket]);

    const all = (await as(h, who.support)("GET", "/api/tickets?limit=100")).json<Page>();
    expect(all.items.length).toBe(await h.prisma.ticket.count());
    expect(all.items[0]!.id).toBe(globexTicket);

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await as(h, who.support)("GET", `/api/tickets?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      const body = res.json<Page>();
      walked.push(...body.items.map((x) => x.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.items.map((x) => x.id));

    const byRequest = (
      await as(h, who.support)("GET", `/api/tickets?requestId=${seeded.mailing}`)
    ).json<Page>();
    expect(byRequest.items.map((x) => x.requestId)).toEqual([seeded.mailing]);
    const open = (await as(h, who.support)("GET", "/api/tickets?status=OPEN&limit=100")).json<Page>();
    expect(open.items.every((x) => x.status === "OPEN")).toBe(true);
  });

  it("refuses provider staff and bad filters", async () => {
    expect((await as(h, who.staff)("GET", "/api/tickets")).statusCode).toBe(403);
    const bad = await as(h, who.support)("GET", "/api/tickets?status=DONE&requestId=1&limit=101");
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["limit", "requestId", "status"]);
  });
});

describe("resolving a ticket", () => {
  it("voids the invoice on a ticket in one transaction, once", async () => {
    const requestId = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING", "25.00");
    const ticketId = await openTicket(h, who.admin, requestId);
    const before = await balanceOf(h, ids.acme, ids.cloudsoft);
    const support = as(h, who.support);
    expect(
      (await as(h, who.admin)("POST", `/api/tickets/${ticketId}/void`, { reason: "x" })).statusCode,
    ).toBe(403);
    expect((await support("POST", `/api/tickets/${ticketId}/void`, {})).statusCode).toBe(400);

    const results = await Promise.all(
      [1, 2, 3].map(() => support("POST", `/api/tickets/${ticketId}/void`, { reason: "已收到退回发票" })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const ok = results.find((r) => r.statusCode === 200)!;
    expect(ok.json()).toMatchObject({
      id: ticketId,
      status: "RESOLVED",
      requestStatus: "VOIDED",
      resolution: "已收到退回发票",
    });
    expect(ok.json().resolvedAt).not.toBeNull();
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.message).toBe("The ticket is already closed (resolved)");
    }
    const after = await balanceOf(h, ids.acme, ids.cloudsoft);
    expect(after.mailingFen).toBe(before.mailingFen - 2500n);
    const row = await h.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(row.resolvedById).not.toBeNull();
    expect(await h.prisma.auditEvent.count({ where: { entityId: requestId, action: "VOID" } })).toBe(1);
    expect(await h.prisma.auditEvent.count({ where: { entityId: ticketId, action: "VOID" } })).toBe(1);

    const reject = await support("POST", `/api/tickets/${ticketId}/reject`, { reason: "late" });
    expect(reject.statusCode).toBe(409);
    expect(reject.json().error.message).toContain("resolved");
  });

  it("rejects a ticket without touching the invoice, and a new ticket may follow", async () => {
    const requestId = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING", "26.00");
    const ticketId = await openTicket(h, who.admin, requestId);
    const before = await balanceOf(h, ids.acme, ids.cloudsoft);
    const support = as(h, who.support);
    expect(
      (await as(h, who.staff)("POST", `/api/tickets/${ticketId}/reject`, { reason: "x" })).statusCode,
    ).toBe(403);
    const res = await support("POST", `/api/tickets/${ticketId}/reject`, { reason: "未收到退回的发票" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "REJECTED",
      requestStatus: "MAILING",
      resolution: "未收到退回的发票",
    });
    expect(await balanceOf(h, ids.acme, ids.cloudsoft)).toEqual(before);
    expect(
      await h.prisma.auditEvent.findMany({ where: { entityId: ticketId, action: "REJECT" } }),
    ).toMatchObject([
      { entityType: "Ticket", fromStatus: "OPEN", toStatus: "REJECTED", reason: "未收到退回的发票" },
    ]);
    const voidRejected = await support("POST", `/api/tickets/${ticketId}/void`, { reason: "x" });
    expect(voidRejected.statusCode).toBe(409);
    expect(voidRejected.json().error.message).toBe("The ticket is already closed (rejected)");
    expect((await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "MAILING",
    );
    await openTicket(h, who.admin, requestId);
  });

  it("rolls the ticket back when the invoice cannot be voided", async () => {
    const requestId = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
    const stale = await h.prisma.ticket.create({
      data: { requestId, tenantId: ids.acme, returnTrackingNumber: "SF1", message: "stale" },
    });
    const res = await as(h, who.support)("POST", `/api/tickets/${stale.id}/void`, { reason: "x" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("Processing");
    expect((await h.prisma.ticket.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("OPEN");
  });

  it("replays a void retried with the same Idempotency-Key", async () => {
    const requestId = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const ticketId = await openTicket(h, who.admin, requestId);
    const send = () =>
      as(h, who.support)(
        "POST",
        `/api/tickets/${ticketId}/void`,
        { reason: "退票" },
        { "idempotency-key": "void-1" },
      );
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(await h.prisma.auditEvent.count({ where: { entityId: ticketId } })).toBe(2);
  });

  it("answers 404 for unknown tickets", async () => {
    const support = as(h, who.support);
    expect(
      (await support("POST", "/api/tickets/0190a000-0000-7000-8000-000000000000/void", { reason: "x" }))
        .statusCode,
    ).toBe(404);
    expect((await support("POST", "/api/tickets/not-a-uuid/reject", { reason: "x" })).statusCode).toBe(404);
  });
});
