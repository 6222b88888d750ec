import type { providerQueueQuery } from "@mic/contracts";
import type { Db, Prisma } from "@mic/db";
import type { z } from "zod";
import { keyset } from "../lib/pagination";
import { requestInclude, requestJson } from "../lib/serialize";
import { searchWhere } from "./invoice-queries";

/** The queue's order: due date, then age, then id, all ascending. */
const queueOrder = keyset("asc", [
  { column: "dueDate", kind: "day" },
  { column: "createdAt", kind: "instant" },
  { column: "id", kind: "id" },
]);

/**
 * The provider workbench: the provider's requests by due date, earliest first, so overdue ones
 * (due date passed) lead. Without a status filter it holds what still needs work; a search (`q`)
 * looks through every status, since the request sought may be shipped or issued already.
 */
export async function providerQueue(db: Db, providerId: string, q: z.infer<typeof providerQueueQuery>) {
  const conditions: Prisma.InvoiceRequestWhereInput = {
    ...searchWhere(q.q),
    providerId,
    ...(q.status ? { status: q.status } : q.q ? {} : { status: { in: ["PENDING", "PROCESSING"] } }),
  };
  const { rows, nextCursor } = await queueOrder.fetchPage(q, conditions, (window) =>
    db.invoiceRequest.findMany({ ...window, include: requestInclude }),
  );
  const now = new Date();
  return { items: rows.map((r) => requestJson(r, now)), nextCursor };
}
