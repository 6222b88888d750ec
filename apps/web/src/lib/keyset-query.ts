import type { listOf } from "@mic/contracts";
import { infiniteQueryOptions, type QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import { api, type Query } from "./api-client";

/** One keyset page of any list endpoint, as the contracts' `listOf(item)` describes it. */
export type KeysetPage<T> = Omit<z.infer<ReturnType<typeof listOf<z.ZodType<T>>>>, "items"> & { items: T[] };

export const PAGE_SIZE = 20;

/**
 * The one way a list is fetched: keyset pages, each handing over the cursor of the next; no totals
 * or page numbers. Empty filter values are dropped from the query string by `withQuery`.
 */
export const keysetQueryOptions = <T>(queryKey: QueryKey, path: string, query: Query = {}) =>
  infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<KeysetPage<T>>(path, { query: { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Every row loaded so far, in page order. */
export const rowsOf = <T>(data: { pages: KeysetPage<T>[] } | undefined): T[] =>
  data?.pages.flatMap((p) => p.items) ?? [];
