import { chinaDateTime } from "@mic/domain";
import { describe, expect, it } from "vitest";
import { useHarness } from "./harness";
import { as, openTicket, requestIn, useDemo, VALID_SHIPMENT } from "./flow";

const h = useHarness();
const { ids, who } = useDemo(h);

type Item = { id: string; number: string };
const found = async (cookie: string, url: string) => {
  const res = await as(h, cookie)("GET", url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Item[] }>().items.map((i) => i.id);
};

/** The admin's CSV export searched by one request number, as column → cell of its one row. */
async function exportedRow(number: string, lang: string): Promise<Record<string, string | undefined>> {
  const res = await as(h, who.admin)("GET", `/api/invoice-requests/export.csv?q=${number}`, undefined, {
    "accept-language": lang,
  });
  expect(res.statusCode, res.body).toBe(200);
  const [header, line] = res.body
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  const split = (l: string) => l.slice(1, -1).split('","');
  return Object.fromEntries(split(header!).map((column, i) => [column, split(line!)[i]]));
}

/** A MAILING request shipped with its own numbers, with a void ticket carrying a return tracking number. */
async function shipped(courier = "SF") {
  const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
  const unique = Date.now().toString().slice(-9);
  const shipment = { invoiceNumber: `0${unique}`, courier, trackingNumber: `SF${unique}` };
  const res = await as(h, who.staff)("POST", `/api/invoice-requests/${id}/ship`, shipment);
  expect(res.statusCode, res.body).toBe(200);
  const ticket = await as(h, who.admin)("POST", "/api/tickets", {
    requestId: id,
    returnTrackingNumber: `YT${unique}`,
    message: "已寄回",
  });
  expect(ticket.statusCode).toBe(201);
  return { id, number: res.json<Item>().number, ...shipment, returnTracking: `YT${unique}` };
}

describe("q: one exact identifier (SPEC §11)", () => {
  it("finds a request by its number, invoice number, tracking number or return tracking number", async () => {
    const r = await shipped();
    for (const q of [
      r.number,
      r.number.toLowerCase(),
      r.invoiceNumber,
      r.trackingNumber,
      r.returnTracking.toLowerCase(),
    ]) {
      expect(await found(who.admin, `/api/invoice-requests?q=${encodeURIComponent(q)}`), q).toEqual([r.id]);
      expect(await found(who.support, `/api/invoice-requests?q=${q}`), q).toEqual([r.id]);
    }
    expect(await found(who.admin, `/api/invoice-requests?q=${r.trackingNumber}&status=MAILING`)).toEqual([
      r.id,
    ]);
    expect(await found(who.admin, `/api/invoice-requests?q=${r.trackingNumber}&status=PENDING`)).toEqual([]);
    expect(await found(who.admin, `/api/invoice-requests?q=${r.number.slice(0, 10)}`)).toEqual([]);
    // Blank is no search.
    expect((await found(who.admin, "/api/invoice-requests?q=%20&limit=3")).length).toBe(3);
  });

  it("is scoped as every list: another tenant or provider finds nothing", async () => {
    const r = await shipped();
    for (const q of [r.number, r.trackingNumber, r.returnTracking]) {
      expect(await found(who.globex, `/api/invoice-requests?q=${q}`)).toEqual([]);
      expect(await found(who.datawise, `/api/invoice-requests?q=${q}`)).toEqual([]);
      expect(await found(who.datawise, `/api/provider-queue?q=${q}`)).toEqual([]);
      const csv = await as(h, who.globex)("GET", `/api/invoice-requests/export.csv?q=${q}`);
      expect(csv.body.trim().split("\r\n")).toHaveLength(1);
    }
  });

  it("searches the provider queue across every status, and the CSV export too", async () => {
    const r = await shipped();
    expect(await found(who.staff, `/api/provider-queue?q=${r.trackingNumber}`)).toEqual([r.id]);
    expect(await found(who.staff, `/api/provider-queue?q=${r.number}&status=PENDING`)).toEqual([]);
    const csv = await as(h, who.admin)("GET", `/api/invoice-requests/export.csv?q=${r.invoiceNumber}`);
    const lines = csv.body.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${r.number}"`);
  });

  it("refuses an over-long or unstorable q with a 400 on q", async () => {
    for (const q of ["x".repeat(41), "%00"]) {
      const res = await as(h, who.admin)("GET", `/api/invoice-requests?q=${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toHaveProperty("q");
    }
  });
});

describe("couriers by name or code (SPEC §8)", () => {
  it("stores the name and answers the code of a common courier; any other name is kept with no code", async () => {
    const cases: [string, string, string | null][] = [
      ["SF", "顺丰速运", "SF"],
      ["顺丰速运", "顺丰速运", "SF"],
      ["JD Logistics", "京东物流", "JD"],
      ["安能物流", "安能物流", null],
      ["x".repeat(50), "x".repeat(50), null],
    ];
    for (const [courier, name, code] of cases) {
      const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
      const res = await as(h, who.staff)("POST", `/api/invoice-requests/${id}/ship`, {
        ...VALID_SHIPMENT,
        courier,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ courier: name, courierCode: code });
      expect((await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).courier).toBe(name);
      expect((await as(h, who.admin)("GET", `/api/invoice-requests/${id}`)).json()).toMatchObject({
        courier: name,
        courierCode: code,
      });
    }
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
    const other = await as(h, who.staff)("POST", `/api/invoice-requests/${id}/ship`, {
      ...VALID_SHIPMENT,
      courier: "OTHER",
      courierName: "跨越速运",
    });
    expect(other.json()).toMatchObject({ courier: "跨越速运", courierCode: null });
  });

  it("reads rows stored with a code before names were stored", async () => {
    const seeded = await h.prisma.invoiceRequest.findFirstOrThrow({
      where: { tenantId: ids.acme, providerId: ids.netguard, status: "MAILING" },
    });
    await h.prisma.invoiceRequest.update({ where: { id: seeded.id }, data: { courier: "SF" } });
    const res = await as(h, who.admin)("GET", `/api/invoice-requests/${seeded.id}`);
    expect(res.json()).toMatchObject({ courier: "顺丰速运", courierCode: "SF" });
  });
});

describe("the CSV export (SPEC §8, §11)", () => {
  it("writes request numbers, China time, courier names and identifiers a spreadsheet keeps as text", async () => {
    const r = await shipped("顺丰速运");
    const row = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: r.id } });
    const title = row.titleSnapshot as { taxpayerId: string };
    const zh = await exportedRow(r.number, "zh-CN");
    expect(zh["申请编号"]).toBe(r.number);
    expect(zh["申请时间"]).toBe(chinaDateTime(row.createdAt));
    expect(zh["申请时间"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(zh["快递公司"]).toBe("顺丰速运");
    // A leading tab keeps 0-led and long digit strings as text (no 4403210, no 9.13501E+17).
    expect(zh["发票号码"]).toBe(`\t${r.invoiceNumber}`);
    expect(zh["运单号"]).toBe(`\t${r.trackingNumber}`);
    expect(zh["纳税人识别号"]).toBe(`\t${title.taxpayerId}`);
    expect(zh["记录 ID"]).toBe(r.id);
    expect(zh["收票邮箱"]).toBe("");
    const en = await exportedRow(r.number, "en");
    expect(en["Courier"]).toBe("SF Express");
    expect(en["Applied at"]).toBe(zh["申请时间"]);
  });

  it("keeps an electronic request's e-mail, issue date and a reject reason", async () => {
    const issued = await requestIn(h, who, ids.acme, ids.cloudsoft, "ISSUED", "1.00", "ELECTRONIC");
    const rejected = await requestIn(h, who, ids.acme, ids.cloudsoft, "REJECTED");
    const get = async (id: string) =>
      exportedRow((await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).number, "zh-CN");
    const e = await get(issued);
    expect(e).toMatchObject({ 收票邮箱: "finance@example.test", 邮寄地址: "", 邮费: "", 状态: "已开具" });
    expect(e["开票日期"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(e["发票号码"]).toMatch(/^\t\d{20}$/);
    expect((await get(rejected))["驳回原因"]).toBe("抬头有误");
  });

  it("still neutralises formulas in free text", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING");
    await as(h, who.staff)("POST", `/api/invoice-requests/${id}/ship`, {
      ...VALID_SHIPMENT,
      courier: "=HYPERLINK(1)",
    });
    const { number } = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } });
    const res = await as(h, who.admin)("GET", `/api/invoice-requests/export.csv?q=${number}`);
    expect(res.body).toContain(`"'=HYPERLINK(1)"`);
    await openTicket(h, who.admin, id);
  });
});
