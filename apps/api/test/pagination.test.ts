import { describe, expect, it } from "vitest";
import { keyset, newestFirst } from "../src/lib/pagination";

const ID = "0190c2a4-0000-7000-8000-000000000001";
const queue = keyset("asc", [
  { column: "dueDate", kind: "day" },
  { column: "createdAt", kind: "instant" },
  { column: "id", kind: "id" },
]);

describe("keyset (lib/pagination.ts)", () => {
  it("round-trips a cursor of any columns", () => {
    const row = {
      dueDate: new Date("2026-05-06T00:00:00Z"),
      createdAt: new Date("2026-05-01T08:09:10.123Z"),
      id: ID,
    };
    expect(queue.decode(queue.encode(row))).toEqual(row);
    const newest = { createdAt: new Date("2026-05-01T08:09:10.123Z"), id: ID };
    expect(newestFirst.decode(newestFirst.encode(newest))).toEqual(newest);
  });

  it("writes 'strictly after' as a bound on the first column and the lexicographic cases", () => {
    const at = {
      dueDate: new Date("2026-05-06T00:00:00Z"),
      createdAt: new Date("2026-05-01T00:00:00Z"),
      id: ID,
    };
    expect(queue.after(at)).toEqual({
      dueDate: { gte: at.dueDate },
      OR: [
        { dueDate: { gt: at.dueDate } },
        { dueDate: at.dueDate, createdAt: { gt: at.createdAt } },
        { dueDate: at.dueDate, createdAt: at.createdAt, id: { gt: ID } },
      ],
    });
    expect(newestFirst.after({ createdAt: at.createdAt, id: ID })).toEqual({
      createdAt: { lte: at.createdAt },
      OR: [{ createdAt: { lt: at.createdAt } }, { createdAt: at.createdAt, id: { lt: ID } }],
    });
    expect(queue.after(undefined)).toEqual({});
    expect(queue.orderBy).toEqual([{ dueDate: "asc" }, { createdAt: "asc" }, { id: "asc" }]);
  });

  it("pages limit + 1 rows into limit rows and the cursor of the last", () => {
    const rows = [1, 2, 3].map((n) => ({ createdAt: new Date(Date.UTC(2026, 0, n)), id: ID }));
    const { rows: kept, nextCursor } = newestFirst.page(rows, 2);
    expect(kept).toHaveLength(2);
    expect(newestFirst.decode(nextCursor!)).toEqual(rows[1]);
    expect(newestFirst.page(rows, 3).nextCursor).toBeNull();
  });

  it("refuses a cursor of another shape, kind or range as a 400 on `cursor`", () => {
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const bad of [
      "not-base64-json",
      enc(["2026-05-01T00:00:00.000Z", ID]), // two parts for three columns
      enc(["2026-02-30", "2026-05-01T00:00:00.000Z", ID]), // no such day
      enc(["2026-05-01", "1999-12-31T00:00:00.000Z", ID]), // out of range
      enc(["2026-05-01", "2026-05-01T00:00:00.000Z", "x"]), // not a UUID
    ]) {
      expect(() => queue.decode(bad), bad).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    }
  });
});
