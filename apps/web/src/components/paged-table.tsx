import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ComponentProps, ReactNode } from "react";
import type { KeysetPage } from "@/lib/keyset-query";
import { rowsOf } from "@/lib/keyset-query";
import { DataTable } from "./data-table";
import { LoadMore } from "./load-more";
import { QueryState, type QueryLike } from "./query-state";

/** A keyset-paged infinite query, as `keysetQueryOptions` builds it. */
type PagedQuery<T> = QueryLike<{ pages: KeysetPage<T>[] }> &
  Pick<UseInfiniteQueryResult, "hasNextPage" | "isFetchingNextPage" | "fetchNextPage">;

type PagedTableProps<T extends Record<string, unknown>> = Omit<
  ComponentProps<typeof DataTable<T>>,
  "data" | "rowKey"
> & {
  query: PagedQuery<T>;
  /** The empty state (e.g. a FilteredEmpty with 清空筛选). */
  empty: ReactNode;
  /** Filters are invalid (their errors show next to the fields): render nothing. */
  disabled?: boolean;
  rowKey?: string;
};

/**
 * The one way a list page shows a keyset-paged query: loading, error and empty states through
 * QueryState, then every row loaded so far in a DataTable with 加载更多 under it.
 */
export function PagedTable<T extends Record<string, unknown>>({
  query,
  empty,
  disabled,
  rowKey = "id",
  ...table
}: PagedTableProps<T>) {
  return (
    <QueryState query={query} disabled={disabled} empty={empty}>
      {(data) => (
        <>
          <DataTable<T> rowKey={rowKey} {...table} data={rowsOf(data)} />
          <LoadMore query={query} />
        </>
      )}
    </QueryState>
  );
}
