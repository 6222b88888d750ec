import { AppError } from "./errors";

export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Cursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

/** The instants a cursor may name: rows are created in this century (a cursor is ours, or forged). */
const CURSOR_MIN = Date.UTC(2000, 0, 1);
const CURSOR_MAX = Date.UTC(2100, 0, 1);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const invalidCursor = () =>
  new AppError("VALIDATION", "validation", { fields: { cursor: "cursor.invalid" } });

/**
 * The parts of a keyset cursor (base64url JSON of an array), checked one by one: `instant` and `day`
 * within 2000–2099 and real, `id` a UUID. Anything else, even well-formed JSON (another shape, a
 * date out of range, an id that is not a UUID), is a 400 on `cursor`, never a database error.
 */
export function cursorParts(cursor: string, kinds: readonly ("instant" | "day" | "id")[]): (Date | string)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length) throw invalidCursor();
  return kinds.map((kind, i) => {
    const value: unknown = parsed[i];
    if (typeof value !== "string") throw invalidCursor();
    if (kind === "id") {
      if (!isUuid(value)) throw invalidCursor();
      return value;
    }
    if (!(kind === "instant" ? ISO_INSTANT : ISO_DAY).test(value)) throw invalidCursor();
    const at = new Date(kind === "instant" ? value : `${value}T00:00:00Z`);
    const time = at.getTime();
    if (Number.isNaN(time) || time < CURSOR_MIN || time >= CURSOR_MAX) throw invalidCursor();
    if (kind === "day" && at.toISOString().slice(0, 10) !== value) throw invalidCursor();
    return at;
  });
}

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  const [createdAt, id] = cursorParts(cursor, ["instant", "id"]) as [Date, string];
  return { createdAt, id };
}

/** Keyset condition for rows ordered by (createdAt desc, id desc): strictly after the cursor. */
export function after(cursor: Cursor | undefined) {
  if (!cursor) return {};
  // The bound `createdAt <= c` stands on its own so that PostgreSQL can start the index scan at
  // the cursor; written only as `createdAt < c OR (createdAt = c AND id < i)` it filters every
  // newer row one by one, and a page 200,000 rows deep took 342 ms instead of 0.2 ms.
  return {
    createdAt: { lte: cursor.createdAt },
    OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }],
  };
}

export const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/**
 * One page of rows newest first. `fetch` receives the keyset window (the caller's conditions and
 * "after the cursor", the order, limit + 1 rows) and adds what else it needs (include, select).
 */
export async function newestPage<W, T extends Cursor>(
  q: { limit: number; cursor?: string | undefined },
  conditions: W,
  fetch: (window: {
    where: { AND: [W, ReturnType<typeof after>] };
    orderBy: typeof newestFirst;
    take: number;
  }) => Promise<T[]>,
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const rows = await fetch({
    where: { AND: [conditions, after(decodeCursor(q.cursor))] },
    orderBy: newestFirst,
    take: q.limit + 1,
  });
  return page(rows, q.limit);
}

/** Fetch limit + 1 rows, return `limit` and the cursor of the last when there is more. */
export function page<T extends Cursor>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: more && last ? encodeCursor(last) : null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A path id that is not even a UUID cannot name anything: 404, like any id that is not yours. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** Start of a China calendar date, and the start of the day after it, as instants. */
export function chinaDayRange(from?: string, to?: string) {
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00+08:00`) } : {}),
    ...(to ? { lt: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000) } : {}),
  };
}
