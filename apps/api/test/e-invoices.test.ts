import { createHash } from "node:crypto";
import { chinaDate } from "@mic/domain";
import { describe, expect, it } from "vitest";
import { useHarness } from "./harness";
import {
  as,
  balanceOf,
  DIGITAL_NUMBER,
  multipart,
  PDF,
  requestIn,
  upload,
  useDemo,
  VALID_SHIPMENT,
} from "./flow";

const h = useHarness();
const { ids, who } = useDemo(h);

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A one-entry-per-file ZIP (stored) whose root holds OFD.xml: an OFD package as GB/T 33190 lays it out. */
function ofd(names = ["OFD.xml", "Doc_0/Document.xml"]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const data = Buffer.from("<x/>");
    const header = Buffer.alloc(26);
    header.writeUInt16LE(20, 0);
    header.writeUInt32LE(data.length, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt16LE(n.length, 22);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), header, n, data]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    header.copy(central, 6);
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, n]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const XML = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><EInvoice><Number>1</Number></EInvoice>');

const processing = () => requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "2.00", "ELECTRONIC");

async function titleAndAddress(tenantId: string) {
  const [title, address] = await Promise.all([
    h.prisma.invoiceTitle.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
    h.prisma.mailingAddress.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
  ]);
  return { titleId: title.id, addressId: address.id };
}

describe("applying for an e-invoice (SPEC §12)", () => {
  it("asks electronic types for an e-mail and paper types for an address, each a 400 on its field, storing nothing", async () => {
    const { titleId, addressId } = await titleAndAddress(ids.acme);
    const api = as(h, who.admin);
    const count = await h.prisma.invoiceRequest.count();
    const base = { providerId: ids.cloudsoft, amount: "1.00", titleId };
    const cases: [object, string, string][] = [
      [{ ...base, invoiceType: "ELECTRONIC_VAT_GENERAL", addressId }, "email", "This field is required"],
      [
        { ...base, invoiceType: "ELECTRONIC_VAT_SPECIAL", email: "not-an-email" },
        "email",
        "Enter a valid email address",
      ],
      [
        { ...base, invoiceType: "PAPER_VAT_GENERAL", email: "a@b.test" },
        "addressId",
        "This field is required",
      ],
      [{ ...base, invoiceType: "PAPER_VAT_GENERAL", addressId: "nope" }, "addressId", "Invalid ID"],
    ];
    for (const [body, field, message] of cases) {
      for (const url of ["/api/invoice-requests", "/api/invoice-requests/quote"]) {
        const res = await api("POST", url, body);
        expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
        expect(res.json().error.fields).toEqual({ [field]: message });
      }
    }
    // Every field error at once, the kind's one among them.
    const many = await api("POST", "/api/invoice-requests", {
      ...base,
      amount: "-1",
      invoiceType: "ELECTRONIC_VAT_GENERAL",
    });
    expect(Object.keys(many.json().error.fields).sort()).toEqual(["amount", "email"]);
    expect(await h.prisma.invoiceRequest.count()).toBe(count);
  });

  it("stores the e-mail and no address or postage for an electronic request; ignores the unused field", async () => {
    const { titleId, addressId } = await titleAndAddress(ids.acme);
    const other = await titleAndAddress(ids.globex);
    const api = as(h, who.admin);
    const body = {
      providerId: ids.cloudsoft,
      amount: "3.00",
      invoiceType: "ELECTRONIC_VAT_SPECIAL",
      titleId,
      addressId: other.addressId, // another tenant's: ignored, not a 404
      email: " finance@acme.test ",
    };
    const quote = await api("POST", "/api/invoice-requests/quote", body);
    expect(quote.statusCode, quote.body).toBe(200);
    expect(quote.json()).toMatchObject({ address: null, shippingPayer: null, email: "finance@acme.test" });
    const res = await api("POST", "/api/invoice-requests", body);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      status: "PENDING",
      invoiceType: "ELECTRONIC_VAT_SPECIAL",
      address: null,
      shippingPayer: null,
      email: "finance@acme.test",
      files: [],
      returnRequest: null,
      courierCode: null,
    });
    expect(created.number).toMatch(new RegExp(`^MI${chinaDate(new Date()).replaceAll("-", "")}\\d{6}$`));
    const row = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      addressSnapshot: null,
      shippingPayer: null,
      email: "finance@acme.test",
      number: created.number,
    });
    expect((await api("GET", `/api/invoice-requests/${created.id}`)).json().number).toBe(created.number);

    const paper = await api("POST", "/api/invoice-requests", {
      ...body,
      invoiceType: "PAPER_VAT_GENERAL",
      addressId,
      email: "ignored@acme.test",
    });
    expect(paper.statusCode, paper.body).toBe(201);
    expect(paper.json()).toMatchObject({ email: null, shippingPayer: "RECIPIENT_COD" });
    expect(paper.json().address).not.toBeNull();
  });

  it("refuses a type the provider does not declare (DataWise: paper only)", async () => {
    const { titleId } = await titleAndAddress(ids.acme);
    const res = await as(h, who.admin)("POST", "/api/invoice-requests", {
      providerId: ids.datawise,
      amount: "1.00",
      invoiceType: "ELECTRONIC_VAT_GENERAL",
      titleId,
      email: "a@acme.test",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty("invoiceType");
  });
});

describe("uploading files", () => {
  it("recognises PDF, OFD and XML by content, stores the size and the lowercase sha256, and audits it", async () => {
    const id = await processing();
    const files: [Buffer, string, string][] = [
      [PDF, "发票 2026.txt", "application/pdf"],
      [ofd(), "invoice.ofd", "application/ofd"],
      [XML, "../../etc/数据.xml", "application/xml"],
    ];
    for (const [content, name, contentType] of files) {
      const res = await upload(h, who.staff, id, content, name);
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ contentType, size: content.length, sha256: sha(content) });
      expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(body.name).toBe(name.split("/").pop());
      const event = await h.prisma.auditEvent.findFirst({
        where: { entityType: "InvoiceFile", entityId: body.id },
      });
      expect(event).toMatchObject({ action: "CREATE", tenantId: ids.acme });
    }
    const request = (await as(h, who.admin)("GET", `/api/invoice-requests/${id}`)).json();
    expect(request.files.map((f: { contentType: string }) => f.contentType)).toEqual([
      "application/pdf",
      "application/ofd",
      "application/xml",
    ]);
  });

  it("refuses other content, empty files and a missing field with a 400 on file, storing nothing", async () => {
    const id = await processing();
    const audits = await h.prisma.auditEvent.count();
    const cases: [Buffer, string][] = [
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "invoice.pdf"],
      [Buffer.from("<html><body>invoice</body></html>"), "invoice.xml"],
      [ofd(["word/document.xml"]), "invoice.ofd"],
      [Buffer.from("just text"), "invoice.pdf"],
      [Buffer.alloc(0), "invoice.pdf"],
    ];
    for (const [content, name] of cases) {
      const res = await upload(h, who.staff, id, content, name);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.fields).toHaveProperty("file");
    }
    const wrongField = multipart(PDF, "a.pdf", "document");
    const res = await h.app.inject({
      method: "POST",
      url: `/api/invoice-requests/${id}/files`,
      headers: { cookie: who.staff, ...wrongField.headers },
      payload: wrongField.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty("file");
    const json = await as(h, who.staff)("POST", `/api/invoice-requests/${id}/files`, { file: "JVBERi0=" });
    expect(json.statusCode).toBe(415);
    expect(await h.prisma.invoiceFile.count({ where: { requestId: id } })).toBe(0);
    expect(await h.prisma.auditEvent.count()).toBe(audits);
  });

  it("takes exactly 5 MiB and answers 413 on file for one byte more, holding no more than that", async () => {
    const id = await processing();
    const max = Buffer.alloc(5 * 1024 * 1024, 0x20);
    PDF.copy(max);
    const ok = await upload(h, who.staff, id, max);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().size).toBe(5 * 1024 * 1024);
    const over = Buffer.concat([max, Buffer.from(" ")]);
    const res = await upload(h, who.staff, id, over);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.fields).toEqual({ file: "The file must be at most 5 MiB" });
    expect(await h.prisma.invoiceFile.count({ where: { requestId: id } })).toBe(1);
    const rss = process.memoryUsage().rss;
    const huge = await upload(h, who.staff, id, Buffer.concat([max, Buffer.alloc(20 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
  });

  it("only for PROCESSING electronic requests of the staff's own provider; cross-site uploads are refused", async () => {
    const paper = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "1.00");
    const pending = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING", "1.00", "ELECTRONIC");
    const issued = await requestIn(h, who, ids.acme, ids.cloudsoft, "ISSUED", "1.00", "ELECTRONIC");
    const mine = await processing();
    expect((await upload(h, who.staff, paper)).statusCode).toBe(409);
    expect((await upload(h, who.staff, pending)).statusCode).toBe(409);
    const late = await upload(h, who.staff, issued);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain("Issued");
    expect((await upload(h, who.datawise, mine)).statusCode).toBe(404);
    expect((await upload(h, who.admin, mine)).statusCode).toBe(403);
    expect((await upload(h, who.support, mine)).statusCode).toBe(403);
    const body = multipart(PDF);
    const crossSite = await h.app.inject({
      method: "POST",
      url: `/api/invoice-requests/${mine}/files`,
      headers: { cookie: who.staff, origin: "https://evil.example", ...body.headers },
      payload: body.payload,
    });
    expect(crossSite.statusCode).toBe(403);
    const fetchSite = await h.app.inject({
      method: "POST",
      url: `/api/invoice-requests/${mine}/files`,
      headers: { cookie: who.staff, "sec-fetch-site": "cross-site", ...body.headers },
      payload: body.payload,
    });
    expect(fetchSite.statusCode).toBe(403);
    expect(await h.prisma.invoiceFile.count({ where: { requestId: { in: [paper, pending, mine] } } })).toBe(
      0,
    );
  });

  it("replays an upload retried with the same Idempotency-Key and file, and refuses the key with another file", async () => {
    const id = await processing();
    const send = (content: Buffer, key: string) => {
      const body = multipart(content);
      return h.app.inject({
        method: "POST",
        url: `/api/invoice-requests/${id}/files`,
        headers: { cookie: who.staff, "idempotency-key": key, ...body.headers },
        payload: body.payload,
      });
    };
    const first = await send(PDF, "upload-1");
    const again = await send(PDF, "upload-1");
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    const other = await send(XML, "upload-1");
    expect(other.statusCode).toBe(409);
    expect(await h.prisma.invoiceFile.count({ where: { requestId: id } })).toBe(1);
  });

  it("keeps every other route JSON-only: a multipart body elsewhere is 415 and changes nothing", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PENDING", "1.00");
    const body = multipart(PDF);
    const res = await h.app.inject({
      method: "POST",
      url: `/api/invoice-requests/${id}/reject`,
      headers: { cookie: who.staff, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(415);
    expect((await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it("removes a file while PROCESSING, not after, and only the provider's own", async () => {
    const id = await processing();
    const other = await processing();
    const a = (await upload(h, who.staff, id)).json().id;
    const b = (await upload(h, who.staff, id)).json().id;
    const staff = as(h, who.staff);
    expect((await staff("DELETE", `/api/invoice-requests/${other}/files/${a}`)).statusCode).toBe(404);
    expect((await as(h, who.datawise)("DELETE", `/api/invoice-requests/${id}/files/${a}`)).statusCode).toBe(
      404,
    );
    expect((await as(h, who.admin)("DELETE", `/api/invoice-requests/${id}/files/${a}`)).statusCode).toBe(403);
    const res = await staff("DELETE", `/api/invoice-requests/${id}/files/${a}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await h.prisma.invoiceFile.findUnique({ where: { id: a } })).toBeNull();
    expect(await h.prisma.auditEvent.count({ where: { entityId: a, action: "DELETE" } })).toBe(1);
    expect((await staff("DELETE", `/api/invoice-requests/${id}/files/${a}`)).statusCode).toBe(404);
    const issued = await staff("POST", `/api/invoice-requests/${id}/issue`, {
      invoiceNumber: DIGITAL_NUMBER,
      issuedOn: chinaDate(new Date()),
      fileIds: [b],
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect((await staff("DELETE", `/api/invoice-requests/${id}/files/${b}`)).statusCode).toBe(409);
    expect(await h.prisma.invoiceFile.count({ where: { requestId: id } })).toBe(1);
  });
});

describe("issuing (PROCESSING → ISSUED)", () => {
  it("checks the number, the date and the files, changing nothing when it refuses", async () => {
    const id = await processing();
    const pdf = (await upload(h, who.staff, id)).json().id;
    const xml = (await upload(h, who.staff, id, XML, "data.xml")).json().id;
    const foreign = (await upload(h, who.staff, await processing())).json().id;
    await h.prisma.invoiceRequest.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - 3 * 86_400_000) },
    });
    const today = chinaDate(new Date());
    const tomorrow = chinaDate(new Date(Date.now() + 86_400_000));
    const longAgo = chinaDate(new Date(Date.now() - 5 * 86_400_000));
    const submitted = chinaDate(new Date(Date.now() - 3 * 86_400_000));
    const staff = as(h, who.staff);
    const before = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } });
    const balance = await balanceOf(h, ids.acme, ids.cloudsoft);
    const audits = await h.prisma.auditEvent.count();
    const cases: [object, string, string][] = [
      [
        { invoiceNumber: "1234567890123456789", issuedOn: today, fileIds: [pdf] },
        "invoiceNumber",
        "A digital invoice number has 20 digits",
      ],
      [
        { invoiceNumber: DIGITAL_NUMBER, issuedOn: tomorrow, fileIds: [pdf] },
        "issuedOn",
        "The issue date cannot be in the future",
      ],
      [
        { invoiceNumber: DIGITAL_NUMBER, issuedOn: longAgo, fileIds: [pdf] },
        "issuedOn",
        `The issue date cannot be before the application (${submitted})`,
      ],
      [
        { invoiceNumber: DIGITAL_NUMBER, issuedOn: today, fileIds: [] },
        "fileIds",
        "Choose at least one invoice file",
      ],
      [
        { invoiceNumber: DIGITAL_NUMBER, issuedOn: today, fileIds: [foreign] },
        "fileIds",
        "A chosen file is not attached to this request",
      ],
      [
        { invoiceNumber: DIGITAL_NUMBER, issuedOn: today, fileIds: [xml] },
        "fileIds",
        "At least one PDF or OFD file is needed",
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await staff("POST", `/api/invoice-requests/${id}/issue`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields).toEqual({ [field]: message });
    }
    expect(await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await balanceOf(h, ids.acme, ids.cloudsoft)).toEqual(balance);
    expect(await h.prisma.auditEvent.count()).toBe(audits);
    expect(await h.prisma.invoiceFile.count({ where: { requestId: id } })).toBe(2);
  });

  it("issues with the listed files, removes the others, and moves the amount from processing to issued", async () => {
    const id = await processing();
    const pdf = (await upload(h, who.staff, id)).json().id;
    const xml = (await upload(h, who.staff, id, XML, "data.xml")).json().id;
    const draft = (await upload(h, who.staff, id, PDF, "草稿.pdf")).json().id;
    const amountsBefore = (await as(h, who.admin)("GET", "/api/invoiceable-amounts"))
      .json()
      .items.find((i: { providerId: string }) => i.providerId === ids.cloudsoft);
    const before = await balanceOf(h, ids.acme, ids.cloudsoft);
    const today = chinaDate(new Date());
    const res = await as(h, who.staff)("POST", `/api/invoice-requests/${id}/issue`, {
      invoiceNumber: DIGITAL_NUMBER,
      issuedOn: today,
      fileIds: [pdf, xml],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "ISSUED", invoiceNumber: DIGITAL_NUMBER, issuedOn: today });
    expect(res.json().issuedAt).not.toBeNull();
    expect(
      res
        .json()
        .files.map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual([pdf, xml].sort());
    expect(await h.prisma.invoiceFile.findUnique({ where: { id: draft } })).toBeNull();
    const after = await balanceOf(h, ids.acme, ids.cloudsoft);
    expect(after.processingFen).toBe(before.processingFen - 200n);
    expect(after.issuedFen).toBe(before.issuedFen + 200n);
    const amountsAfter = (await as(h, who.admin)("GET", "/api/invoiceable-amounts"))
      .json()
      .items.find((i: { providerId: string }) => i.providerId === ids.cloudsoft);
    expect(amountsAfter.invoiceable).toBe(amountsBefore.invoiceable);
    expect(Number(amountsAfter.issued)).toBeCloseTo(Number(amountsBefore.issued) + 2, 2);
    const event = await h.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "ISSUE" } });
    expect(event).toMatchObject({ fromStatus: "PROCESSING", toStatus: "ISSUED" });
    expect(event.after).toMatchObject({ fileIds: [pdf, xml], removedFileIds: [draft] });
    expect(await h.prisma.auditEvent.count({ where: { entityId: draft, action: "DELETE" } })).toBe(1);
  });

  it("keeps paper and electronic apart: ship an e-invoice or issue a paper one is 409", async () => {
    const electronic = await processing();
    const paper = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "1.00");
    const staff = as(h, who.staff);
    expect((await staff("POST", `/api/invoice-requests/${electronic}/ship`, VALID_SHIPMENT)).statusCode).toBe(
      409,
    );
    const issue = await staff("POST", `/api/invoice-requests/${paper}/issue`, {
      invoiceNumber: DIGITAL_NUMBER,
      issuedOn: chinaDate(new Date()),
      fileIds: ["0190a000-0000-7000-8000-000000000001"],
    });
    expect(issue.statusCode).toBe(409);
    expect(issue.json().error.message).toContain("Processing");
  });

  it("lets two concurrent issues and an upload run one after the other: one issue wins", async () => {
    const id = await processing();
    const pdf = (await upload(h, who.staff, id)).json().id;
    const body = { invoiceNumber: DIGITAL_NUMBER, issuedOn: chinaDate(new Date()), fileIds: [pdf] };
    const results = await Promise.all([
      as(h, who.staff)("POST", `/api/invoice-requests/${id}/issue`, body),
      as(h, who.staff)("POST", `/api/invoice-requests/${id}/issue`, body),
      upload(h, who.staff, id),
    ]);
    const [a, b, up] = results.map((r) => r.statusCode);
    expect([a, b].sort()).toEqual([200, 409]);
    const files = await h.prisma.invoiceFile.findMany({ where: { requestId: id } });
    // The upload either came first (and was removed by the issue) or after (409): never kept unlisted.
    expect([201, 409]).toContain(up);
    expect(files.map((f) => f.id)).toEqual([pdf]);
    expect(await h.prisma.auditEvent.count({ where: { entityId: id, action: "ISSUE" } })).toBe(1);
  });
});

describe("downloading files", () => {
  it("serves the tenant's admin, the provider's staff and support; anyone else gets 404", async () => {
    const id = await processing();
    const file = (await upload(h, who.staff, id, PDF, "数电发票 2026 (1).pdf")).json();
    const url = `/api/invoice-requests/${id}/files/${file.id}`;
    for (const cookie of [who.admin, who.staff, who.support]) {
      const res = await h.app.inject({ method: "GET", url, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toBe(
        `attachment; filename="____ 2026 (1).pdf"; filename*=UTF-8''${encodeURIComponent("数电发票 2026 ")}%281%29.pdf`,
      );
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.rawPayload.equals(PDF)).toBe(true);
      expect(sha(res.rawPayload)).toBe(file.sha256);
    }
    for (const cookie of [who.globex, who.datawise]) {
      const res = await h.app.inject({ method: "GET", url, headers: { cookie } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("NOT_FOUND");
    }
    const elsewhere = await processing();
    const wrongRequest = await h.app.inject({
      method: "GET",
      url: `/api/invoice-requests/${elsewhere}/files/${file.id}`,
      headers: { cookie: who.admin },
    });
    expect(wrongRequest.statusCode).toBe(404);
    expect((await h.app.inject({ method: "GET", url })).statusCode).toBe(401);
  });
});

describe("the demo data", () => {
  it("holds an issued e-invoice with a real PDF that staff can download", async () => {
    const issued = await h.prisma.invoiceRequest.findFirstOrThrow({
      where: { status: "ISSUED", providerId: ids.cloudsoft, tenantId: ids.globex },
      include: { files: true },
    });
    const pdf = issued.files.find((f) => f.contentType === "application/pdf")!;
    const res = await h.app.inject({
      method: "GET",
      url: `/api/invoice-requests/${issued.id}/files/${pdf.id}`,
      headers: { cookie: who.globex },
    });
    expect(res.statusCode).toBe(200);
    const text = res.rawPayload.toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    // The cross-reference table points at the objects it names.
    const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xref, xref + 4)).toBe("xref");
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(text.slice(o).startsWith(`${i + 1} 0 obj`)).toBe(true));
  });
});
