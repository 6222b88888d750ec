import { isIsoDate } from "@mic/domain";

export type CalendarDayWarning = "weekendHoliday" | "weekdayWorkday";

/**
 * A holiday on a Saturday or Sunday changes nothing (the day is off anyway), and a 调休 workday on
 * a weekday neither: both are almost always a mistyped date, so the form warns before saving.
 */
export function calendarDayWarning(date: string, kind: "HOLIDAY" | "WORKDAY"): CalendarDayWarning | null {
  if (!isIsoDate(date)) return null;
  const [y, m, d] = date.split("-").map(Number);
  const weekday = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  if (kind === "HOLIDAY" && weekend) return "weekendHoliday";
  if (kind === "WORKDAY" && !weekend) return "weekdayWorkday";
  return null;
}
