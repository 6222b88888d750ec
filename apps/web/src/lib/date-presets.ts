/** A local calendar date as YYYY-MM-DD (the API's filter format), not the UTC date of an instant. */
export const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

export type DatePreset = "last7Days" | "thisMonth" | "lastMonth";
export const DATE_PRESETS: readonly DatePreset[] = ["last7Days", "thisMonth", "lastMonth"];

/** The inclusive [from, to] of a preset as seen on `today`: 近 7 天 counts today as the seventh. */
export function presetRange(preset: DatePreset, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case "last7Days":
      return { from: isoDate(new Date(y, m, today.getDate() - 6)), to: isoDate(today) };
    case "thisMonth":
      return { from: isoDate(new Date(y, m, 1)), to: isoDate(today) };
    case "lastMonth":
      return { from: isoDate(new Date(y, m - 1, 1)), to: isoDate(new Date(y, m, 0)) };
  }
}
