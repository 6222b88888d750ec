import { describe, expect, it } from "vitest";
import { as } from "./client";
import { DEMO, useHarness } from "./harness";

const h = useHarness();

const enterprise = {
  type: "ENTERPRISE",
  name: "测试科技有限公司",
  taxpayerId: "91110000600037341L",
  registeredAddress: "北京市海淀区中关村大街 1 号",
  registeredPhone: "010-12345678",
  bankName: "中国银行北京分行",
  bankAccount: "6222020200112233",
};
const address = {
  recipient: "张三",
  phone: "13800001111",
  province: "广东省",
  city: "深圳市",
  district: "南山区",
  street: "科技园路 1 号",
  postalCode: "518000",
};

describe("invoice titles", () => {
  it("creates, lists, edits, sets default and deletes", async () => {
    const acme = as(h, await h.login(DEMO.acme));
    const created = await acme.post("/api/invoice-titles", enterprise);
    expect(created.statusCode).toBe(201);
    const title = created.json();
    expect(title).toMatchObject({ ...enterprise, isDefault: false });

    const list = await acme.get("/api/invoice-titles");
    expect(list.json().items.map((t: { id: string }) => t.id)).toContain(title.id);

    const edited = await acme.patch(`/api/invoice-titles/${title.id}`, { name: "测试科技（北京）有限公司" });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().name).toBe("测试科技（北京）有限公司");

    const def = await acme.patch(`/api/invoice-titles/${title.id}`, { isDefault: true });
    expect(def.json().isDefault).toBe(true);
    const defaults = (await acme.get("/api/invoice-titles"))
      .json()
      .items.filter((t: { isDefault: boolean }) => t.isDefault);
    expect(defaults).toHaveLength(1);

    const deleted = await acme.del(`/api/invoice-titles/${title.id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await acme.get(`/api/invoice-titles/${title.id}`)).statusCode).toBe(404);
    // The default moved to a remaining title.
    const after = (await acme.get("/api/invoice-titles")).json().items;
    expect(after.filter((t: { isDefault: boolean }) => t.isDefault)).toHaveLength(1);
  });

  it("refuses a wrong taxpayer id field-level, in Chinese and English, storing nothing", async () => {
    const acme = as(h, await h.login(DEMO.acme));
    const before = await h.prisma.invoiceTitle.count();
    const res = await acme.post("/api/invoice-titles", { ...enterprise, taxpayerId: "91110000600037341X" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.taxpayerId).toMatch(/纳税人识别号无效/);
    const en = await acme.post(
      "/api/invoice-titles",
      { ...enterprise, taxpayerId: "123" },
      { "accept-language": "en" },
    );
    expect(en.json().error.fields.taxpayerId).toMatch(/Invalid taxpayer ID/);
    expect(await h.prisma.invoiceTitle.count()).toBe(before);
  });

  it("validates by type: enterprise needs a taxpayer id, individual has none, legacy codes pass", async () => {
    const acme = as(h, await h.login(DEMO.acme));
    const missing = await acme.post("/api/invoice-titles", { type: "ENTERPRISE", name: "无税号公司" });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(["taxpayerId"]);
    const individual = await acme.post("/api/invoice-titles", { type: "INDIVIDUAL", name: "张三" });
    expect(individual.statusCode).toBe(201);
    const individualWithId = await acme.post("/api/invoice-titles", {
      type: "INDIVIDUAL",
      name: "张三",
      taxpayerId: "91110000600037341L",
    });
    expect(individualWithId.statusCode).toBe(400);
    const legacy15 = await acme.post("/api/invoice-titles", { ...enterprise, taxpayerId: "110108123456789" });
    expect(legacy15.statusCode).toBe(201);
    const lower = await acme.post("/api/invoice-titles", { ...enterprise, taxpayerId: "91110000600037341l" });
    expect(lower.statusCode).toBe(201);
    expect(lower.json().taxpayerId).toBe("91110000600037341L");
  });

  it("checks each field: lengths, bank account digits, phone, type", async () => {
    const acme = as(h, await h.login(DEMO.acme));
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "x".repeat(101) }, "name"],
      [{ name: "" }, "name"],
      [{ bankAccount: "12ab" }, "bankAccount"],
      [{ bankAccount: "1234567" }, "bankAccount"],
      [{ registeredPhone: "phone" }, "registeredPhone"],
      [{ registeredAddress: "路".repeat(201) }, "registeredAddress"],
      [{ type: "COMPANY" }, "type"],
    ];
    for (const [patch, field] of cases) {
      const res = await acme.post("/api/invoice-titles", { ...enterprise, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(Object.keys(res.json().error.fields), JSON.stringify(patch)).toContain(field);
    }
  });

  it("hides other tenants' titles behind 404", async () => {
    const acme = as(h, await h.login(DEMO.acme));
    const globex = as(h, await h.login(DEMO.globex));
    const mine = (await acme.post("/api/invoice-titles", enterprise)).json();
    expect((await globex.get(`/api/invoice-titles/${mine.id}`)).statusCode).toBe(404);
    expect((await globex.patch(`/api/invoice-titles/${mine.id}`, { name: "偷改" })).statusCode).toBe(404);
    expect((await globex.del(`/api/invoice-titles/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await globex.get("/api/invoice-titles")).json().items.map((t: { id: string }) => t.id),
    ).not.toContain(mine.id);
    expect((await acme.get("/api/invoice-titles/not-a-uuid")).statusCode).toBe(404);
  });

  it("refuses other roles and anonymous callers", async () => {
    expect((await h.app.inject({ method: "GET", url: "/api/invoice-titles" })).statusCode).toBe(401);
    const staff = as(h, await h.login(DEMO.cloudsoft));
    expect((await staff.get("/api/invoice-titles")).statusCode).toBe(403);
    const support = as(h, await h.login(DEMO.support));
    expect((await support.post("/api/invoice-titles", enterprise)).statusCode).toBe(403);
  });

  it("writes an audit event with each change", async () => {
    const acme = as(h, await h.login(DEMO.acme));
    const title = (await acme.post("/api/invoice-titles", enterprise)).json();
    const events = await h.prisma.auditEvent.findMany({
      where: { entityType: "InvoiceTitle", entityId: title.id },
    });
    expect(events.map((e) => e.action)).toEqual(["CREATE"]);
  });
});

describe("mailing addresses", () => {
  it("creates, edits, sets default and deletes", async () => {
    const globex = as(h, await h.login(DEMO.globex));
    const created = await globex.post("/api/mailing-addresses", { ...address, isDefault: true });
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({ ...address, isDefault: true });
    const defaults = (await globex.get("/api/mailing-addresses"))
      .json()
      .items.filter((x: { isDefault: boolean }) => x.isDefault);
    expect(defaults.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const edited = await globex.patch(`/api/mailing-addresses/${a.id}`, { street: "深南大道 10000 号" });
    expect(edited.json().street).toBe("深南大道 10000 号");
    expect((await globex.del(`/api/mailing-addresses/${a.id}`)).statusCode).toBe(200);
  });

  it("validates mobile, postal code and lengths field by field", async () => {
    const globex = as(h, await h.login(DEMO.globex));
    const before = await h.prisma.mailingAddress.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: "12800001111" }, "phone"],
      [{ phone: "1380000111" }, "phone"],
      [{ postalCode: "51800" }, "postalCode"],
      [{ postalCode: "51800a" }, "postalCode"],
      [{ street: "路".repeat(201) }, "street"],
      [{ recipient: "" }, "recipient"],
      [{ province: undefined }, "province"],
    ];
    for (const [patch, field] of cases) {
      const res = await globex.post("/api/mailing-addresses", { ...address, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(Object.keys(res.json().error.fields), JSON.stringify(patch)).toEqual([field]);
    }
    const patchBad = await globex.patch(
      `/api/mailing-addresses/${(await globex.get("/api/mailing-addresses")).json().items[0].id}`,
      { phone: "123" },
    );
    expect(patchBad.statusCode).toBe(400);
    expect(await h.prisma.mailingAddress.count()).toBe(before);
  });
});
