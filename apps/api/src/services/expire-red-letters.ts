import type { Db } from "@mic/db";
import { inTransaction } from "../lib/tx";
import { emitReturnEvent } from "./notifications-emit";
import { loadReturnRequest } from "./return-request-queries";

/** Rows one run takes at most; a backlog is worked off over the following runs. */
const BATCH = 500;

interface Expired {
  id: string;
  requestId: string;
  tenantId: string;
}

/**
 * SPEC §13: a red-letter reversal (AWAITING_BUYER) that the buyer did not confirm before `expiresAt`
 * becomes EXPIRED and the invoice stays ISSUED. One conditional UPDATE over the due rows, locked in
 * one order (FOR UPDATE, waiting, not skipping), with the audit events in the same transaction:
 * two processes running it at once never expire one row twice (the second finds it no longer
 * AWAITING_BUYER once the first commits), and a buyer's confirmation holding the row is waited for,
 * so either it wins (CONFIRMED) or it is refused and this run expires the row — a refusal can
 * never leave a due reversal open until the next run.
 */
export async function expireRedLetters(prisma: Db, now = new Date()): Promise<{ expired: number }> {
  const rows = await inTransaction(prisma, async (tx) => {
    const expired = await tx.$queryRaw<Expired[]>`
      UPDATE "ReturnRequest" r
         SET "status" = 'EXPIRED', "closedAt" = ${now}, "updatedAt" = ${now}
       WHERE r."id" IN (
             SELECT "id" FROM "ReturnRequest"
              WHERE "status" = 'AWAITING_BUYER' AND "expiresAt" <= ${now}
              ORDER BY "expiresAt", "id"
              LIMIT ${BATCH}
                FOR UPDATE)
         AND r."status" = 'AWAITING_BUYER'
      RETURNING r."id", r."requestId", r."tenantId"`;
    if (expired.length === 0) return expired;
    // The system acts here: no actor. One event on the return request, one on the invoice request.
    await tx.auditEvent.createMany({
      data: expired.flatMap((row) => [
        {
          actorId: null,
          actorRole: null,
          tenantId: row.tenantId,
          action: "EXPIRE",
          entityType: "ReturnRequest",
          entityId: row.id,
          fromStatus: "AWAITING_BUYER",
          toStatus: "EXPIRED",
          createdAt: now,
        },
        {
          actorId: null,
          actorRole: null,
          tenantId: row.tenantId,
          action: "EXPIRE",
          entityType: "InvoiceRequest",
          entityId: row.requestId,
          fromStatus: "ISSUED",
          toStatus: "ISSUED",
          after: { returnRequestId: row.id, returnStatus: "EXPIRED" },
          createdAt: now,
        },
      ]),
    });
    // The buyer and the provider hear that the reversal lapsed (and webhooks get the return request).
    for (const row of expired) {
      await emitReturnEvent(tx, "return_request.decided", await loadReturnRequest(tx, row.id), [
        "TENANT",
        "PROVIDER",
      ]);
    }
    return expired;
  });
  return { expired: rows.length };
}
