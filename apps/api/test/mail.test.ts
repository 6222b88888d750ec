import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDueMail } from "../src/services/mail-send";
import { emit } from "../src/services/notifications-emit";
import { apply, as, issue, PDF, requestIn, useDemo, VALID_SHIPMENT } from "./flow";
import { DEMO, useHarness } from "./harness";
import { parseMail } from "./mime";

const h = useHarness();
const { ids, who } = useDemo(h);
let smtp: SMTPServer;
let smtpUrl: string;
let arrived: { from: string; to: string[]; raw: Buffer }[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        arrived.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
});

/** Sends everything queued, as the mail job would. */
async function sendAll(settings: { smtpUrl?: string; mailDir: string }) {
  while ((await sendDueMail(h.prisma, new Date(Date.now() + 86_400_000), settings, 50)) > 0) {
    /* until the queue is empty or only waiting for later */
    if ((await h.prisma.mailJob.count({ where: { status: "PENDING", leaseUntil: null } })) === 0) break;
  }
}
const parse = async (raw: Buffer) => Promise.resolve(parseMail(raw));

describe("e-mail (SPEC §14)", () => {
  it("sends a notice to the users concerned over SMTP, subject naming the request number", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "MAILING");
    arrived = [];
    await sendAll({ smtpUrl, mailDir: "/nonexistent" });
    const number = (await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).number;
    const about = await Promise.all(arrived.map(async (m) => ({ ...m, mail: await parse(m.raw) })));
    const mailed = about.filter((m) => m.mail.subject?.includes(number));
    expect(mailed.map((m) => [m.to, m.mail.subject])).toEqual(
      expect.arrayContaining([
        [[DEMO.cloudsoft], `新的开票申请 ${number}`],
        [[DEMO.acme], `开票申请 ${number} 开始处理`],
        [[DEMO.acme], `发票已寄出 ${number}`],
      ]),
    );
    expect(mailed).toHaveLength(3);
    expect(mailed.find((m) => m.mail.subject?.startsWith("发票已寄出"))!.mail.text).toContain(
      VALID_SHIPMENT.trackingNumber,
    );
    const jobs = await h.prisma.mailJob.findMany({ where: { status: { not: "SUCCEEDED" } } });
    expect(jobs).toEqual([]);
  });

  it("sends an issued e-invoice's files to the request's e-mail as attachments, byte for byte", async () => {
    const id = await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    const request = await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } });
    await sendAll({ smtpUrl, mailDir: "/nonexistent" });
    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.7\n"),
      Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256)),
    ]);
    const xml = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Invoice>数电票</Invoice>');
    const user = await h.prisma.user.findUniqueOrThrow({ where: { email: DEMO.cloudsoft } });
    for (const [name, contentType, content] of [
      ["invoice.pdf", "application/pdf", pdf],
      ["invoice.xml", "application/xml", xml],
    ] as const) {
      await h.prisma.invoiceFile.create({
        data: {
          requestId: id,
          name,
          contentType,
          content,
          size: content.length,
          sha256: createHash("sha256").update(content).digest("hex"),
          uploadedById: user.id,
        },
      });
    }
    await h.prisma.$transaction((tx) =>
      emit(tx, {
        type: "invoice_request.issued",
        tenantId: request.tenantId,
        providerId: request.providerId,
        requestId: id,
        audience: [],
        params: { number: request.number },
        mailFilesTo: "finance@acme.test",
      }),
    );
    arrived = [];
    await sendAll({ smtpUrl, mailDir: "/nonexistent" });
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.to).toEqual(["finance@acme.test"]);
    const mail = await parse(arrived[0]!.raw);
    expect(mail.subject).toContain(request.number);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["invoice.pdf", "application/pdf"],
      ["invoice.xml", "application/xml"],
    ]);
    expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);
    expect(Buffer.compare(mail.attachments[1]!.content, xml)).toBe(0);
  });

  it("issuing through the API mails the issued PDF to the 收票邮箱 and tells the tenant's admins", async () => {
    const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "1.00", "ELECTRONIC");
    await sendAll({ smtpUrl, mailDir: "/nonexistent" });
    arrived = [];
    await issue(h, who.staff, id);
    await sendAll({ smtpUrl, mailDir: "/nonexistent" });
    const number = (await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).number;
    const files = arrived.find((m) => m.to[0] === "finance@example.test");
    expect(files).toBeDefined();
    const mail = await parse(files!.raw);
    expect(mail.subject).toContain(number);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.contentType).toBe("application/pdf");
    expect(Buffer.compare(mail.attachments[0]!.content, PDF)).toBe(0);
    const notice = arrived.find((m) => m.to[0] === DEMO.acme);
    expect((await parse(notice!.raw)).subject).toBe(`电子发票已开具 ${number}`);
  });

  it("a dead mail server neither fails nor rolls back the change; the mail waits and goes later", async () => {
    const id = await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    await sendAll({ smtpUrl, mailDir: "/nonexistent" });
    const dead = "smtp://127.0.0.1:1";
    const res = await as(h, who.staff)("POST", `/api/invoice-requests/${id}/start-processing`);
    expect(res.statusCode).toBe(200);
    expect(await sendDueMail(h.prisma, new Date(), { smtpUrl: dead, mailDir: "/nonexistent" })).toBe(1);
    const waiting = await h.prisma.mailJob.findFirstOrThrow({ where: { status: "PENDING" } });
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toBeTruthy();
    expect(waiting.runAt.getTime()).toBeGreaterThan(Date.now());
    expect((await h.prisma.invoiceRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PROCESSING");
    arrived = [];
    await sendAll({ smtpUrl, mailDir: "/nonexistent" });
    expect(arrived.map((m) => m.to)).toEqual([[DEMO.acme]]);
  });

  it("without SMTP_URL writes .eml files under DATA_DIR/mail", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mic-mail-"));
    await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    await sendAll({ mailDir: join(dir, "mail") });
    const files = await readdir(join(dir, "mail"));
    expect(files.length).toBeGreaterThanOrEqual(1);
    const mail = await parse(await readFile(join(dir, "mail", files[0]!)));
    expect(mail.to).toBeDefined();
    expect(mail.subject).toMatch(/^新的开票申请 MI\d{14}$/);
  });
});
