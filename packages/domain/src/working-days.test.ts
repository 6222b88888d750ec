import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EMPTY_CALENDAR,
  SHIPPING_WORKING_DAYS,
  addWorkingDays,
  dueDateFor,
  isOverdue,
  isWorkingDay,
  type WorkCalendar,
} from "./working-days";

const DAY_MS = 86_400_000;
const dateOf = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const dayNumberOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

// National Day 2026 as fixture: Oct 1–8 off, with make-up workdays on Sunday Sep 20 and Saturday Oct 10.
const NATIONAL_DAY_2026: WorkCalendar = {
  holidays: new Set([
    "2026-10-01",
    "2026-10-02",
    "2026-10-03",
    "2026-10-04",
    "2026-10-05",
    "2026-10-06",
    "2026-10-07",
    "2026-10-08",
  ]),
  workdays: new Set(["2026-09-20", "2026-10-10"]),
};

describe("isWorkingDay", () => {
  it("counts Monday to Friday and not the weekend", () => {
    expect(isWorkingDay("2026-09-21", EMPTY_CALENDAR)).toBe(true); // Monday
    expect(isWorkingDay("2026-09-25", EMPTY_CALENDAR)).toBe(true); // Friday
    expect(isWorkingDay("2026-09-26", EMPTY_CALENDAR)).toBe(false); // Saturday
    expect(isWorkingDay("2026-09-27", EMPTY_CALENDAR)).toBe(false); // Sunday
  });

  it("skips a holiday that falls on a weekday", () => {
    expect(isWorkingDay("2026-10-01", EMPTY_CALENDAR)).toBe(true);
    expect(isWorkingDay("2026-10-01", NATIONAL_DAY_2026)).toBe(false);
    expect(isWorkingDay("2026-10-08", NATIONAL_DAY_2026)).toBe(false);
    expect(isWorkingDay("2026-10-09", NATIONAL_DAY_2026)).toBe(true);
  });

  it("counts a make-up workday on a weekend", () => {
    expect(isWorkingDay("2026-09-20", NATIONAL_DAY_2026)).toBe(true); // Sunday
    expect(isWorkingDay("2026-10-10", NATIONAL_DAY_2026)).toBe(true); // Saturday
    expect(isWorkingDay("2026-10-11", NATIONAL_DAY_2026)).toBe(false); // the Sunday after stays off
  });

  it("lets a holiday win over a make-up workday listed for the same date", () => {
    const both: WorkCalendar = { holidays: new Set(["2026-10-10"]), workdays: new Set(["2026-10-10"]) };
    expect(isWorkingDay("2026-10-10", both)).toBe(false);
  });

  it("refuses a malformed date", () => {
    expect(() => isWorkingDay("2026-02-30", EMPTY_CALENDAR)).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it("does not count the start date", () => {
    expect(addWorkingDays("2026-09-21", 1, EMPTY_CALENDAR)).toBe("2026-09-22");
    expect(addWorkingDays("2026-09-21", 0, EMPTY_CALENDAR)).toBe("2026-09-21");
  });

  it("jumps over a weekend", () => {
    expect(addWorkingDays("2026-09-18", 1, EMPTY_CALENDAR)).toBe("2026-09-21"); // Fri → Mon
    expect(addWorkingDays("2026-09-19", 1, EMPTY_CALENDAR)).toBe("2026-09-21"); // Sat → Mon
  });

  it("lands on a make-up Sunday", () => {
    expect(addWorkingDays("2026-09-18", 1, NATIONAL_DAY_2026)).toBe("2026-09-20");
  });

  it("crosses the National Day week of 2026", () => {
    // 9-29, 9-30 | Oct 1–8 off | 10-9, 10-10 (make-up Sat) | 10-12 … 10-16 | 10-19
    expect(addWorkingDays("2026-09-28", 10, NATIONAL_DAY_2026)).toBe("2026-10-19");
    expect(addWorkingDays("2026-09-30", 1, NATIONAL_DAY_2026)).toBe("2026-10-09");
    expect(addWorkingDays("2026-09-28", 10, EMPTY_CALENDAR)).toBe("2026-10-12");
  });

  it("refuses negative, fractional and non-finite counts and malformed dates", () => {
    expect(() => addWorkingDays("2026-09-28", -1, EMPTY_CALENDAR)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-09-28", 1.5, EMPTY_CALENDAR)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-09-28", Number.NaN, EMPTY_CALENDAR)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-09-28", Infinity, EMPTY_CALENDAR)).toThrow(RangeError);
    expect(() => addWorkingDays("28.09.2026", 1, EMPTY_CALENDAR)).toThrow(RangeError);
  });

  // Working-day rule restated with Date so the property does not trust the code under test.
  const isWorkingByDefinition = (date: string, cal: WorkCalendar): boolean => {
    if (cal.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 ? cal.workdays.has(date) : true;
  };

  const scenarioArb = fc
    .integer({ min: dayNumberOf("2000-01-01"), max: dayNumberOf("2099-12-31") })
    .chain((start) =>
      fc.record({
        start: fc.constant(dateOf(start)),
        n: fc.integer({ min: 1, max: 40 }),
        holidays: fc.uniqueArray(
          fc.integer({ min: -5, max: 80 }).map((d) => dateOf(start + d)),
          { maxLength: 30 },
        ),
        workdays: fc.uniqueArray(
          fc.integer({ min: -5, max: 80 }).map((d) => dateOf(start + d)),
          { maxLength: 10 },
        ),
      }),
    );

  it("returns a strictly later working day with exactly n working days in (date, result]", () => {
    fc.assert(
      fc.property(scenarioArb, ({ start, n, holidays, workdays }) => {
        const cal: WorkCalendar = { holidays: new Set(holidays), workdays: new Set(workdays) };
        const result = addWorkingDays(start, n, cal);
        expect(result > start).toBe(true);
        expect(isWorkingByDefinition(result, cal)).toBe(true);
        let count = 0;
        for (let d = dayNumberOf(start) + 1; d <= dayNumberOf(result); d++) {
          if (isWorkingByDefinition(dateOf(d), cal)) count++;
        }
        expect(count).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it("is additive: n + m working days equal n then m", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 20 }), ({ start, n, holidays, workdays }, m) => {
        const cal: WorkCalendar = { holidays: new Set(holidays), workdays: new Set(workdays) };
        expect(addWorkingDays(addWorkingDays(start, n, cal), m, cal)).toBe(addWorkingDays(start, n + m, cal));
      }),
    );
  });
});

describe("dueDateFor", () => {
  it("is ten working days", () => {
    expect(SHIPPING_WORKING_DAYS).toBe(10);
  });

  it("counts from the China calendar date of submission", () => {
    // 10:00 in Beijing on Monday 28 September 2026.
    expect(dueDateFor(new Date("2026-09-28T02:00:00Z"), NATIONAL_DAY_2026)).toBe("2026-10-19");
    // 23:30 UTC on Sunday the 27th is already Monday the 28th in China.
    expect(dueDateFor(new Date("2026-09-27T23:30:00Z"), NATIONAL_DAY_2026)).toBe("2026-10-19");
    // 15:00 UTC on the 27th is still Sunday in China; Monday the 28th is then the first working day.
    expect(dueDateFor(new Date("2026-09-27T15:00:00Z"), NATIONAL_DAY_2026)).toBe("2026-10-16");
  });
});

describe("isOverdue", () => {
  it("is on time through the whole due date in China and overdue from the next China midnight", () => {
    expect(isOverdue("2026-10-19", new Date("2026-10-18T20:00:00Z"))).toBe(false); // 19th 04:00 CST
    expect(isOverdue("2026-10-19", new Date("2026-10-19T15:59:59Z"))).toBe(false); // 19th 23:59 CST
    expect(isOverdue("2026-10-19", new Date("2026-10-19T16:00:00Z"))).toBe(true); // 20th 00:00 CST
  });

  it("refuses a malformed due date instead of comparing strings", () => {
    expect(() => isOverdue("2026-1-9", new Date("2026-10-19T16:00:00Z"))).toThrow(RangeError);
  });
});
