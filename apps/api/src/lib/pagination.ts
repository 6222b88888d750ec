import { AppError } from "./errors";

export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Cursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const createdAt = new Date(String(at));
    if (typeof id !== "string" || Number.isNaN(createdAt.getTime())) throw new Error("bad cursor");
    return { createdAt, id };
  } catch {
    throw new AppError("VALIDATION", "validation", { fields: { cursor: "cursor.invalid" } });
  }
}

/** Keyset condition for rows ordered by (createdAt desc, id desc): strictly after the cursor. */
export function after(cursor: Cursor | undefined) {
  if (!cursor) return {};
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
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
