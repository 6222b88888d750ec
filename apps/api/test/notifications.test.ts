import { chinaDate, addDays } from "@mic/domain";
import { describe, expect, it } from "vitest";
import { runSlaClock } from "../src/services/sla-clock";
import { apply, as, openTicket, requestIn, useDemo, VALID_SHIPMENT } from "./flow";
import { DEMO, useHarness } from "./harness";

const h = useHarness();
const { ids, who } = useDemo(h);

type Item = {
  id: string;
  type: string;
  title: string;
  body: string;
  requestId: string | null;
  readAt: string | null;
};
type Page = { items: Item[]; nextCursor: string | null };

/** The notifications of one user about one request, oldest first. */
async function about(cookie: string, requestId: string): Promise<Item[]> {
  const res = await as(h, cookie)("GET", "/api/notifications?limit=100");
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<Page>()
    .items.filter((n) => n.requestId === requestId)
    .reverse();
}
const types = (items: Item[]) => items.map((n) => n.type);
const numberOf = async (id: string) =>
  (await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).number;

describe("who is told what (SPEC §14)", () => {
  it("a new application tells the provider's staff, naming the request number; nobody else", async () => {
    const id = await apply(h, who.admin, ids.acme, ids.cloudsoft, "2.00");
    const number = await numberOf(id);
    const staff = await about(who.staff, id);
    expect(types(staff)).toEqual(["invoice_request.created"]);
    expect(staff[0]!.title).toContain(number);
    expect(staff[0]!.body).toContain("Acme");
    expect(staff[0]!.readAt).toBeNull();
    expect(await about(who.admin, id)).toEqual([]);
    expect(await about(who.datawise, id)).toEqual([]);
    expect(await about(who.globex, id)).toEqual([]);
    expect(await about(who.support, id)).toEqual([]);
  });

  it("start and ship tell the tenant's admins; a cancel tells the provider's staff", async () => {
    const shipped = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const admin = await about(who.admin, shipped);
    expect(types(admin)).toEqual(["invoice_request.processing", "invoice_request.mailed"]);
    expect(admin[1]!.title).toContain(await numberOf(shipped));
    expect(admin[1]!.body).toContain(VALID_SHIPMENT.trackingNumber);
    expect(admin[1]!.body).toContain("顺丰速运");
    expect(types(await about(who.staff, shipped))).toEqual(["invoice_request.created"]);
    expect(await about(who.globex, shipped)).toEqual([]);

    const cancelled = await requestIn(h, who, ids.acme, ids.cloudsoft, "CANCELLED");
    expect(types(await about(who.staff, cancelled))).toEqual([
      "invoice_request.created",
      "invoice_request.cancelled",
    ]);
    expect(await about(who.admin, cancelled)).toEqual([]);
  });

  it("a ticket tells support; its void tells the tenant once, its rejection tells the tenant", async () => {
    const voided = await requestIn(h, who, ids.acme, ids.cloudsoft, "VOIDED");
    expect(types(await about(who.support, voided))).toEqual(["ticket.created"]);
    expect(types(await about(who.admin, voided))).toEqual([
      "invoice_request.processing",
      "invoice_request.mailed",
      "invoice_request.voided",
    ]);

    const mailing = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const ticket = await openTicket(h, who.admin, mailing);
    const res = await as(h, who.support)("POST", `/api/tickets/${ticket}/reject`, {
      reason: "运单号查无此件",
    });
    expect(res.statusCode, res.body).toBe(200);
    const admin = await about(who.admin, mailing);
    expect(types(admin).at(-1)).toBe("ticket.resolved");
    expect(admin.at(-1)!.body).toContain("运单号查无此件");
  });

  it("a reject tells the tenant; a return request tells the provider, its decision the tenant", async () => {
    const rejected = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING");
    const res = await as(h, who.staff)("POST", `/api/invoice-requests/${rejected}/reject`, {
      reason: "抬头与合同不符",
    });
    expect(res.statusCode, res.body).toBe(200);
    const admin = await about(who.admin, rejected);
    expect(types(admin)).toEqual(["invoice_request.rejected"]);
    expect(admin[0]!.body).toContain("抬头与合同不符");

    const processing = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
    const opened = await as(h, who.admin)("POST", `/api/invoice-requests/${processing}/return-requests`, {
      reason: "金额填错",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(types(await about(who.staff, processing)).at(-1)).toBe("return_request.created");
    const approved = await as(h, who.staff)(
      "POST",
      `/api/return-requests/${opened.json<{ id: string }>().id}/approve`,
      {},
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const told = await about(who.admin, processing);
    expect(types(told)).toEqual(["invoice_request.processing", "return_request.decided"]);
    expect(told.at(-1)!.title).toContain("已同意");
    const events = await h.prisma.outboxEvent.findMany({
      where: { requestId: processing },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual([
      "invoice_request.created",
      "invoice_request.processing",
      "return_request.created",
      "invoice_request.cancelled",
      "return_request.decided",
    ]);

    const mailing = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const second = await as(h, who.admin)("POST", `/api/invoice-requests/${mailing}/return-requests`, {
      reason: "不需要了",
    });
    expect(second.statusCode, second.body).toBe(201);
    const declined = await as(h, who.staff)(
      "POST",
      `/api/return-requests/${second.json<{ id: string }>().id}/decline`,
      {
        reason: "发票已认证",
      },
    );
    expect(declined.statusCode, declined.body).toBe(200);
    const last = (await about(who.admin, mailing)).at(-1)!;
    expect(last.type).toBe("return_request.decided");
    expect(last.title).toContain("已拒绝");
    expect(last.body).toContain("发票已认证");
  });

  it("every committed transition wrote exactly one outbox event; a refused one wrote none", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const again = await as(h, who.staff)("POST", `/api/invoice-requests/${id}/start-processing`);
    expect(again.statusCode).toBe(409);
    const events = await h.prisma.outboxEvent.findMany({
      where: { requestId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual([
      "invoice_request.created",
      "invoice_request.processing",
      "invoice_request.mailed",
    ]);
    const payload = events[2]!.payload as {
      type: string;
      timestamp: string;
      data: { id: string; status: string };
    };
    expect(payload.type).toBe("invoice_request.mailed");
    expect(payload.data).toMatchObject({ id, status: "MAILING" });
    expect(new Date(payload.timestamp).toISOString()).toBe(payload.timestamp);
    // One mail job per notice, to the user it is for.
    const notices = await h.prisma.notification.findMany({ where: { requestId: id } });
    const mails = await h.prisma.mailJob.findMany({
      where: { notificationId: { in: notices.map((n) => n.id) } },
    });
    expect(mails).toHaveLength(notices.length);
  });
});

describe("reading notifications", () => {
  it("counts, filters unread, marks one and all read; keyset pages", async () => {
    const globexStaff = await h.login(DEMO.cloudsoft);
    for (let i = 0; i < 3; i++) await apply(h, who.globex, ids.globex, ids.cloudsoft, "1.00");
    const me = as(h, globexStaff);
    const count = (await me("GET", "/api/notifications/unread-count")).json<{ count: number }>().count;
    expect(count).toBeGreaterThanOrEqual(3);

    const first = await me("GET", "/api/notifications?unread=true&limit=2");
    expect(first.statusCode).toBe(200);
    const page = first.json<Page>();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const second = (
      await me("GET", `/api/notifications?unread=true&limit=2&cursor=${page.nextCursor}`)
    ).json<Page>();
    expect(second.items.map((n) => n.id)).not.toContain(page.items[0]!.id);

    const read = await me("POST", `/api/notifications/${page.items[0]!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Item>().readAt).not.toBeNull();
    expect((await me("GET", "/api/notifications/unread-count")).json()).toEqual({ count: count - 1 });
    const unread = (await me("GET", "/api/notifications?unread=true&limit=100")).json<Page>();
    expect(unread.items.map((n) => n.id)).not.toContain(page.items[0]!.id);

    const all = await me("POST", "/api/notifications/read-all");
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ count: count - 1 });
    expect((await me("GET", "/api/notifications/unread-count")).json()).toEqual({ count: 0 });
    expect((await me("GET", "/api/notifications?unread=false&limit=1")).json<Page>().items).toHaveLength(1);
  });

  it("nobody reads or marks another user's notification: 404", async () => {
    const id = await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    const [notice] = await about(who.staff, id);
    for (const cookie of [who.admin, who.globex, who.datawise, who.support]) {
      expect((await as(h, cookie)("POST", `/api/notifications/${notice!.id}/read`)).statusCode).toBe(404);
      const list = (await as(h, cookie)("GET", "/api/notifications?limit=100")).json<Page>();
      expect(list.items.map((n) => n.id)).not.toContain(notice!.id);
    }
    expect((await as(h, who.staff)("POST", "/api/notifications/not-a-uuid/read")).statusCode).toBe(404);
    expect((await as(h, who.staff)("GET", "/api/notifications?unread=maybe")).statusCode).toBe(400);
    expect((await h.app.inject({ method: "GET", url: "/api/notifications" })).statusCode).toBe(401);
  });
});

describe("the SLA clock", () => {
  it("sends due-soon and overdue notices to the provider's staff and support, once each, even when run twice at once", async () => {
    const now = new Date();
    const today = chinaDate(now);
    const soon = await apply(h, who.admin, ids.acme, ids.datawise, "1.00");
    const late = await apply(h, who.admin, ids.acme, ids.datawise, "1.00");
    const later = await apply(h, who.admin, ids.acme, ids.datawise, "1.00");
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    await h.prisma.invoiceRequest.update({ where: { id: soon }, data: { dueDate: day(today) } });
    await h.prisma.invoiceRequest.update({ where: { id: late }, data: { dueDate: day(addDays(today, -1)) } });
    await h.prisma.invoiceRequest.update({
      where: { id: later },
      data: { dueDate: day(addDays(today, 30)) },
    });

    await Promise.all([runSlaClock(h.prisma, now), runSlaClock(h.prisma, now), runSlaClock(h.prisma, now)]);
    await runSlaClock(h.prisma, now);

    for (const cookie of [who.datawise, who.support]) {
      expect(types(await about(cookie, soon)).filter((t) => t !== "invoice_request.created")).toEqual([
        "invoice_request.due_soon",
      ]);
      expect(types(await about(cookie, late)).filter((t) => t !== "invoice_request.created")).toEqual([
        "invoice_request.overdue",
      ]);
      expect(types(await about(cookie, later)).filter((t) => t !== "invoice_request.created")).toEqual([]);
    }
    const overdue = (await about(who.datawise, late)).at(-1)!;
    expect(overdue.title).toContain(await numberOf(late));
    expect(overdue.title).toContain("逾期");
    expect(await about(who.admin, late)).toEqual([]);
    // overdue is a webhook event; due-soon is not.
    expect(
      await h.prisma.outboxEvent.count({ where: { requestId: late, type: "invoice_request.overdue" } }),
    ).toBe(1);
    expect(await h.prisma.outboxEvent.count({ where: { requestId: soon, type: { contains: "due" } } })).toBe(
      0,
    );
  });

  it("counts the two working days on the holiday calendar (春节 2027)", async () => {
    const onTheDay = await apply(h, who.admin, ids.acme, ids.datawise, "1.00");
    const dayAfter = await apply(h, who.admin, ids.acme, ids.datawise, "1.00");
    const due = (id: string, d: string) =>
      h.prisma.invoiceRequest.update({ where: { id }, data: { dueDate: new Date(`${d}T00:00:00Z`) } });
    // Thursday 4 February 2027: the break runs 5–14 February, so two working days on is Tuesday the 16th.
    await due(onTheDay, "2027-02-16");
    await due(dayAfter, "2027-02-17");
    await runSlaClock(h.prisma, new Date("2027-02-04T02:00:00Z"));
    expect(types(await about(who.datawise, onTheDay))).toContain("invoice_request.due_soon");
    expect(types(await about(who.datawise, dayAfter))).not.toContain("invoice_request.due_soon");
  });

  it("counts on-time rates per provider for a month, for support only", async () => {
    const month = chinaDate(new Date()).slice(0, 7);
    const shipped = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const row = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: shipped } });
    // Due this month, shipped by then.
    await h.prisma.invoiceRequest.update({
      where: { id: shipped },
      data: { dueDate: new Date(`${month}-28T00:00:00Z`), mailingAt: new Date(`${month}-01T02:00:00Z`) },
    });
    const res = await as(h, who.support)("GET", `/api/sla/on-time?month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      month: string;
      items: { providerId: string; due: number; onTime: number; rate: string | null }[];
    }>();
    expect(body.month).toBe(month);
    const cloudsoft = body.items.find((i) => i.providerId === ids.cloudsoft)!;
    expect(cloudsoft.onTime).toBeGreaterThanOrEqual(1);
    expect(cloudsoft.rate).not.toBeNull();
    expect(row.providerId).toBe(ids.cloudsoft);
    expect((await as(h, who.support)("GET", "/api/sla/on-time?month=2026-13")).statusCode).toBe(400);
    expect((await as(h, who.staff)("GET", `/api/sla/on-time?month=${month}`)).statusCode).toBe(403);
    expect((await as(h, who.admin)("GET", `/api/sla/on-time?month=${month}`)).statusCode).toBe(403);
  });
});
