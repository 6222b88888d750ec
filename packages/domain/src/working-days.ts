import { addDays, chinaDate, dayOfWeek, toDayNumber } from "./calendar-date";

/** Dates are "YYYY-MM-DD"; `workdays` are make-up workdays (调休) that fall on a weekend. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkCalendar = Object.freeze({
  holidays: new Set<string>(),
  workdays: new Set<string>(),
});

/** SPEC §5: the provider ships within 10 working days (10个工作日) of submission. */
export const SHIPPING_WORKING_DAYS = 10;

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  // A date listed as both is a data error; treating it as a holiday errs towards a later due date
  // rather than flagging a provider overdue on a day off.
  if (cal.holidays.has(date)) return false;
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return cal.workdays.has(date);
  return true;
}

export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Not a working-day count: ${n}`);
  toDayNumber(date); // validates before looping
  let current = date;
  let remaining = n;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, cal)) remaining -= 1;
  }
  return current;
}

/** The submission day itself does not count, whatever time of day the request came in. */
export function dueDateFor(submittedAt: Date, cal: WorkCalendar): string {
  return addWorkingDays(chinaDate(submittedAt), SHIPPING_WORKING_DAYS, cal);
}

/** Shipping on the due date itself is on time; overdue starts the next day in China. */
export function isOverdue(dueDate: string, now: Date): boolean {
  toDayNumber(dueDate); // a malformed date would otherwise compare as a string and silently mislead
  return chinaDate(now) > dueDate;
}
