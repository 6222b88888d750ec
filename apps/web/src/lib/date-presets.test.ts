import { describe, expect, it } from "vitest";
import { isoDate, presetRange } from "./date-presets";

describe("date presets", () => {
  const today = new Date(2026, 2, 3); // 2026-03-03, local time

  it("近 7 天 counts today as the seventh day", () => {
    expect(presetRange("last7Days", today)).toEqual({ from: "2026-02-25", to: "2026-03-03" });
  });

  it("本月 runs from the first of the month to today", () => {
    expect(presetRange("thisMonth", today)).toEqual({ from: "2026-03-01", to: "2026-03-03" });
  });

  it("上月 is the whole previous month, across a year boundary too", () => {
    expect(presetRange("lastMonth", today)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetRange("lastMonth", new Date(2026, 0, 15))).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("formats the local calendar date, not the UTC one", () => {
    expect(isoDate(new Date(2026, 11, 31, 23, 59))).toBe("2026-12-31");
  });
});
