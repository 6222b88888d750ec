import type { OnTimeRates } from "@mic/contracts";
import { addDays, addWorkingDays, chinaDate } from "@mic/domain";
import type { Db, SlaNoticeKind } from "@mic/db";
import { calendarOf, calendarWindow } from "../lib/calendar";
import { requestInclude, requestJson } from "../lib/serialize";
import { inTransaction } from "../lib/tx";
import { emit, requestParams } from "./notifications-emit";

/** SPEC §14: the reminder comes two working days before the due date. */
export const DUE_SOON_WORKING_DAYS = 2;
const BATCH = 200;

/** The day from which a request due on or before it is "due soon", by the holiday calendar. */
async function dueSoonHorizon(db: Db, now: Date): Promise<{ today: string; horizon: string }> {
  const window = calendarWindow(now);
  const days = await db.$queryRaw<{ date: string; kind: string }[]>`
    SELECT date::text AS date, kind::text AS kind FROM "CalendarDay"
     WHERE date >= ${window.start}::date AND date < ${window.end}::date`;
  const today = chinaDate(now);
  return { today, horizon: addWorkingDays(today, DUE_SOON_WORKING_DAYS, calendarOf(days)) };
}

/**
 * The SLA clock (a scheduled job any API process may run): for each open request (PENDING or
 * PROCESSING) due within two working days, a due-soon notice, and for each past its due date an
 * overdue one, to the provider's staff and support. The SlaNotice row is inserted in the notice's
 * transaction and its primary key refuses a second: two processes racing send one notice.
 */
export async function runSlaClock(db: Db, now: Date): Promise<{ dueSoon: number; overdue: number }> {
  const { today, horizon } = await dueSoonHorizon(db, now);
  const dueSoon = await notice(db, "DUE_SOON", { from: today, to: horizon });
  const overdue = await notice(db, "OVERDUE", { from: "2000-01-01", to: addDays(today, -1) });
  return { dueSoon, overdue };
}

async function notice(db: Db, kind: SlaNoticeKind, range: { from: string; to: string }) {
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "InvoiceRequest" r
     WHERE r.status IN ('PENDING', 'PROCESSING')
       AND r."dueDate" >= ${range.from}::date AND r."dueDate" <= ${range.to}::date
       AND NOT EXISTS (SELECT 1 FROM "SlaNotice" s WHERE s."requestId" = r.id AND s.kind = ${kind}::"SlaNoticeKind")
     ORDER BY r."dueDate", r.id
     LIMIT ${BATCH}`;
  let count = 0;
  for (const { id } of candidates) {
    const emitted = await inTransaction(db, async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "SlaNotice" ("requestId", "kind") VALUES (${id}::uuid, ${kind}::"SlaNoticeKind")
        ON CONFLICT DO NOTHING`;
      if (inserted === 0) return false;
      const row = await tx.invoiceRequest.findUniqueOrThrow({ where: { id }, include: requestInclude });
      if (row.status !== "PENDING" && row.status !== "PROCESSING") return false;
      const json = requestJson(row);
      await emit(tx, {
        type: kind === "DUE_SOON" ? "invoice_request.due_soon" : "invoice_request.overdue",
        tenantId: row.tenantId,
        providerId: row.providerId,
        requestId: row.id,
        audience: ["PROVIDER", "SUPPORT"],
        params: requestParams({ ...json, number: row.number }),
        // Overdue is a webhook event; due-soon is a reminder in the console and by e-mail only.
        ...(kind === "OVERDUE" ? { data: json } : {}),
      });
      return true;
    });
    if (emitted) count++;
  }
  return count;
}

/**
 * Per provider, the requests due in `month` (yyyy-mm) that were shipped or issued, or are still
 * open past their due date; on time = shipped or issued (China date) on or before the due date.
 * Cancelled and rejected requests that were never shipped are not counted.
 */
export async function onTimeRates(db: Db, month: string, now = new Date()): Promise<OnTimeRates> {
  const start = `${month}-01`;
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  const today = chinaDate(now);
  const rows = await db.$queryRaw<
    { providerId: string; providerName: string; due: bigint; onTime: bigint }[]
  >`
    SELECT p.id AS "providerId", p.name AS "providerName",
           count(r.id) FILTER (WHERE r.done_at IS NOT NULL
                                  OR (r.status IN ('PENDING', 'PROCESSING') AND r."dueDate" < ${today}::date)) AS due,
           count(r.id) FILTER (WHERE r.done_at IS NOT NULL
                                  AND (r.done_at AT TIME ZONE 'UTC' + INTERVAL '8 hours')::date <= r."dueDate") AS "onTime"
      FROM "Provider" p
      LEFT JOIN (SELECT id, "providerId", status, "dueDate", COALESCE("mailingAt", "issuedAt") AS done_at
                   FROM "InvoiceRequest"
                  WHERE "dueDate" >= ${start}::date AND "dueDate" < ${next}::date) r ON r."providerId" = p.id
     GROUP BY p.id, p.name
     ORDER BY p.name, p.id`;
  return {
    month,
    items: rows.map((r) => {
      const due = Number(r.due);
      const onTime = Number(r.onTime);
      return {
        providerId: r.providerId,
        providerName: r.providerName,
        due,
        onTime,
        late: due - onTime,
        rate: due === 0 ? null : ((onTime * 100) / due).toFixed(1),
      };
    }),
  };
}
