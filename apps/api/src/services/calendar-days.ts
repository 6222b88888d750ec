import type { calendarDayInput } from "@mic/contracts";
import type { CalendarDay, Db } from "@mic/db";
import type { z } from "zod";
import { audit, type Actor } from "../lib/audit";
import { AppError, notFound } from "../lib/errors";
import { dateOnly } from "../lib/serialize";
import { isUniqueViolation, type Tx } from "../lib/tx";

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);
const dayJson = (d: CalendarDay) => ({ date: dateOnly(d.date), kind: d.kind, name: d.name });

/** Holidays and make-up workdays (调休), in date order; one year or all of them. */
export async function listCalendarDays(db: Db, year: number | undefined) {
  const rows = await db.calendarDay.findMany({
    where: year ? { date: { gte: asDate(`${year}-01-01`), lt: asDate(`${year + 1}-01-01`) } } : {},
    orderBy: { date: "asc" },
    take: 2000,
  });
  return { items: rows.map(dayJson), nextCursor: null };
}

/** New days change the due dates of later applications only; submitted requests keep theirs. */
export async function addCalendarDay(tx: Tx, actor: Actor, input: z.infer<typeof calendarDayInput>) {
  let row: CalendarDay;
  try {
    row = await tx.calendarDay.create({
      data: { date: asDate(input.date), kind: input.kind, name: input.name },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "calendar.exists", { fields: { date: "calendar.exists" } });
    throw error;
  }
  const day = dayJson(row);
  await audit(tx, {
    actor,
    tenantId: null,
    action: "CREATE",
    entityType: "CalendarDay",
    entityId: day.date,
    after: day,
  });
  return day;
}

export async function removeCalendarDay(tx: Tx, actor: Actor, date: string) {
  const row = await tx.calendarDay.findUnique({ where: { date: asDate(date) } });
  if (!row) throw notFound();
  const { count } = await tx.calendarDay.deleteMany({ where: { date: row.date } });
  if (count === 0) throw notFound();
  await audit(tx, {
    actor,
    tenantId: null,
    action: "DELETE",
    entityType: "CalendarDay",
    entityId: date,
    before: dayJson(row),
  });
  return { ok: true as const };
}
