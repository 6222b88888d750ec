import { describe, expect, it } from "vitest";
import { calendarDayWarning } from "./calendar-day-warning";

describe("calendarDayWarning", () => {
  it("warns for a holiday on a Saturday or Sunday", () => {
    expect(calendarDayWarning("2026-10-03", "HOLIDAY")).toBe("weekendHoliday"); // Saturday
    expect(calendarDayWarning("2026-10-04", "HOLIDAY")).toBe("weekendHoliday"); // Sunday
  });
  it("warns for a 调休 workday on a weekday", () => {
    expect(calendarDayWarning("2026-10-05", "WORKDAY")).toBe("weekdayWorkday"); // Monday
  });
  it("accepts a weekday holiday, a weekend workday and an unfinished date", () => {
    expect(calendarDayWarning("2026-10-01", "HOLIDAY")).toBeNull();
    expect(calendarDayWarning("2026-09-27", "WORKDAY")).toBeNull(); // Sunday
    expect(calendarDayWarning("2026-10", "HOLIDAY")).toBeNull();
  });
});
