import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { as } from "./client";
import { DEMO, useHarness, type Ids } from "./harness";

const h = useHarness();

async function acmeSetup() {
  const ids: Ids = await h.ids();
  const acme = as(h, await h.login(DEMO.acme));
  const title = (await acme.get("/api/invoice-titles")).json().items[0];
  const address = (await acme.get("/api/mailing-addresses")).json().items[0];
  const body = (providerId: string, amount: string, invoiceType = "PAPER_VAT_GENERAL") => ({
    providerId,
    amount,
    invoiceType,
    titleId: title.id,
    addressId: address.id,
  });
  return { ids, acme, title, address, body };
}

const amountsOf = async (caller: ReturnType<typeof as>, providerId: string) =>
  (await caller.get("/api/invoiceable-amounts"))
    .json()
    .items.find((i: { providerId: string }) => i.providerId === providerId);

describe("invoiceable amounts", () => {
  it("shows the formula's figures per provider for the tenant only", async () => {
    const { ids, acme } = await acmeSetup();
    const res = await acme.get("/api/invoiceable-amounts");
    expect(res.statusCode).toBe(200);
    const netguard = res.json().items.find((i: { providerId: string }) => i.providerId === ids.netguard);
    expect(netguard).toMatchObject({
      consumed: "5000.00",
      refunded: "0.00",
      pending: "0.00",
      processing: "1200.00",
      mailing: "800.00",
      invoiced: "2000.00",
      invoiceable: "3000.00",
      overInvoiced: "0.00",
    });
    const globex = as(h, await h.login(DEMO.globex));
    const providers = (await globex.get("/api/invoiceable-amounts"))
      .json()
      .items.map((i: { providerId: string }) => i.providerId);
    expect(providers).not.toContain(ids.netguard);
  });
});

describe("apply → confirm → records → cancel", () => {
  it("quotes postage and due date, applies, lists, and cancel gives the amount back", async () => {
    const { ids, acme, body } = await acmeSetup();
    const before = await amountsOf(acme, ids.cloudsoft);

    const quote = await acme.post("/api/invoice-requests/quote", body(ids.cloudsoft, "1000.00"));
    expect(quote.statusCode).toBe(200);
    expect(quote.json()).toMatchObject({
      amount: "1000.00",
      shippingPayer: "PROVIDER",
      providerName: "CloudSoft 云软件",
    });
    expect(quote.json().dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const cod = await acme.post("/api/invoice-requests/quote", body(ids.datawise, "36.80"));
    expect(cod.json().shippingPayer).toBe("RECIPIENT_COD");

    const created = await acme.post("/api/invoice-requests", body(ids.cloudsoft, "1000.00"), {
      "idempotency-key": randomUUID(),
    });
    expect(created.statusCode).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({
      status: "PENDING",
      amount: "1000.00",
      shippingPayer: "PROVIDER",
      overdue: false,
    });
    expect(request.title.taxpayerId).toBe("91350100M000100Y43");

    const after = await amountsOf(acme, ids.cloudsoft);
    expect(after.pending).toBe("1000.00");
    expect(Number(before.invoiceable) - Number(after.invoiceable)).toBe(1000);

    const list = await acme.get(`/api/invoice-requests?status=PENDING&providerId=${ids.cloudsoft}`);
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(request.id);

    const cancelled = await acme.post(`/api/invoice-requests/${request.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe("CANCELLED");
    expect((await amountsOf(acme, ids.cloudsoft)).invoiceable).toBe(before.invoiceable);

    const again = await acme.post(`/api/invoice-requests/${request.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("已撤销");
  });

  it("keeps the snapshot when the title changes later", async () => {
    const { ids, acme, body, title } = await acmeSetup();
    const request = (await acme.post("/api/invoice-requests", body(ids.cloudsoft, "10.00"))).json();
    await acme.patch(`/api/invoice-titles/${title.id}`, { name: "改名后的公司" });
    const fetched = (await acme.get(`/api/invoice-requests/${request.id}`)).json();
    expect(fetched.title.name).toBe(title.name);
    await acme.patch(`/api/invoice-titles/${title.id}`, { name: title.name });
  });

  it("refuses more than invoiceable with 409 and stores nothing", async () => {
    const { ids, acme, body } = await acmeSetup();
    const count = await h.prisma.invoiceRequest.count();
    const res = await acme.post("/api/invoice-requests", body(ids.datawise, "36.81"));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("36.80");
    expect(await h.prisma.invoiceRequest.count()).toBe(count);
  });

  it("gives field-level 400s for bad bodies and stores nothing", async () => {
    const { ids, acme, body } = await acmeSetup();
    const count = await h.prisma.invoiceRequest.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: "-1.00" }, "amount"],
      [{ amount: "1.001" }, "amount"],
      [{ amount: "abc" }, "amount"],
      [{ amount: "0" }, "amount"],
      [{ amount: 12.5 }, "amount"],
      [{ providerId: "nope" }, "providerId"],
      [{ invoiceType: "GOLD" }, "invoiceType"],
      [{ titleId: undefined }, "titleId"],
    ];
    for (const [patch, field] of cases) {
      const res = await acme.post("/api/invoice-requests", { ...body(ids.cloudsoft, "1.00"), ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(Object.keys(res.json().error.fields), JSON.stringify(patch)).toContain(field);
    }
    const unsupported = await acme.post(
      "/api/invoice-requests",
      body(ids.datawise, "1.00", "PAPER_VAT_SPECIAL"),
    );
    expect(unsupported.statusCode).toBe(400);
    expect(unsupported.json().error.fields.invoiceType).toBeDefined();
    expect(await h.prisma.invoiceRequest.count()).toBe(count);
  });

  it("asks for the missing title fields of a VAT special invoice", async () => {
    const { ids, acme, body } = await acmeSetup();
    const bare = (
      await acme.post("/api/invoice-titles", {
        type: "ENTERPRISE",
        name: "简易公司",
        taxpayerId: "91110000600037341L",
      })
    ).json();
    const res = await acme.post("/api/invoice-requests", {
      ...body(ids.cloudsoft, "1.00", "PAPER_VAT_SPECIAL"),
      titleId: bare.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.titleId).toMatch(/注册地址.*注册电话.*开户银行.*开户账号/);
  });

  it("answers 404 for another tenant's title, address or request", async () => {
    const { ids, acme, body } = await acmeSetup();
    const globex = as(h, await h.login(DEMO.globex));
    const gTitle = (await globex.get("/api/invoice-titles")).json().items[0];
    const res = await acme.post("/api/invoice-requests", {
      ...body(ids.cloudsoft, "1.00"),
      titleId: gTitle.id,
    });
    expect(res.statusCode).toBe(404);
    const mine = (await acme.post("/api/invoice-requests", body(ids.cloudsoft, "1.00"))).json();
    expect((await globex.get(`/api/invoice-requests/${mine.id}`)).statusCode).toBe(404);
    expect((await globex.post(`/api/invoice-requests/${mine.id}/cancel`)).statusCode).toBe(404);
    const staffOther = as(h, await h.login(DEMO.datawise));
    expect((await staffOther.get(`/api/invoice-requests/${mine.id}`)).statusCode).toBe(404);
    const staffOwn = as(h, await h.login(DEMO.cloudsoft));
    expect((await staffOwn.get(`/api/invoice-requests/${mine.id}`)).statusCode).toBe(200);
  });
});

describe("idempotency", () => {
  it("returns the first response for a retried key and creates one request", async () => {
    const { ids, acme, body } = await acmeSetup();
    const key = randomUUID();
    const count = await h.prisma.invoiceRequest.count();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        acme.post("/api/invoice-requests", body(ids.cloudsoft, "2.00"), { "idempotency-key": key }),
      ),
    );
    expect(
      results.map((r) => r.statusCode),
      results.map((r) => r.body).join("\n"),
    ).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await h.prisma.invoiceRequest.count()).toBe(count + 1);
    const other = await acme.post("/api/invoice-requests", body(ids.cloudsoft, "3.00"), {
      "idempotency-key": key,
    });
    expect(other.statusCode).toBe(409);
    expect(await h.prisma.invoiceRequest.count()).toBe(count + 1);
  });
});

describe("money safety under concurrency", () => {
  it("never lets 40 concurrent applications exceed the invoiceable amount, and all that fit succeed", async () => {
    const { ids, acme, body } = await acmeSetup();
    const globex = as(h, await h.login(DEMO.globex));
    const gTitle = (await globex.get("/api/invoice-titles")).json().items[0];
    const gAddress = (await globex.get("/api/mailing-addresses")).json().items[0];
    const start = await amountsOf(globex, ids.cloudsoft);
    expect(start.invoiceable).toBe("2000.00");
    // 40 × 75.00 = 3000.00 asked against 2000.00: exactly 26 fit (1950.00).
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        globex.post("/api/invoice-requests", {
          providerId: ids.cloudsoft,
          amount: "75.00",
          invoiceType: "PAPER_VAT_GENERAL",
          titleId: gTitle.id,
          addressId: gAddress.id,
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(26);
    expect(codes.filter((c) => c === 409)).toHaveLength(14);
    const end = await amountsOf(globex, ids.cloudsoft);
    expect(end).toMatchObject({ pending: "1950.00", invoiceable: "50.00" });
    const stored = await h.prisma.invoiceRequest.aggregate({
      where: { tenantId: ids.globex, providerId: ids.cloudsoft, status: "PENDING" },
      _sum: { amountFen: true },
    });
    expect(stored._sum.amountFen).toBe(195000n);
    void acme;
    void body;
  });
});

describe("records", () => {
  it("pages with a keyset cursor, without gaps or repeats", async () => {
    const { ids, acme, body } = await acmeSetup();
    for (let i = 0; i < 7; i++) await acme.post("/api/invoice-requests", body(ids.cloudsoft, "1.00"));
    const all = (await acme.get("/api/invoice-requests?limit=100"))
      .json()
      .items.map((r: { id: string }) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/invoice-requests?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await acme.get(url)).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((r: { id: string }) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await acme.get("/api/invoice-requests?limit=0")).statusCode).toBe(400);
    expect((await acme.get("/api/invoice-requests?limit=101")).statusCode).toBe(400);
    expect((await acme.get("/api/invoice-requests?cursor=garbage")).statusCode).toBe(400);
    expect((await acme.get("/api/invoice-requests?status=LOST")).statusCode).toBe(400);
    expect((await acme.get("/api/invoice-requests?from=2026-13-01")).statusCode).toBe(400);
    expect((await acme.get("/api/invoice-requests?from=2026-11-02&to=2026-11-01")).statusCode).toBe(400);
  });

  it("filters by date range in China time", async () => {
    const { acme } = await acmeSetup();
    const items = (await acme.get("/api/invoice-requests?from=2000-01-01&to=2000-12-31")).json().items;
    expect(items).toEqual([]);
  });

  it("exports the filtered records as CSV with BOM and Chinese headers", async () => {
    const { acme, ids } = await acmeSetup();
    const res = await acme.get(`/api/invoice-requests/export.csv?providerId=${ids.netguard}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const lines = res.body.trim().split("\r\n");
    expect(lines[0]).toContain("申请编号");
    expect(lines).toHaveLength(4);
    expect(res.body).toContain("NetGuard");
    expect(res.body).not.toContain("CloudSoft");
    // Labels from the contracts' dictionaries (labels.ts), as the console shows them.
    expect(lines[0]).toBe(
      [
        "申请编号",
        "申请时间",
        "企业",
        "服务商",
        "金额（元）",
        "发票类型",
        "状态",
        "发票抬头",
        "纳税人识别号",
        "收件人",
        "邮寄地址",
        "收票邮箱",
        "邮费",
        "应处理日期",
        "发票号码",
        "开票日期",
        "快递公司",
        "运单号",
        "驳回原因",
        "记录 ID",
      ]
        .map((h) => `"${h}"`)
        .join(","),
    );
    expect(res.body).toMatch(/"(待处理|处理中|邮寄中|已撤销)"/);
  });

  it("exports in English when the caller asks for it", async () => {
    const { acme, ids } = await acmeSetup();
    const res = await acme.get(`/api/invoice-requests/export.csv?providerId=${ids.netguard}`, {
      "accept-language": "en",
    });
    const [header, row] = res.body.trim().split("\r\n");
    expect(header).toContain('"Request number"');
    expect(header).toContain('"Amount (CNY)"');
    expect(row).toMatch(/"(Pending|Processing|Mailing|Cancelled)"/);
    expect(row).toContain('"VAT general invoice (paper)"');
  });
});
