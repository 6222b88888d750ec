import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "@mic/db";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type { DeliverySettings } from "../lib/delivery-settings";

type MailSettings = Pick<DeliverySettings, "smtpUrl" | "mailDir" | "leaseMs">;
import { inTransaction } from "../lib/tx";
import { notificationText } from "./notifications-text";

export const MAIL_FROM = "云市场开票 <no-reply@invoicing.invalid>";
/** Waits after failed attempt n: 10 s, 1 min, 5 min, 30 min, then hourly; given up after a day. */
const RETRY_DELAYS_MS = [1e4, 6e4, 3e5, 18e5, ...Array<number>(24).fill(36e5)];

interface ClaimedMail {
  id: string;
  kind: string;
  notificationId: string | null;
  requestId: string | null;
  to: string;
  attempts: number;
}

/** Mail due now, claimed like webhook attempts: SKIP LOCKED and a lease, so no two workers send one. */
async function claim(db: Db, now: Date, token: string, leaseMs: number, limit: number) {
  return db.$queryRaw<ClaimedMail[]>`
    UPDATE "MailJob" m
       SET "leaseUntil" = clock_timestamp() + ${leaseMs} * INTERVAL '1 millisecond', "leaseToken" = ${token}::uuid
     WHERE m.id IN (
       SELECT id FROM "MailJob"
        WHERE status = 'PENDING' AND "runAt" <= ${now}
          AND ("leaseUntil" IS NULL OR "leaseUntil" < clock_timestamp())
        ORDER BY "runAt" LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.kind, m."notificationId", m."requestId", m."to", m.attempts`;
}

/** The message of one job: a notification's title and body, or an issued e-invoice with its files. */
async function compose(db: Db, job: ClaimedMail): Promise<Mail.Options | null> {
  if (job.kind === "NOTIFICATION" && job.notificationId) {
    const n = await db.notification.findUnique({ where: { id: job.notificationId } });
    if (!n) return null;
    const { title, body } = notificationText(n.type, n.params);
    return { from: MAIL_FROM, to: job.to, subject: title, text: `${body}\n\n— 云市场开票控制台` };
  }
  if (job.kind === "INVOICE_FILES" && job.requestId) {
    const request = await db.invoiceRequest.findUnique({
      where: { id: job.requestId },
      include: { provider: true, files: { orderBy: { createdAt: "asc" } } },
    });
    if (!request) return null;
    return {
      from: MAIL_FROM,
      to: job.to,
      subject: `电子发票 ${request.invoiceNumber ?? ""}（申请编号 ${request.number}）`,
      text: `${request.provider.name} 为申请 ${request.number} 开具的电子发票见附件。`,
      attachments: request.files.map((f) => ({
        filename: f.name,
        content: Buffer.from(f.content),
        contentType: f.contentType,
      })),
    };
  }
  return null;
}

/** SMTP when SMTP_URL is set; otherwise the message is written as DATA_DIR/mail/<job id>.eml. */
async function send(settings: MailSettings, id: string, message: Mail.Options): Promise<void> {
  if (settings.smtpUrl) {
    const transport = nodemailer.createTransport(settings.smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as never);
    try {
      await transport.sendMail(message);
    } finally {
      transport.close();
    }
    return;
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = (await transport.sendMail(message)) as { message: Buffer };
  await mkdir(settings.mailDir, { recursive: true });
  await writeFile(join(settings.mailDir, `${id}.eml`), info.message);
}

/**
 * Sends the mail that is due (up to `limit`). A failure (a dead mail server) only reschedules the
 * job: the change that queued it committed long ago and is never touched. Returns how many were tried.
 */
export async function sendDueMail(db: Db, now: Date, settings: MailSettings, limit = 10): Promise<number> {
  const token = randomUUID();
  const jobs = await claim(db, now, token, settings.leaseMs ?? 60_000, limit);
  for (const job of jobs) {
    let error: string | null = null;
    try {
      const message = await compose(db, job);
      if (message) await send(settings, job.id, message);
    } catch (e) {
      error = (e as Error).message.slice(0, 1000);
    }
    await inTransaction(db, async (tx) => {
      const attempts = job.attempts + 1;
      const delay = RETRY_DELAYS_MS[attempts - 1];
      await tx.mailJob.updateMany({
        where: { id: job.id, leaseToken: token, status: "PENDING" },
        data:
          error === null
            ? { status: "SUCCEEDED", attempts, sentAt: new Date(), leaseUntil: null }
            : {
                status: delay === undefined ? "FAILED" : "PENDING",
                attempts,
                lastError: error,
                runAt: new Date(Date.now() + (delay ?? 0)),
                leaseUntil: null,
              },
      });
    });
  }
  return jobs.length;
}
