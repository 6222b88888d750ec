import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, useHarness, type Ids } from "./harness";
import { amountsAt, as, balanceOf, openTicket } from "./flow";

const h = useHarness();
let ids: Ids;
let acme: string;
let globex: string;
let support: string;

type Api = ReturnType<typeof as>;
let asAcme: Api;
let asGlobex: Api;
let asSupport: Api;

beforeAll(async () => {
  ids = await h.ids();
  [acme, globex, support] = [
    await h.login(DEMO.acme),
    await h.login(DEMO.globex),
    await h.login(DEMO.support),
  ];
  [asAcme, asGlobex, asSupport] = [as(h, acme), as(h, globex), as(h, support)];
});

const refund = (tenantId: string, providerId: string, amount: string, reference: string) =>
  asSupport("POST", "/api/refunds", { tenantId, providerId, amount, reference });

/** Everything a refused ledger call must leave alone. */
async function ledgerState() {
  return {
    balances: await h.prisma.balance.findMany({ orderBy: [{ tenantId: "asc" }, { providerId: "asc" }] }),
    entries: await h.prisma.ledgerEntry.count(),
    withdrawals: await h.prisma.withdrawal.count(),
    audits: await h.prisma.auditEvent.count(),
  };
}

describe("a refund that makes the tenant over-invoiced (SPEC §3)", () => {
  it("blocks applications and withdrawals until enough invoices are voided", async () => {
    // NetGuard: consumed 5,000.00; PROCESSING 1,200.00 + MAILING 800.00 invoiced.
    const res = await refund(ids.acme, ids.netguard, "3500.00", "RF-NG-0001");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      tenantId: ids.acme,
      tenantName: "Acme 科技有限公司",
      providerId: ids.netguard,
      providerName: "NetGuard 网络安全",
      kind: "REFUND",
      amount: "3500.00",
      reference: "RF-NG-0001",
    });
    expect(
      await h.prisma.ledgerEntry.count({
        where: { tenantId: ids.acme, providerId: ids.netguard, kind: "CONSUMPTION" },
      }),
    ).toBe(1);
    expect(
      await h.prisma.auditEvent.count({
        where: { entityType: "LedgerEntry", entityId: res.json().id, action: "REFUND" },
      }),
    ).toBe(1);
    expect(await amountsAt(h, acme, ids.netguard)).toMatchObject({
      consumed: "5000.00",
      refunded: "3500.00",
      invoiced: "2000.00",
      invoiceable: "0.00",
      overInvoiced: "500.00",
      withdrawable: "0.00",
    });

    const before = await ledgerState();
    const title = await h.prisma.invoiceTitle.findFirstOrThrow({
      where: { tenantId: ids.acme, isDefault: true },
    });
    const address = await h.prisma.mailingAddress.findFirstOrThrow({
      where: { tenantId: ids.acme, isDefault: true },
    });
    const applied = await asAcme("POST", "/api/invoice-requests", {
      providerId: ids.netguard,
      amount: "1.00",
      invoiceType: "PAPER_VAT_GENERAL",
      titleId: title.id,
      addressId: address.id,
    });
    expect(applied.statusCode).toBe(409);
    expect(applied.json().error.message).toContain("over-invoiced by ¥500.00");

    const blocked = await asAcme("POST", "/api/withdrawals", { providerId: ids.netguard, amount: "100.00" });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toEqual({
      code: "CONFLICT",
      message: "You are over-invoiced by ¥500.00; void enough invoices before withdrawing",
    });
    const zh = await asAcme(
      "POST",
      "/api/withdrawals",
      { providerId: ids.netguard, amount: "100.00" },
      { "accept-language": "zh-CN" },
    );
    expect(zh.json().error.message).toBe("存在欠票 ¥500.00，需作废足额发票后才能提现");
    expect(await ledgerState()).toEqual(before);

    // Void the MAILING 800.00 through a ticket: invoiced 1,200.00 ≤ 1,500.00 net.
    const mailing = await h.prisma.invoiceRequest.findFirstOrThrow({
      where: { tenantId: ids.acme, providerId: ids.netguard, status: "MAILING" },
    });
    const ticketId = await openTicket(h, acme, mailing.id);
    expect(
      (await asSupport("POST", `/api/tickets/${ticketId}/void`, { reason: "退款后作废" })).statusCode,
    ).toBe(200);
    expect(await amountsAt(h, acme, ids.netguard)).toMatchObject({
      overInvoiced: "0.00",
      invoiceable: "300.00",
      withdrawable: "3500.00",
    });

    const withdrawn = await asAcme("POST", "/api/withdrawals", {
      providerId: ids.netguard,
      amount: "3500.00",
    });
    expect(withdrawn.statusCode).toBe(201);
    expect(withdrawn.json()).toMatchObject({
      providerId: ids.netguard,
      providerName: "NetGuard 网络安全",
      amount: "3500.00",
    });
    expect(await amountsAt(h, acme, ids.netguard)).toMatchObject({
      withdrawn: "3500.00",
      withdrawable: "0.00",
    });
    expect(
      await h.prisma.auditEvent.count({
        where: { entityType: "Withdrawal", entityId: withdrawn.json().id, action: "WITHDRAW" },
      }),
    ).toBe(1);

    const beyond = await asAcme("POST", "/api/withdrawals", { providerId: ids.netguard, amount: "0.01" });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().error.message).toBe("The amount exceeds the withdrawable balance (¥0.00)");
    expect((await balanceOf(h, ids.acme, ids.netguard)).withdrawnFen).toBe(350000n);

    const list = await asAcme("GET", "/api/withdrawals");
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string }[] }>().items.map((w) => w.id)).toEqual([withdrawn.json().id]);
    expect((await asGlobex("GET", "/api/withdrawals")).json().items).toEqual([]);
  });
});

describe("refunds", () => {
  it("never refunds more than was consumed, nor the same reference twice", async () => {
    // DataWise: Acme consumed 36.80.
    const over = await refund(ids.acme, ids.datawise, "36.81", "RF-DW-0001");
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe(
      "The refund exceeds the remaining consumption at this provider (¥36.80)",
    );
    expect((await refund(ids.acme, ids.datawise, "30.00", "RF-DW-0001")).statusCode).toBe(201);
    const before = await ledgerState();
    const duplicate = await refund(ids.acme, ids.datawise, "1.00", "RF-DW-0001");
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe("A refund with this reference is already recorded");
    const rest = await refund(ids.acme, ids.datawise, "6.81", "RF-DW-0002");
    expect(rest.statusCode).toBe(409);
    expect(rest.json().error.message).toContain("(¥6.80)");
    // A provider the tenant never consumed at has nothing to refund.
    const none = await refund(ids.globex, ids.netguard, "1.00", "RF-NONE");
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toContain("(¥0.00)");
    expect(await ledgerState()).toEqual(before);
    expect((await balanceOf(h, ids.acme, ids.datawise)).refundedFen).toBe(3000n);
  });

  it("answers 404 naming the unknown tenant or provider, and 403 to other roles", async () => {
    const before = await ledgerState();
    const unknown = "0190a000-0000-7000-8000-000000000000";
    const t = await refund(unknown, ids.cloudsoft, "1.00", "RF-X");
    expect(t.statusCode).toBe(404);
    expect(t.json().error.fields).toEqual({ tenantId: "Not found" });
    const p = await refund(ids.acme, unknown, "1.00", "RF-X");
    expect(p.statusCode).toBe(404);
    expect(p.json().error.fields).toEqual({ providerId: "Not found" });
    const body = { tenantId: ids.acme, providerId: ids.cloudsoft, amount: "1.00", reference: "RF-X" };
    expect((await asAcme("POST", "/api/refunds", body)).statusCode).toBe(403);
    expect((await as(h, await h.login(DEMO.cloudsoft))("POST", "/api/refunds", body)).statusCode).toBe(403);
    expect((await asAcme("GET", "/api/refunds")).statusCode).toBe(403);
    expect(await ledgerState()).toEqual(before);
  });

  it("lists refunds newest first, filtered, in keyset pages", async () => {
    for (const n of [1, 2, 3])
      expect((await refund(ids.acme, ids.cloudsoft, `${n}.00`, `RF-CS-${n}`)).statusCode).toBe(201);
    const all = await asSupport("GET", "/api/refunds?limit=100");
    expect(all.statusCode).toBe(200);
    const items = all.json<{
      items: { kind: string; reference: string; tenantId: string; providerId: string }[];
    }>().items;
    expect(items.length).toBe(await h.prisma.ledgerEntry.count({ where: { kind: "REFUND" } }));
    expect(items.every((i) => i.kind === "REFUND")).toBe(true);
    expect(items.slice(0, 3).map((i) => i.reference)).toEqual(["RF-CS-3", "RF-CS-2", "RF-CS-1"]);

    const filtered = await asSupport(
      "GET",
      `/api/refunds?tenantId=${ids.acme}&providerId=${ids.cloudsoft}&limit=2`,
    );
    const page1 = filtered.json<{ items: { reference: string }[]; nextCursor: string }>();
    expect(page1.items.map((i) => i.reference)).toEqual(["RF-CS-3", "RF-CS-2"]);
    const page2 = (
      await asSupport(
        "GET",
        `/api/refunds?tenantId=${ids.acme}&providerId=${ids.cloudsoft}&limit=2&cursor=${page1.nextCursor}`,
      )
    ).json();
    expect(page2).toMatchObject({ items: [{ reference: "RF-CS-1" }], nextCursor: null });
    expect((await asSupport("GET", "/api/refunds?tenantId=nope")).statusCode).toBe(400);
  });
});

describe("withdrawals", () => {
  it("replays a retry with the same Idempotency-Key and withdraws once", async () => {
    // Acme at DataWise has 30.00 refunded (see above).
    const key = { "idempotency-key": "withdraw-dw-1" };
    const first = await asAcme(
      "POST",
      "/api/withdrawals",
      { providerId: ids.datawise, amount: "10.00" },
      key,
    );
    const retry = await asAcme(
      "POST",
      "/api/withdrawals",
      { providerId: ids.datawise, amount: "10.00" },
      key,
    );
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await h.prisma.withdrawal.count({ where: { tenantId: ids.acme, providerId: ids.datawise } })).toBe(
      1,
    );
    expect((await balanceOf(h, ids.acme, ids.datawise)).withdrawnFen).toBe(1000n);

    const other = await asAcme(
      "POST",
      "/api/withdrawals",
      { providerId: ids.datawise, amount: "11.00" },
      key,
    );
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toBe("This Idempotency-Key was used for a different request");
    expect((await balanceOf(h, ids.acme, ids.datawise)).withdrawnFen).toBe(1000n);
  });

  it("lets exactly 10 of 20 parallel 100.00 withdrawals through a 1,000.00 balance", async () => {
    // Globex at CloudSoft: consumed 2,000.00, nothing invoiced.
    expect((await refund(ids.globex, ids.cloudsoft, "1000.00", "RF-GX-CS-1")).statusCode).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        asGlobex("POST", "/api/withdrawals", { providerId: ids.cloudsoft, amount: "100.00" }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(10);
    const b = await balanceOf(h, ids.globex, ids.cloudsoft);
    expect(b.withdrawnFen).toBe(100000n);
    expect(b.refundedFen).toBe(100000n);
    expect(
      await h.prisma.withdrawal.count({ where: { tenantId: ids.globex, providerId: ids.cloudsoft } }),
    ).toBe(10);
    const page = await asGlobex("GET", `/api/withdrawals?providerId=${ids.cloudsoft}&limit=4`);
    expect(page.json().items).toHaveLength(4);
    expect(page.json().nextCursor).toEqual(expect.any(String));
  });

  it("answers 409 where nothing was refunded and 404 for an unknown provider", async () => {
    const none = await asGlobex("POST", "/api/withdrawals", { providerId: ids.netguard, amount: "1.00" });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toBe("The amount exceeds the withdrawable balance (¥0.00)");
    const unknown = await asGlobex("POST", "/api/withdrawals", {
      providerId: "0190a000-0000-7000-8000-000000000000",
      amount: "1.00",
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.fields).toEqual({ providerId: "Not found" });
    expect(
      (await asSupport("POST", "/api/withdrawals", { providerId: ids.cloudsoft, amount: "1.00" })).statusCode,
    ).toBe(403);
    expect((await asSupport("GET", "/api/withdrawals")).statusCode).toBe(403);
  });
});

describe("bad input", () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ["a negative amount", { amount: "-5.00" }, ["amount"]],
    ["three decimals", { amount: "1.234" }, ["amount"]],
    ["a number instead of a string", { amount: 100 }, ["amount"]],
    ["zero", { amount: "0.00" }, ["amount"]],
    ["an exponent", { amount: "1e3" }, ["amount"]],
    ["a bad uuid", { providerId: "cloudsoft" }, ["providerId"]],
    ["missing fields", { providerId: undefined, amount: undefined }, ["amount", "providerId"]],
  ];

  it.each(cases)(
    "refuses a withdrawal with %s, naming the field and storing nothing",
    async (_, patch, fields) => {
      const before = await ledgerState();
      const body = JSON.parse(
        JSON.stringify({ providerId: ids.cloudsoft, amount: "1.00", ...patch }),
      ) as object;
      const res = await asGlobex("POST", "/api/withdrawals", body);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields).sort()).toEqual(fields);
      expect(await ledgerState()).toEqual(before);
    },
  );

  it.each(cases)(
    "refuses a refund with %s, naming the field and storing nothing",
    async (_, patch, fields) => {
      const before = await ledgerState();
      const body = JSON.parse(
        JSON.stringify({
          tenantId: ids.globex,
          providerId: ids.cloudsoft,
          amount: "1.00",
          reference: "RF-BAD",
          ...patch,
        }),
      ) as object;
      const res = await asSupport("POST", "/api/refunds", body);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields).sort()).toEqual(fields);
      expect(await ledgerState()).toEqual(before);
    },
  );

  it("refuses a refund without reference or tenant", async () => {
    const res = await asSupport("POST", "/api/refunds", {
      providerId: ids.cloudsoft,
      amount: "1.00",
      reference: " ",
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(["reference", "tenantId"]);
  });
});

describe("the database backs the rules up", () => {
  it("refuses refunds above consumption and withdrawals above refunds even from raw SQL", async () => {
    const where = `WHERE "tenantId" = '${ids.acme}'::uuid AND "providerId" = '${ids.cloudsoft}'::uuid`;
    await expect(
      h.prisma.$executeRawUnsafe(`UPDATE "Balance" SET "refundedFen" = "consumedFen" + 1 ${where}`),
    ).rejects.toThrow(/Balance_refund_within_consumption/);
    await expect(
      h.prisma.$executeRawUnsafe(`UPDATE "Balance" SET "withdrawnFen" = "refundedFen" + 1 ${where}`),
    ).rejects.toThrow(/Balance_withdrawal_within_refunds/);
  });
});
