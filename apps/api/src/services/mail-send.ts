import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "@mic/db";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type { DeliverySettings } from "../lib/delivery-settings";
import { inTransaction } from "../lib/tx";
import { notificationText } from "./notifications-text";

type MailSettings = Pick<DeliverySettings, "smtpUrl" | "mailDir" | "leaseMs">;

export const MAIL_FROM = "云市场开票 <no-reply@invoicing.invalid>";
/** Waits after failed attempt n: 10 s, 1 min, 5 min, 30 min, then hourly; given up after a day. */
const RETRY_DELAYS_MS = [1e4, 6e4, 3e5, 18e5, ...Array<number>(24).fill(36e5)];

interface ClaimedMail {
  id: string;
  kind: string;
  requestId: string | null;
  to: string;
  attempts: number;
  /** The notification's type and params (NOTIFICATION jobs), read with the claim. */
  type: string | null;
  params: unknown;
}

/**
 * Mail due now, claimed like webhook attempts (SKIP LOCKED and a lease, so no two workers send one),
 * with what a notification mail says: one round trip for the batch.
 */
async function claim(db: Db, now: Date, token: string, leaseMs: number, limit: number) {
  return db.$queryRaw<ClaimedMail[]>`
    WITH leased AS (
      UPDATE "MailJob" m
         SET "leaseUntil" = clock_timestamp() + ${leaseMs} * INTERVAL '1 millisecond', "leaseToken" = ${token}::uuid
       WHERE m.id IN (
         SELECT id FROM "MailJob"
          WHERE status = 'PENDING' AND "runAt" <= ${now}
            AND ("leaseUntil" IS NULL OR "leaseUntil" < clock_timestamp())
          ORDER BY "runAt" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
      RETURNING m.id, m.kind, m."notificationId", m."requestId", m."to", m.attempts)
    SELECT l.id, l.kind, l."requestId", l."to", l.attempts, n.type, n.params
      FROM leased l LEFT JOIN "Notification" n ON n.id = l."notificationId"`;
}

/** The message of one job: a notification's title and body, or an issued e-invoice with its files. */
async function compose(db: Db, job: ClaimedMail): Promise<Mail.Options | null> {
  if (job.kind === "NOTIFICATION") {
    if (!job.type) return null;
    const { title, body } = notificationText(job.type, job.params);
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

/** SMTP when SMTP_URL is set (one connection per batch); otherwise DATA_DIR/mail/<job id>.eml files. */
function transportFor(settings: MailSettings) {
  if (settings.smtpUrl) {
    const smtp = nodemailer.createTransport(settings.smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as never);
    return {
      send: async (_id: string, message: Mail.Options) => void (await smtp.sendMail(message)),
      close: () => smtp.close(),
    };
  }
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true });
  let made = false;
  return {
    send: async (id: string, message: Mail.Options) => {
      const info = (await files.sendMail(message)) as { message: Buffer };
      if (!made) await mkdir(settings.mailDir, { recursive: true });
      made = true;
      await writeFile(join(settings.mailDir, `${id}.eml`), info.message);
    },
    close: () => files.close(),
  };
}

/**
 * Sends the mail that is due (up to `limit`). A failure (a dead mail server) only reschedules the
 * job: the change that queued it committed long ago and is never touched. Returns how many were tried.
 */
export async function sendDueMail(db: Db, now: Date, settings: MailSettings, limit = 10): Promise<number> {
  const token = randomUUID();
  const jobs = await claim(db, now, token, settings.leaseMs ?? 60_000, limit);
  if (jobs.length === 0) return 0;
  const transport = transportFor(settings);
  const sent: string[] = [];
  const failed: { job: ClaimedMail; error: string }[] = [];
  try {
    for (const job of jobs) {
      // A mail server that failed once in this batch is not asked again now: the rest waits too,
      // so a slow or dead server never holds a batch past its lease.
      const refused = settings.smtpUrl ? failed[0] : undefined;
      if (refused) {
        failed.push({ job, error: refused.error });
        continue;
      }
      try {
        const message = await compose(db, job);
        if (message) await transport.send(job.id, message);
        sent.push(job.id);
      } catch (e) {
        failed.push({ job, error: (e as Error).message.slice(0, 1000) });
      }
    }
  } finally {
    transport.close();
  }
  await inTransaction(db, async (tx) => {
    await tx.$executeRaw`
      UPDATE "MailJob" SET status = 'SUCCEEDED', attempts = attempts + 1, "sentAt" = now(), "leaseUntil" = NULL
       WHERE id = ANY(${sent}::uuid[]) AND "leaseToken" = ${token}::uuid AND status = 'PENDING'`;
    for (const { job, error } of failed) {
      const attempts = job.attempts + 1;
      const delay = RETRY_DELAYS_MS[attempts - 1];
      await tx.mailJob.updateMany({
        where: { id: job.id, leaseToken: token, status: "PENDING" },
        data: {
          status: delay === undefined ? "FAILED" : "PENDING",
          attempts,
          lastError: error,
          runAt: new Date(Date.now() + (delay ?? 0)),
          leaseUntil: null,
        },
      });
    }
  });
  return jobs.length;
}
