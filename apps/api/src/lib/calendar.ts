import { chinaDate, type WorkCalendar } from "@mic/domain";
import type { Tx } from "./tx";
import type { Db } from "@mic/db";
import { dateOnly } from "./serialize";

/** The holiday calendar from `from` on, enough to count 10 working days through any holiday season. */
export async function loadCalendar(db: Db | Tx, from: Date): Promise<WorkCalendar> {
  const start = new Date(`${chinaDate(from)}T00:00:00Z`);
  const days = await db.calendarDay.findMany({
    where: { date: { gte: start, lt: new Date(start.getTime() + 120 * 86_400_000) } },
  });
  return {
    holidays: new Set(days.filter((d) => d.kind === "HOLIDAY").map((d) => dateOnly(d.date))),
    workdays: new Set(days.filter((d) => d.kind === "WORKDAY").map((d) => dateOnly(d.date))),
  };
}
