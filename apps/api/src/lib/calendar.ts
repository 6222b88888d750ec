import { chinaDate, type WorkCalendar } from "@mic/domain";

/** The holiday calendar window from `from` on: enough to count 10 working days through any holiday season. */
export function calendarWindow(from: Date): { start: string; end: string } {
  const start = new Date(`${chinaDate(from)}T00:00:00Z`);
  const end = new Date(start.getTime() + 120 * 86_400_000);
  return { start: chinaDate(start), end: end.toISOString().slice(0, 10) };
}

/** Calendar rows (`date` as yyyy-mm-dd) as the working-day rules read them. */
export function calendarOf(days: readonly { date: string; kind: string }[]): WorkCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === "HOLIDAY").map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === "WORKDAY").map((d) => d.date)),
  };
}
