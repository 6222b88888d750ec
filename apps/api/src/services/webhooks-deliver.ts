import { randomUUID } from "node:crypto";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Db } from "@mic/db";
import { Webhook } from "standardwebhooks";
import { inTransaction } from "../lib/tx";
import { guardedLookup, literalHostAllowed } from "./webhook-target";

export interface WebhookSettings {
  allowPrivateTargets: boolean;
  /** How long a claimed attempt stays the claimant's (default 60 s, well over the 10 s timeout). */
  leaseMs?: number;
  timeoutMs?: number;
}

/**
 * The wait before the next attempt after attempt n failed (Standard Webhooks' schedule): 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h, together more than 24 h; after the 8th attempt the event is failed.
 */
export const RETRY_DELAYS_MS = [5e3, 3e5, 18e5, 72e5, 18e6, 36e6, 36e6] as const;
const EXCERPT_BYTES = 1000;
const MAX_READ_BYTES = 64 * 1024;

interface Claimed {
  id: string;
  eventId: string;
  endpointId: string;
  attempt: number;
  url: string;
  secret: string;
  payload: unknown;
}

/**
 * Claims due attempts with FOR UPDATE SKIP LOCKED and a lease: two workers never take the same
 * attempt, and an attempt whose worker died (kill -9) is taken again once its lease has run out.
 */
async function claim(db: Db, now: Date, token: string, leaseMs: number, limit: number) {
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d.id FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
       WHERE d.status = 'PENDING' AND d."runAt" <= ${now}
         AND (d."leaseUntil" IS NULL OR d."leaseUntil" < clock_timestamp()) AND e.enabled
       ORDER BY d."runAt"
       LIMIT ${limit}
         FOR UPDATE OF d SKIP LOCKED
    ), leased AS (
      UPDATE "WebhookDelivery" d
         SET "leaseUntil" = clock_timestamp() + ${leaseMs} * INTERVAL '1 millisecond', "leaseToken" = ${token}::uuid
        FROM due WHERE d.id = due.id
      RETURNING d.id, d."eventId", d."endpointId", d.attempt
    )
    SELECT l.id, l."eventId", l."endpointId", l.attempt, e.url, e.secret, o.payload
      FROM leased l
      JOIN "WebhookEndpoint" e ON e.id = l."endpointId"
      JOIN "OutboxEvent" o ON o.id = l."eventId"`;
}

export interface Answer {
  statusCode: number | null;
  durationMs: number;
  excerpt: string;
}

/** One signed POST: no redirects followed, 10 s for everything, at most 64 KiB of the answer read. */
export async function post(
  target: string,
  headers: Record<string, string>,
  body: string,
  settings: WebhookSettings,
): Promise<Answer> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const url = new URL(target);
  if (!literalHostAllowed(url, settings.allowPrivateTargets)) {
    return { statusCode: null, durationMs: 0, excerpt: "refused: private or loopback address" };
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve) => {
    const signal = AbortSignal.timeout(settings.timeoutMs ?? 10_000);
    const req = send(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
        lookup: guardedLookup(settings.allowPrivateTargets) as never,
        signal,
        agent: false,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let read = 0;
        const finish = () =>
          resolve({
            statusCode: res.statusCode ?? null,
            durationMs: took(),
            excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8"),
          });
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read <= MAX_READ_BYTES) chunks.push(chunk);
          else res.destroy();
        });
        res.on("end", finish);
        res.on("close", finish);
        res.on("error", finish);
      },
    );
    req.on("error", (error) =>
      resolve({
        statusCode: null,
        durationMs: took(),
        excerpt: signal.aborted
          ? `timed out after ${(settings.timeoutMs ?? 10_000) / 1000} s`
          : `error: ${error.message}`.slice(0, EXCERPT_BYTES),
      }),
    );
    req.end(body);
  });
}

/** Standard Webhooks 1.0 headers for one event: its id, the send time, the v1 signature. */
export function signedHeaders(secret: string, eventId: string, body: string, at = new Date()) {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(eventId, at, body),
  };
}

/**
 * Delivers the due attempts (up to `limit`): sign, POST, then record what the receiver said under
 * the lease token (a worker that lost its lease records nothing). A failure inside the retry window
 * adds the next attempt's row; a 410 turns the endpoint off. Returns how many were attempted.
 */
export async function deliverDueWebhooks(
  db: Db,
  now: Date,
  settings: WebhookSettings,
  limit = 10,
): Promise<number> {
  const token = randomUUID();
  const claimed = await claim(db, now, token, settings.leaseMs ?? 60_000, limit);
  await Promise.all(
    claimed.map(async (d) => {
      const body = JSON.stringify(d.payload);
      const answer = await post(d.url, signedHeaders(d.secret, d.eventId, body), body, settings);
      await record(db, d, token, answer);
    }),
  );
  return claimed.length;
}

async function record(db: Db, d: Claimed, token: string, answer: Answer) {
  const ok = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
  const finishedAt = new Date();
  await inTransaction(db, async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: d.id, leaseToken: token, status: "PENDING" },
      data: {
        status: ok ? "SUCCEEDED" : "FAILED",
        statusCode: answer.statusCode,
        durationMs: answer.durationMs,
        responseExcerpt: answer.excerpt.slice(0, EXCERPT_BYTES),
        finishedAt,
        leaseUntil: null,
      },
    });
    if (count === 0 || ok) return;
    if (answer.statusCode === 410) {
      await tx.webhookEndpoint.updateMany({
        where: { id: d.endpointId },
        data: { enabled: false, disabledReason: "410 Gone" },
      });
      return;
    }
    const delay = RETRY_DELAYS_MS[d.attempt - 1];
    if (delay === undefined) return;
    await tx.webhookDelivery.createMany({
      data: [
        {
          eventId: d.eventId,
          endpointId: d.endpointId,
          attempt: d.attempt + 1,
          runAt: new Date(finishedAt.getTime() + delay),
        },
      ],
      skipDuplicates: true,
    });
  });
}
