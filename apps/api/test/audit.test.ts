import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "./harness";
import { as, openTicket, requestIn, useDemo } from "./flow";

const h = useHarness();
const { ids, who } = useDemo(h);
let voidedRequest: string;
let voidTicket: string;

type Event = {
  id: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  tenantId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  createdAt: string;
};
type Page = { items: Event[]; nextCursor: string | null };

async function walk(api: ReturnType<typeof as>, query: string, limit: number) {
  const seen: Event[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(
      "GET",
      `/api/audit-events?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Page>();
    seen.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return seen;
}

beforeAll(async () => {
  voidedRequest = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING", "12.00");
  voidTicket = await openTicket(h, who.admin, voidedRequest);
  expect(
    (await as(h, who.support)("POST", `/api/tickets/${voidTicket}/void`, { reason: "抬头错误" })).statusCode,
  ).toBe(200);
  expect(
    (
      await as(h, who.support)("POST", "/api/calendar-days", {
        date: "2030-05-01",
        kind: "HOLIDAY",
        name: "劳动节",
      })
    ).statusCode,
  ).toBe(201);
  await requestIn(h, { ...who, admin: who.globex }, ids.globex, ids.cloudsoft, "CANCELLED");
});

describe("reading the audit trail", () => {
  it("gives support every event, newest first, with actor names", async () => {
    const all = await walk(as(h, who.support), "", 100);
    expect(all).toHaveLength(await h.prisma.auditEvent.count());
    const keys = all.map((e) => [e.createdAt, e.id].join("|"));
    expect(keys).toEqual([...keys].sort().reverse());
    const users = await h.prisma.user.findMany();
    for (const e of all) {
      expect(e.actorName).toBe(users.find((u) => u.id === e.actorId)?.name ?? null);
    }
    expect(all.find((e) => e.action === "CANCEL")).toMatchObject({
      actorName: "李强（Globex）",
      actorRole: "ENTERPRISE_ADMIN",
      tenantId: ids.globex,
    });
    expect(all.find((e) => e.entityType === "CalendarDay")).toMatchObject({
      actorName: "云市场客服",
      actorRole: "SUPPORT",
      tenantId: null,
      entityId: "2030-05-01",
    });
  });

  it("pages through the same events in small pages without gaps or repeats", async () => {
    const whole = await walk(as(h, who.support), "", 100);
    const paged = await walk(as(h, who.support), "", 3);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
  });

  it("shows that a void writes an InvoiceRequest event and a Ticket event", async () => {
    const api = as(h, who.support);
    const request = (
      await api("GET", `/api/audit-events?entityType=InvoiceRequest&entityId=${voidedRequest}`)
    ).json<Page>();
    expect(request.items.map((e) => e.action)).toEqual(["VOID", "SHIP", "START_PROCESSING", "APPLY"]);
    expect(request.items[0]).toMatchObject({
      fromStatus: "MAILING",
      toStatus: "VOIDED",
      reason: "抬头错误",
      actorName: "云市场客服",
    });
    expect(request.items[1]).toMatchObject({ actorName: "陈静（CloudSoft）", actorRole: "PROVIDER_STAFF" });
    const ticket = (
      await api("GET", `/api/audit-events?entityType=Ticket&entityId=${voidTicket}`)
    ).json<Page>();
    expect(ticket.items.map((e) => [e.action, e.toStatus])).toEqual([
      ["VOID", "RESOLVED"],
      ["OPEN", "OPEN"],
    ]);
  });

  it("filters by action and tenant", async () => {
    const api = as(h, who.support);
    const voids = (await api("GET", "/api/audit-events?action=VOID&limit=100")).json<Page>();
    expect(voids.items.length).toBeGreaterThanOrEqual(2);
    expect(voids.items.every((e) => e.action === "VOID")).toBe(true);
    const globexOnly = (await api("GET", `/api/audit-events?tenantId=${ids.globex}&limit=100`)).json<Page>();
    expect(globexOnly.items.length).toBeGreaterThan(0);
    expect(globexOnly.items.every((e) => e.tenantId === ids.globex)).toBe(true);
  });

  it("confines an admin to its own tenant's events, whatever it asks for", async () => {
    const acme = await walk(as(h, who.admin), "", 100);
    expect(acme.length).toBe(await h.prisma.auditEvent.count({ where: { tenantId: ids.acme } }));
    expect(acme.every((e) => e.tenantId === ids.acme)).toBe(true);
    const snoop = (await as(h, who.globex)("GET", `/api/audit-events?tenantId=${ids.acme}`)).json<Page>();
    expect(snoop.items).toEqual([]);
    const byEntity = (
      await as(h, who.globex)("GET", `/api/audit-events?entityId=${voidedRequest}`)
    ).json<Page>();
    expect(byEntity.items).toEqual([]);
  });

  it("refuses provider staff and anonymous callers, and bad queries", async () => {
    expect((await as(h, who.staff)("GET", "/api/audit-events")).statusCode).toBe(403);
    expect((await h.app.inject({ method: "GET", url: "/api/audit-events" })).statusCode).toBe(401);
    const bad = await as(h, who.support)(
      "GET",
      `/api/audit-events?tenantId=acme&limit=0&entityType=${"x".repeat(51)}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["entityType", "limit", "tenantId"]);
    const cursor = await as(h, who.support)("GET", "/api/audit-events?cursor=%%%");
    expect(cursor.statusCode).toBe(400);
  });
});

describe("the audit trail is append-only", () => {
  it("is refused UPDATE, DELETE and TRUNCATE by the database itself", async () => {
    const event = await h.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: voidedRequest, action: "VOID" },
    });
    const count = await h.prisma.auditEvent.count();
    await expect(
      h.prisma.$executeRawUnsafe(
        `UPDATE "AuditEvent" SET "action" = 'TAMPERED' WHERE "id" = $1::uuid`,
        event.id,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      h.prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = $1::uuid`, event.id),
    ).rejects.toThrow(/append-only/);
    await expect(h.prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(h.prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await h.prisma.auditEvent.count()).toBe(count);
    expect((await h.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("VOID");
  });
});
