import { addDays, chinaDate, isWorkingDay, EMPTY_CALENDAR } from "@mic/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, useHarness, type Ids } from "./harness";
import { as } from "./flow";

const h = useHarness();
let ids: Ids;
let admin: ReturnType<typeof as>;
let staff: ReturnType<typeof as>;
let support: ReturnType<typeof as>;

beforeAll(async () => {
  ids = await h.ids();
  admin = as(h, await h.login(DEMO.acme));
  staff = as(h, await h.login(DEMO.cloudsoft));
  support = as(h, await h.login(DEMO.support));
});

type Day = { date: string; kind: string; name: string };

describe("reading the calendar", () => {
  it("shows any signed-in user the days of a year in date order", async () => {
    for (const api of [admin, staff, support]) {
      const res = await api("GET", "/api/calendar-days?year=2026");
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: Day[] }>().items;
      expect(items[0]).toEqual({ date: "2026-09-20", kind: "WORKDAY", name: "国庆节调休上班" });
      expect(items.map((d) => d.date)).toEqual([...items.map((d) => d.date)].sort());
      expect(items.every((d) => d.date.startsWith("2026-"))).toBe(true);
      expect(items).toHaveLength(9);
    }
    const all = (await admin("GET", "/api/calendar-days")).json<{ items: Day[] }>().items;
    expect(all.map((d) => d.date)).toContain("2027-01-01");
    expect((await h.app.inject({ method: "GET", url: "/api/calendar-days" })).statusCode).toBe(401);
    const bad = await admin("GET", "/api/calendar-days?year=19");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("year");
  });
});

describe("maintaining the calendar", () => {
  it("adds a day once, audited; a duplicate date is a 409", async () => {
    const res = await support("POST", "/api/calendar-days", {
      date: "2031-01-01",
      kind: "HOLIDAY",
      name: " 元旦 ",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ date: "2031-01-01", kind: "HOLIDAY", name: "元旦" });
    const audits = await h.prisma.auditEvent.count();
    const again = await support("POST", "/api/calendar-days", {
      date: "2031-01-01",
      kind: "WORKDAY",
      name: "x",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("This date is already in the calendar");
    expect(await h.prisma.auditEvent.count()).toBe(audits);
    expect(
      await h.prisma.auditEvent.findMany({ where: { entityType: "CalendarDay", entityId: "2031-01-01" } }),
    ).toMatchObject([{ action: "CREATE", tenantId: null, actorRole: "SUPPORT" }]);
    expect((await admin("GET", "/api/calendar-days?year=2031")).json().items).toEqual([res.json()]);
  });

  it("removes a day, audited; removing it again is a 404", async () => {
    expect(
      (await support("POST", "/api/calendar-days", { date: "2031-02-02", kind: "WORKDAY", name: "调休" }))
        .statusCode,
    ).toBe(201);
    const res = await support("DELETE", "/api/calendar-days/2031-02-02");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(
      await h.prisma.calendarDay.findUnique({ where: { date: new Date("2031-02-02T00:00:00Z") } }),
    ).toBeNull();
    expect(
      (
        await h.prisma.auditEvent.findMany({
          where: { entityType: "CalendarDay", entityId: "2031-02-02" },
          orderBy: { id: "asc" },
        })
      ).map((e) => e.action),
    ).toEqual(["CREATE", "DELETE"]);
    expect((await support("DELETE", "/api/calendar-days/2031-02-02")).statusCode).toBe(404);
    expect((await support("DELETE", "/api/calendar-days/2031-02-30")).statusCode).toBe(400);
  });

  it("is for support only, and checks the body field by field", async () => {
    const body = { date: "2032-01-01", kind: "HOLIDAY", name: "元旦" };
    expect((await admin("POST", "/api/calendar-days", body)).statusCode).toBe(403);
    expect((await staff("POST", "/api/calendar-days", body)).statusCode).toBe(403);
    expect((await admin("DELETE", "/api/calendar-days/2026-10-01")).statusCode).toBe(403);
    const bad = await support("POST", "/api/calendar-days", {
      date: "2032-13-01",
      kind: "FEAST",
      name: "x".repeat(51),
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["date", "kind", "name"]);
    const missing = await support("POST", "/api/calendar-days", {});
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(["date", "kind", "name"]);
    expect(
      await h.prisma.calendarDay.count({ where: { date: { gte: new Date("2032-01-01T00:00:00Z") } } }),
    ).toBe(0);
  });

  it("moves the due date of the next application by a new holiday", async () => {
    const [title, address] = await Promise.all([
      h.prisma.invoiceTitle.findFirstOrThrow({ where: { tenantId: ids.acme, isDefault: true } }),
      h.prisma.mailingAddress.findFirstOrThrow({ where: { tenantId: ids.acme, isDefault: true } }),
    ]);
    const quote = async () => {
      const res = await admin("POST", "/api/invoice-requests/quote", {
        providerId: ids.cloudsoft,
        amount: "1.00",
        invoiceType: "PAPER_VAT_GENERAL",
        titleId: title.id,
        addressId: address.id,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ dueDate: string }>().dueDate;
    };
    const before = await quote();
    // A weekday between tomorrow and the due date that is a working day now.
    const cal = await h.prisma.calendarDay.findMany();
    const listed = new Set(cal.map((d) => d.date.toISOString().slice(0, 10)));
    let day = addDays(chinaDate(new Date()), 1);
    while (!isWorkingDay(day, EMPTY_CALENDAR) || listed.has(day)) day = addDays(day, 1);
    expect(day <= before).toBe(true);
    expect(
      (await support("POST", "/api/calendar-days", { date: day, kind: "HOLIDAY", name: "临时假日" }))
        .statusCode,
    ).toBe(201);
    const after = await quote();
    expect(after > before).toBe(true);
    expect((await support("DELETE", `/api/calendar-days/${day}`)).statusCode).toBe(200);
    expect(await quote()).toBe(before);
  });
});
