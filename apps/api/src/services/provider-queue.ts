import type { providerQueueQuery } from "@mic/contracts";
import type { Db } from "@mic/db";
import type { z } from "zod";
import { cursorParts } from "../lib/pagination";
import { dateOnly, requestInclude, requestJson } from "../lib/serialize";

/** Position in the queue's order (dueDate, createdAt, id), all ascending. */
interface QueueCursor {
  dueDate: Date;
  createdAt: Date;
  id: string;
}

export function encodeQueueCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([dateOnly(c.dueDate), c.createdAt.toISOString(), c.id])).toString(
    "base64url",
  );
}

export function decodeQueueCursor(cursor: string | undefined): QueueCursor | undefined {
  if (!cursor) return undefined;
  const [dueDate, createdAt, id] = cursorParts(cursor, ["day", "instant", "id"]) as [Date, Date, string];
  return { dueDate, createdAt, id };
}

function afterQueue(c: QueueCursor | undefined) {
  if (!c) return {};
  return {
    OR: [
      { dueDate: { gt: c.dueDate } },
      { dueDate: c.dueDate, createdAt: { gt: c.createdAt } },
      { dueDate: c.dueDate, createdAt: c.createdAt, id: { gt: c.id } },
    ],
  };
}

/**
 * The provider workbench: the provider's requests by due date, earliest first, so overdue ones
 * (due date passed) lead. Without a status filter it holds what still needs work.
 */
export async function providerQueue(db: Db, providerId: string, q: z.infer<typeof providerQueueQuery>) {
  const rows = await db.invoiceRequest.findMany({
    where: {
      AND: [
        { providerId },
        q.status ? { status: q.status } : { status: { in: ["PENDING", "PROCESSING"] } },
        afterQueue(decodeQueueCursor(q.cursor)),
      ],
    },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    include: requestInclude,
  });
  const more = rows.length > q.limit;
  const kept = more ? rows.slice(0, q.limit) : rows;
  const last = kept[kept.length - 1];
  const now = new Date();
  return {
    items: kept.map((r) => requestJson(r, now)),
    nextCursor: more && last ? encodeQueueCursor(last) : null,
  };
}
