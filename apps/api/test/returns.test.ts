import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { expireRedLetters } from "../src/services/expire-red-letters";
import { useHarness } from "./harness";
import {
  amountsAt,
  as,
  balanceOf,
  openReturn,
  openTicket,
  RED_LETTER_NUMBER,
  requestIn,
  useDemo,
} from "./flow";

const h = useHarness();
const { ids, who } = useDemo(h);

const HOUR = 3_600_000;

/** Everything a refused step must leave as it was. */
async function snapshot(requestId: string) {
  const request = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: requestId } });
  return {
    request: { status: request.status, updatedAt: request.updatedAt.toISOString() },
    returns: (await h.prisma.returnRequest.findMany({ where: { requestId }, orderBy: { id: "asc" } })).map(
      (r) => `${r.id}:${r.status}:${r.updatedAt.toISOString()}`,
    ),
    balance: await balanceOf(h, request.tenantId, request.providerId),
    audits: await h.prisma.auditEvent.count(),
  };
}

const trail = async (entityId: string) =>
  (
    await h.prisma.auditEvent.findMany({
      where: { entityId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    })
  ).map((e) => `${e.entityType}:${e.action}:${e.fromStatus ?? ""}→${e.toStatus ?? ""}`);

const staff = () => as(h, who.staff);
const admin = () => as(h, who.admin);
const approve = (id: string, body: object = {}) =>
  staff()("POST", `/api/return-requests/${id}/approve`, body);
const decline = (id: string) =>
  staff()("POST", `/api/return-requests/${id}/decline`, { reason: "已开具，不支持退票" });
const confirm = (id: string) => admin()("POST", `/api/return-requests/${id}/confirm`);

describe("reject (驳回, SPEC §13)", () => {
  it("rejects PENDING and PROCESSING with the reason; the amount returns and the tenant may apply again", async () => {
    const start = await amountsAt(h, who.admin, ids.cloudsoft);
    const pending = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING", "11.00");
    const processing = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "12.00", "ELECTRONIC");
    for (const id of [pending, processing]) {
      const res = await staff()("POST", `/api/invoice-requests/${id}/reject`, { reason: " 抬头与税号不符 " });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: "REJECTED", rejectReason: "抬头与税号不符" });
      expect(res.json().rejectedAt).not.toBeNull();
      const seen = (await admin()("GET", `/api/invoice-requests/${id}`)).json();
      expect(seen).toMatchObject({ status: "REJECTED", rejectReason: "抬头与税号不符" });
      const event = await h.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "REJECT" } });
      expect(event).toMatchObject({
        reason: "抬头与税号不符",
        toStatus: "REJECTED",
        actorRole: "PROVIDER_STAFF",
      });
    }
    expect((await amountsAt(h, who.admin, ids.cloudsoft)).invoiceable).toBe(start.invoiceable);
  });

  it("refuses a bad reason, the wrong state, role or provider, changing nothing", async () => {
    const pending = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING");
    const mailing = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const issued = await requestIn(h, who, ids.acme, ids.cloudsoft, "ISSUED", "1.00", "ELECTRONIC");
    const cases: [string, string, object, number][] = [
      [who.staff, pending, { reason: "" }, 400],
      [who.staff, pending, { reason: "x".repeat(201) }, 400],
      [who.staff, pending, {}, 400],
      [who.admin, pending, { reason: "x" }, 403],
      [who.support, pending, { reason: "x" }, 403],
      [who.datawise, pending, { reason: "x" }, 404],
      [who.staff, mailing, { reason: "x" }, 409],
      [who.staff, issued, { reason: "x" }, 409],
    ];
    for (const [cookie, id, body, status] of cases) {
      const before = await snapshot(id);
      const res = await as(h, cookie)("POST", `/api/invoice-requests/${id}/reject`, body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(status);
      if (status === 400) expect(res.json().error.fields).toHaveProperty("reason");
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it("rejects a request with an open return request too, granting that return request with the reason", async () => {
    const start = await amountsAt(h, who.admin, ids.cloudsoft);
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "3.00");
    const returnId = await openReturn(h, who.admin, id);
    const res = await staff()("POST", `/api/invoice-requests/${id}/reject`, { reason: "抬头有误" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "REJECTED",
      rejectReason: "抬头有误",
      returnRequest: { id: returnId, status: "APPROVED", decisionReason: "抬头有误" },
    });
    // One decision, one instant: the grant carries the rejection's time.
    expect(res.json().returnRequest.decidedAt).toBe(res.json().rejectedAt);
    const rr = (await admin()("GET", `/api/return-requests?status=APPROVED`)).json();
    expect(rr.items.find((r: { id: string }) => r.id === returnId)).toMatchObject({
      status: "APPROVED",
      decisionReason: "抬头有误",
    });
    expect(await trail(returnId)).toEqual([
      "ReturnRequest:OPEN:→OPEN",
      "ReturnRequest:APPROVE:OPEN→APPROVED",
    ]);
    // Closed: no decision on it any more, and the amount is back once.
    expect((await approve(returnId)).statusCode).toBe(409);
    expect((await decline(returnId)).statusCode).toBe(409);
    expect((await amountsAt(h, who.admin, ids.cloudsoft)).invoiceable).toBe(start.invoiceable);
  });
});

describe("return requests (退票申请)", () => {
  it("opens on PROCESSING, MAILING and ISSUED only, one at a time, for the tenant's admin", async () => {
    const pending = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING");
    const cancelled = await requestIn(h, who, ids.acme, ids.cloudsoft, "CANCELLED");
    const processing = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
    const path = (id: string) => `/api/invoice-requests/${id}/return-requests`;
    for (const id of [pending, cancelled]) {
      const before = await snapshot(id);
      const res = await admin()("POST", path(id), { reason: "退票" });
      expect(res.statusCode).toBe(409);
      expect(await snapshot(id)).toEqual(before);
    }
    const before = await snapshot(processing);
    expect((await admin()("POST", path(processing), { reason: "" })).statusCode).toBe(400);
    expect((await as(h, who.globex)("POST", path(processing), { reason: "x" })).statusCode).toBe(404);
    expect((await staff()("POST", path(processing), { reason: "x" })).statusCode).toBe(403);
    expect(await snapshot(processing)).toEqual(before);

    const res = await admin()("POST", path(processing), { reason: "金额有误" });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      requestId: processing,
      reason: "金额有误",
      status: "OPEN",
      decisionReason: null,
      redLetterNumber: null,
      expiresAt: null,
      requestStatus: "PROCESSING",
    });
    expect(created.requestNumber).toMatch(/^MI\d{14}$/);
    const second = await admin()("POST", path(processing), { reason: "again" });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe("This invoice already has a return request in progress");
    const request = (await admin()("GET", `/api/invoice-requests/${processing}`)).json();
    expect(request.returnRequest).toMatchObject({ id: created.id, status: "OPEN", reason: "金额有误" });
    expect(await trail(created.id)).toEqual(["ReturnRequest:OPEN:→OPEN"]);
    expect((await trail(processing)).at(-1)).toBe("InvoiceRequest:OPEN:PROCESSING→PROCESSING");
  });

  it("lets exactly one of five parallel openings through", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        admin()("POST", `/api/invoice-requests/${id}/return-requests`, { reason: "x" }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await h.prisma.returnRequest.count({ where: { requestId: id } })).toBe(1);
  });

  it("approved on PROCESSING: the request is cancelled at once and the amount returns", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "13.00");
    const before = await balanceOf(h, ids.acme, ids.cloudsoft);
    const returnId = await openReturn(h, who.admin, id);
    const res = await approve(returnId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "APPROVED", requestStatus: "CANCELLED" });
    expect(res.json().decidedAt).not.toBeNull();
    expect((await balanceOf(h, ids.acme, ids.cloudsoft)).processingFen).toBe(before.processingFen - 1300n);
    expect(await trail(returnId)).toEqual([
      "ReturnRequest:OPEN:→OPEN",
      "ReturnRequest:APPROVE:OPEN→APPROVED",
    ]);
    expect((await trail(id)).slice(-2)).toEqual([
      "InvoiceRequest:OPEN:PROCESSING→PROCESSING",
      "InvoiceRequest:RETURN_CANCEL:PROCESSING→CANCELLED",
    ]);
    const event = await h.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "RETURN_CANCEL" },
    });
    expect(event.after).toMatchObject({ returnRequestId: returnId, returnStatus: "APPROVED" });
  });

  it("approved on MAILING: the request goes on to the void ticket, which shows the approval to support", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const returnId = await openReturn(h, who.admin, id);
    const res = await approve(returnId, { redLetterNumber: RED_LETTER_NUMBER });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "APPROVED", requestStatus: "MAILING", redLetterNumber: null });
    const ticketId = await openTicket(h, who.admin, id);
    const tickets = (await as(h, who.support)("GET", `/api/tickets?requestId=${id}`)).json().items;
    expect(tickets[0]).toMatchObject({ id: ticketId, returnRequest: { id: returnId, status: "APPROVED" } });
    expect(tickets[0].requestNumber).toMatch(/^MI\d{14}$/);
    expect(
      (await as(h, who.support)("POST", `/api/tickets/${ticketId}/void`, { reason: "已收到" })).statusCode,
    ).toBe(200);
    expect(await trail(id)).toContain("InvoiceRequest:APPROVE:MAILING→MAILING");
  });

  it("approved on ISSUED: a red-letter reversal the buyer confirms within 72 hours voids the invoice", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "ISSUED", "14.00", "ELECTRONIC");
    const start = await amountsAt(h, who.admin, ids.cloudsoft);
    const returnId = await openReturn(h, who.admin, id);
    const before = await snapshot(id);
    for (const body of [{}, { redLetterNumber: "123" }, { redLetterNumber: "4403112612000000123x" }]) {
      const res = await approve(returnId, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields).toHaveProperty("redLetterNumber");
    }
    expect(await snapshot(id)).toEqual(before);
    const at = Date.now();
    const res = await approve(returnId, { redLetterNumber: RED_LETTER_NUMBER });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "AWAITING_BUYER",
      redLetterNumber: RED_LETTER_NUMBER,
      requestStatus: "ISSUED",
    });
    const expires = new Date(res.json().expiresAt).getTime();
    expect(expires - at).toBeGreaterThanOrEqual(72 * HOUR - 1000);
    expect(expires - at).toBeLessThan(72 * HOUR + 5000);
    expect((await admin()("GET", `/api/invoice-requests/${id}`)).json().returnRequest).toMatchObject({
      status: "AWAITING_BUYER",
      redLetterNumber: RED_LETTER_NUMBER,
    });
    // Only the tenant's admin confirms.
    expect((await staff()("POST", `/api/return-requests/${returnId}/confirm`)).statusCode).toBe(403);
    expect((await as(h, who.globex)("POST", `/api/return-requests/${returnId}/confirm`)).statusCode).toBe(
      404,
    );
    const confirmed = await confirm(returnId);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: "CONFIRMED", requestStatus: "VOIDED" });
    const end = await amountsAt(h, who.admin, ids.cloudsoft);
    expect(Number(end.issued)).toBeCloseTo(Number(start.issued) - 14, 2);
    expect(Number(end.invoiceable)).toBeCloseTo(Number(start.invoiceable) + 14, 2);
    expect(await trail(returnId)).toEqual([
      "ReturnRequest:OPEN:→OPEN",
      "ReturnRequest:APPROVE:OPEN→AWAITING_BUYER",
      "ReturnRequest:CONFIRM:AWAITING_BUYER→CONFIRMED",
    ]);
    expect((await trail(id)).slice(-3)).toEqual([
      "InvoiceRequest:OPEN:ISSUED→ISSUED",
      "InvoiceRequest:APPROVE:ISSUED→ISSUED",
      "InvoiceRequest:RED_LETTER_VOID:ISSUED→VOIDED",
    ]);
  });

  it("declines with a reason, leaving the request as it is; a new request may follow", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "ISSUED", "1.00", "ELECTRONIC");
    const returnId = await openReturn(h, who.admin, id);
    expect((await staff()("POST", `/api/return-requests/${returnId}/decline`, {})).statusCode).toBe(400);
    const res = await decline(returnId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "DECLINED",
      decisionReason: "已开具，不支持退票",
      requestStatus: "ISSUED",
    });
    expect(await trail(id)).toContain("InvoiceRequest:DECLINE:ISSUED→ISSUED");
    expect(await openReturn(h, who.admin, id)).not.toBe(returnId);
  });

  it("refuses every step out of turn, by the wrong role or of another tenant or provider, changing nothing", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "ISSUED", "1.00", "ELECTRONIC");
    const returnId = await openReturn(h, who.admin, id);
    const steps: [string, string, object | undefined, number][] = [
      [who.admin, "confirm", undefined, 409], // OPEN: nothing to confirm yet
      [who.admin, "approve", { redLetterNumber: RED_LETTER_NUMBER }, 403],
      [who.support, "decline", { reason: "x" }, 403],
      [who.datawise, "approve", { redLetterNumber: RED_LETTER_NUMBER }, 404],
      [who.datawise, "decline", { reason: "x" }, 404],
      [who.globex, "confirm", undefined, 404],
    ];
    const check = async () => {
      for (const [cookie, step, body, status] of steps) {
        const before = await snapshot(id);
        const res = await as(h, cookie)("POST", `/api/return-requests/${returnId}/${step}`, body);
        expect(res.statusCode, `${step}: ${res.body}`).toBe(status);
        expect(await snapshot(id)).toEqual(before);
      }
    };
    await check();
    expect((await approve(returnId, { redLetterNumber: RED_LETTER_NUMBER })).statusCode).toBe(200);
    steps[0] = [who.staff, "approve", { redLetterNumber: RED_LETTER_NUMBER }, 409];
    steps.push([who.staff, "decline", { reason: "x" }, 409]);
    await check();
    expect((await confirm(returnId)).statusCode).toBe(200);
    steps[0] = [who.admin, "confirm", undefined, 409];
    await check();
    const message = (await confirm(returnId)).json().error.message;
    expect(message).toContain("Reversed");
  });

  it("lists them for the tenant's admin, the provider's staff and support, newest first in keyset pages", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
    const returnId = await openReturn(h, who.admin, id);
    const list = async (cookie: string, query = "", limit = 100) =>
      (await as(h, cookie)("GET", `/api/return-requests?limit=${limit}${query}`)).json<{
        items: { id: string; tenantId: string; providerId: string; status: string; createdAt: string }[];
        nextCursor: string | null;
      }>();
    expect((await list(who.admin)).items.every((r) => r.tenantId === ids.acme)).toBe(true);
    expect((await list(who.globex)).items.every((r) => r.tenantId === ids.globex)).toBe(true);
    expect((await list(who.globex)).items.map((r) => r.id)).not.toContain(returnId);
    expect((await list(who.staff)).items.every((r) => r.providerId === ids.cloudsoft)).toBe(true);
    expect((await list(who.datawise)).items).toEqual([]);
    const all = (await list(who.support)).items;
    expect(all.map((r) => r.id)).toContain(returnId);
    expect(all.length).toBe(await h.prisma.returnRequest.count());
    const open = (await list(who.support, "&status=OPEN")).items;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r.status === "OPEN")).toBe(true);
    expect((await list(who.admin, `&requestId=${id}`)).items.map((r) => r.id)).toEqual([returnId]);
    const dates = all.map((r) => r.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(who.support, cursor ? `&cursor=${cursor}` : "", 2);
      walked.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.map((r) => r.id));
    const bad = await as(h, who.support)("GET", "/api/return-requests?status=LOST");
    expect(bad.statusCode).toBe(400);
    expect((await h.app.inject({ method: "GET", url: "/api/return-requests" })).statusCode).toBe(401);
  });

  it("keeps the audit trail readable: ReturnRequest and InvoiceFile events come back from /api/audit-events", async () => {
    for (const entityType of ["ReturnRequest", "InvoiceFile"]) {
      const res = await as(h, who.support)("GET", `/api/audit-events?entityType=${entityType}&limit=100`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.length).toBeGreaterThan(0);
    }
    const mine = await as(h, who.admin)("GET", "/api/audit-events?entityType=ReturnRequest&limit=100");
    expect(mine.statusCode).toBe(200);
    const items = mine.json<{ items: { tenantId: string; requestNumber: string | null }[] }>().items;
    expect(items.every((e) => e.tenantId === ids.acme)).toBe(true);
    // Each names its request by number (SPEC §11), as the request's own events do.
    expect(items.every((e) => /^MI\d{14}$/.test(e.requestNumber ?? ""))).toBe(true);
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING");
    const own = (await as(h, who.admin)("GET", `/api/audit-events?entityId=${id}`)).json().items;
    const { number } = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } });
    expect(own.map((e: { requestNumber: string }) => e.requestNumber)).toEqual([number]);
  });

  it("a void ticket resolved while the return request is still open grants it with the void", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    const returnId = await openReturn(h, who.admin, id);
    const ticketId = await openTicket(h, who.admin, id);
    expect(
      (await as(h, who.support)("POST", `/api/tickets/${ticketId}/void`, { reason: "已寄回" })).statusCode,
    ).toBe(200);
    const row = await h.prisma.returnRequest.findUniqueOrThrow({ where: { id: returnId } });
    expect(row).toMatchObject({ status: "APPROVED", decisionReason: "已寄回" });
    const request = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } });
    expect(row.decidedAt).toEqual(request.voidedAt);
    expect(await trail(returnId)).toEqual([
      "ReturnRequest:OPEN:→OPEN",
      "ReturnRequest:APPROVE:OPEN→APPROVED",
    ]);
  });
});

describe("concurrent decisions", () => {
  it("approve × 3, decline × 3 and reject × 3 at once on a PROCESSING request: one decision closes the return request, the books balance", async () => {
    for (let round = 0; round < 4; round++) {
      const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "5.00");
      const returnId = await openReturn(h, who.admin, id);
      const before = await balanceOf(h, ids.acme, ids.cloudsoft);
      const calls = [
        ...Array.from({ length: 3 }, () => approve(returnId).then((r) => ["approve", r.statusCode] as const)),
        ...Array.from({ length: 3 }, () => decline(returnId).then((r) => ["decline", r.statusCode] as const)),
        ...Array.from({ length: 3 }, () =>
          staff()("POST", `/api/invoice-requests/${id}/reject`, { reason: "x" }).then(
            (r) => ["reject", r.statusCode] as const,
          ),
        ),
      ];
      const results = await Promise.all(calls);
      const won = (kind: string) => results.filter(([k, s]) => k === kind && s === 200).length;
      expect(
        results.every(([, s]) => s === 200 || s === 409),
        JSON.stringify(results),
      ).toBe(true);
      // The request changes at most once: cancelled by an approval or rejected, never both.
      expect(won("approve") + won("reject")).toBeLessThanOrEqual(1);
      expect(won("approve") + won("decline")).toBeLessThanOrEqual(1);
      const rr = await h.prisma.returnRequest.findUniqueOrThrow({ where: { id: returnId } });
      const request = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } });
      if (won("approve")) {
        expect([rr.status, request.status]).toEqual(["APPROVED", "CANCELLED"]);
      } else if (won("decline")) {
        // Declined first; the provider may still reject the request afterwards.
        expect(rr.status).toBe("DECLINED");
        expect(request.status).toBe(won("reject") ? "REJECTED" : "PROCESSING");
      } else {
        // The rejection came first and granted the open return request with it.
        expect([rr.status, request.status]).toEqual(["APPROVED", "REJECTED"]);
      }
      const after = await balanceOf(h, ids.acme, ids.cloudsoft);
      const gone = request.status === "PROCESSING" ? 0n : 500n;
      expect(after.processingFen).toBe(before.processingFen - gone);
      const decisions = await h.prisma.auditEvent.count({
        where: { entityId: returnId, action: { in: ["APPROVE", "DECLINE"] } },
      });
      expect(decisions).toBe(1);
    }
  });

  it("confirm racing the expiry job: exactly one of them closes the reversal", async () => {
    for (let round = 0; round < 4; round++) {
      const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "ISSUED", "1.00", "ELECTRONIC");
      const returnId = await openReturn(h, who.admin, id);
      expect((await approve(returnId, { redLetterNumber: RED_LETTER_NUMBER })).statusCode).toBe(200);
      // Due by now: a confirmation that reads it first wins, else the job expires it.
      await h.prisma.returnRequest.update({
        where: { id: returnId },
        data: { expiresAt: new Date(Date.now() + 300) },
      });
      await new Promise((r) => setTimeout(r, 300 + round * 5));
      const [confirmed] = await Promise.all([
        confirm(returnId),
        expireRedLetters(h.prisma, new Date(Date.now() + 1000)),
      ]);
      const rr = await h.prisma.returnRequest.findUniqueOrThrow({ where: { id: returnId } });
      const request = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } });
      if (confirmed.statusCode === 200) expect([rr.status, request.status]).toEqual(["CONFIRMED", "VOIDED"]);
      else expect([confirmed.statusCode, rr.status, request.status]).toEqual([409, "EXPIRED", "ISSUED"]);
    }
  });
});

describe("expiry of red-letter reversals (a job, no page needed)", () => {
  async function awaiting() {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "ISSUED", "1.00", "ELECTRONIC");
    const returnId = await openReturn(h, who.admin, id);
    expect((await approve(returnId, { redLetterNumber: RED_LETTER_NUMBER })).statusCode).toBe(200);
    return { id, returnId };
  }

  it("moves what is due to EXPIRED with audit events; the invoice stays ISSUED and may be returned again", async () => {
    const { id, returnId } = await awaiting();
    const rr = await h.prisma.returnRequest.findUniqueOrThrow({ where: { id: returnId } });
    expect((await expireRedLetters(h.prisma, new Date(rr.expiresAt!.getTime() - 1000))).expired).toBe(0);
    expect((await h.prisma.returnRequest.findUniqueOrThrow({ where: { id: returnId } })).status).toBe(
      "AWAITING_BUYER",
    );
    const balance = await balanceOf(h, ids.acme, ids.cloudsoft);
    const later = new Date(Date.now() + 73 * HOUR);
    expect((await expireRedLetters(h.prisma, later)).expired).toBeGreaterThanOrEqual(1);
    const expired = await h.prisma.returnRequest.findUniqueOrThrow({ where: { id: returnId } });
    expect(expired).toMatchObject({ status: "EXPIRED" });
    expect(expired.closedAt?.getTime()).toBe(later.getTime());
    expect((await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).status).toBe("ISSUED");
    expect(await balanceOf(h, ids.acme, ids.cloudsoft)).toEqual(balance);
    expect((await trail(returnId)).at(-1)).toBe("ReturnRequest:EXPIRE:AWAITING_BUYER→EXPIRED");
    expect((await trail(id)).at(-1)).toBe("InvoiceRequest:EXPIRE:ISSUED→ISSUED");
    expect((await confirm(returnId)).statusCode).toBe(409);
    expect(await openReturn(h, who.admin, id)).not.toBe(returnId);
  });

  it("refuses a confirmation after expiresAt even before the job has run", async () => {
    const { id, returnId } = await awaiting();
    await h.prisma.returnRequest.update({
      where: { id: returnId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const before = await snapshot(id);
    const res = await confirm(returnId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      "The time to confirm the reversal has run out; the invoice stays issued",
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it("is safe when two processes run it at once: each due reversal expires once", async () => {
    const due = await Promise.all([awaiting(), awaiting(), awaiting()]);
    const later = new Date(Date.now() + 80 * HOUR);
    const waiting = await h.prisma.returnRequest.count({
      where: { status: "AWAITING_BUYER", expiresAt: { lte: later } },
    });
    const [a, b] = await Promise.all([expireRedLetters(h.prisma, later), expireRedLetters(h.prisma, later)]);
    expect(a.expired + b.expired).toBe(waiting);
    for (const { returnId } of due) {
      expect(await h.prisma.auditEvent.count({ where: { entityId: returnId, action: "EXPIRE" } })).toBe(1);
    }
    expect(
      await h.prisma.returnRequest.count({ where: { status: "AWAITING_BUYER", expiresAt: { lte: later } } }),
    ).toBe(0);
  });

  it("runs from the scheduler of an app that has jobs turned on, without any request", async () => {
    const { returnId } = await awaiting();
    await h.prisma.returnRequest.update({
      where: { id: returnId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const app = await buildApp({
      prisma: h.prisma,
      sessionSecret: "test-secret",
      logLevel: "silent",
      jobs: true,
    });
    try {
      await app.ready();
      expect(app.scheduler.running).toBe(true);
      const deadline = Date.now() + 5000;
      let status = "";
      while (Date.now() < deadline) {
        status = (await h.prisma.returnRequest.findUniqueOrThrow({ where: { id: returnId } })).status;
        if (status === "EXPIRED") break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe("EXPIRED");
    } finally {
      await app.close();
    }
    expect(h.app.scheduler.running).toBe(false);
    await expect(h.app.scheduler.runNow("no-such-job")).rejects.toThrow(/no job/);
  });
});
