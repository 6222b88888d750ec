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
 * becomes EXPIRED and the invoice stays ISSUED. One conditional UPDATE over rows taken with
 * FOR UPDATE SKIP LOCKED, with the audit events in the same transaction: two processes running it
 * at once each expire different rows, never one twice, and a buyer confirming at the same moment
 * either wins (the row is no longer AWAITING_BUYER) or waits and finds it EXPIRED (409).
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
                FOR UPDATE SKIP LOCKED)
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
