import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  chinaDate,
  chinaDateTime,
  dayOfWeek,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
} from "./calendar-date";

const DAY_MS = 86_400_000;
const dayNumberArb = fc.integer({ min: toDayNumber("0001-01-01"), max: toDayNumber("9999-12-31") });
const viaDate = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

describe("isIsoDate", () => {
  it.each(["2026-10-01", "2024-02-29", "2000-02-29", "1999-12-31", "2026-04-30", "0001-01-01"])(
    "accepts %j",
    (s) => {
      expect(isIsoDate(s)).toBe(true);
    },
  );

  it.each([
    "2026-02-29",
    "2100-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-10-00",
    "2026-10-32",
    "2026-1-01",
    "26-10-01",
    "2026/10/01",
    "2026-10-01T00:00",
    " 2026-10-01",
    "",
    "２０２６-10-01",
  ])("rejects %j", (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it("agrees with Date on every day of the four-digit era", () => {
    fc.assert(
      fc.property(dayNumberArb, (n) => {
        expect(isIsoDate(viaDate(n))).toBe(true);
      }),
    );
  });
});

describe("day numbers", () => {
  it("count from the Unix epoch", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("2026-10-01")).toBe(Date.UTC(2026, 9, 1) / DAY_MS);
    expect(() => toDayNumber("2026-02-30")).toThrow(RangeError);
  });

  it("round-trip and agree with Date, including weekdays", () => {
    fc.assert(
      fc.property(dayNumberArb, (n) => {
        const date = viaDate(n);
        expect(fromDayNumber(n)).toBe(date);
        expect(toDayNumber(date)).toBe(n);
        expect(dayOfWeek(date)).toBe(new Date(n * DAY_MS).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it("addDays crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-09-30", 1)).toBe("2026-10-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("chinaDate", () => {
  it("is already the next day in China at 23:30 UTC", () => {
    expect(chinaDate(new Date("2026-09-27T23:30:00Z"))).toBe("2026-09-28");
  });

  it("turns over at 16:00 UTC (midnight UTC+8)", () => {
    expect(chinaDate(new Date("2026-09-27T15:59:59.999Z"))).toBe("2026-09-27");
    expect(chinaDate(new Date("2026-09-27T16:00:00.000Z"))).toBe("2026-09-28");
    expect(chinaDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("refuses an invalid Date", () => {
    expect(() => chinaDate(new Date("nope"))).toThrow(RangeError);
  });

  it("is the UTC date eight hours later for any instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (ms) => {
        const shifted = new Date(ms + 8 * 3_600_000);
        const expected = `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, "0")}-${String(shifted.getUTCDate()).padStart(2, "0")}`;
        expect(chinaDate(new Date(ms))).toBe(expected);
      }),
    );
  });
});

describe("chinaDateTime", () => {
  it("writes an instant as China wall-clock time to the second", () => {
    expect(chinaDateTime(new Date("2026-12-01T13:32:16.789Z"))).toBe("2026-12-01 21:32:16");
    expect(chinaDateTime(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01 00:00:00");
    expect(() => chinaDateTime(new Date("nonsense"))).toThrow(RangeError);
  });
});
