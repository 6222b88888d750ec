import { createHash } from "node:crypto";
import type { Db } from "@mic/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import { userOf } from "../plugins/authorization";
import { AppError } from "./errors";
import { inTransaction, type Tx } from "./tx";

export interface Outcome {
  status: number;
  body: unknown;
}

export const toJson = (body: unknown) =>
  JSON.parse(JSON.stringify(body, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as object;

/** The Idempotency-Key of a mutating request, with what a retry must match. */
export interface IdempotencyKey {
  key: string;
  method: string;
  path: string;
  /** SHA-256 of method, path and body: the same key with another body is a 409. */
  requestHash: string;
}

export function idempotencyOf(request: FastifyRequest): IdempotencyKey | undefined {
  const header = request.headers["idempotency-key"];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key) return undefined;
  if (key.length > 200) {
    throw new AppError("VALIDATION", "validation", { fields: { "Idempotency-Key": "tooLong:200" } });
  }
  const path = request.url.split("?")[0] ?? request.url;
  const requestHash = createHash("sha256")
    .update(JSON.stringify([request.method, path, request.body ?? null]))
    .digest("hex");
  return { key, method: request.method, path, requestHash };
}

/** What a retry gets: the stored reply, or 409 when the key was first used for another request. */
export function replayed(
  key: IdempotencyKey,
  stored: { requestHash: string; status: number; body: unknown } | null,
) {
  if (!stored || stored.requestHash !== key.requestHash)
    throw new AppError("CONFLICT", "idempotency.mismatch");
  return { status: stored.status, body: stored.body };
}

/**
 * Runs a mutation in one transaction. With an `Idempotency-Key` header the key row is inserted
 * first in that same transaction: a concurrent retry waits on the key's unique index, then finds
 * the committed response and returns it; a crash rolls back key and change together. The same
 * key with another method, path or body is a 409.
 */
export async function mutate(
  prisma: Db,
  request: FastifyRequest,
  userId: string,
  run: (tx: Tx) => Promise<Outcome>,
): Promise<Outcome> {
  const idem = idempotencyOf(request);
  if (!idem) return inTransaction(prisma, run);
  const { key } = idem;

  const fresh = await inTransaction(prisma, async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "IdempotencyKey" ("userId", "key", "method", "path", "requestHash", "statusCode", "responseBody")
      VALUES (${userId}::uuid, ${key}, ${idem.method}, ${idem.path}, ${idem.requestHash}, 0, 'null'::jsonb)
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return undefined;
    const outcome = await run(tx);
    await tx.idempotencyKey.update({
      where: { userId_key: { userId, key } },
      data: { statusCode: outcome.status, responseBody: toJson(outcome.body) },
    });
    return outcome;
  });
  if (fresh) return fresh;

  const stored = await prisma.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  return replayed(
    idem,
    stored && { requestHash: stored.requestHash, status: stored.statusCode, body: stored.responseBody },
  );
}

/**
 * The one mutation path of the routes: `run` in a transaction as the signed-in user, through
 * `mutate` (so an Idempotency-Key replays), then the status and body it decided.
 */
export async function sendMutation(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  run: (tx: Tx) => Promise<unknown>,
) {
  const outcome = await mutate(request.server.prisma, request, userOf(request).id, async (tx) => ({
    status,
    body: await run(tx),
  }));
  return sendOutcome(reply, outcome);
}

/** Sends what a mutation decided (or what its first run stored, for a retry). */
export function sendOutcome(reply: FastifyReply, outcome: Outcome) {
  return reply.status(outcome.status).send(outcome.body);
}
