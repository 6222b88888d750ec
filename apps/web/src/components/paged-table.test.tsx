import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { KeysetPage } from "@/lib/keyset-query";
import { renderPage } from "@/test/render";
import { PagedTable } from "./paged-table";
import { EmptyBlock } from "./query-state";

type Row = { id: string; name: string };
const page = (items: Row[], nextCursor: string | null = null) =>
  ({ items, nextCursor }) as unknown as KeysetPage<Row>;
const query = (pages: KeysetPage<Row>[], hasNextPage: boolean) => ({
  isPending: false,
  isError: false,
  error: null,
  data: { pages },
  refetch: vi.fn(),
  hasNextPage,
  isFetchingNextPage: false,
  fetchNextPage: vi.fn(),
});
const show = (q: ReturnType<typeof query>) =>
  renderPage(
    <PagedTable<Row>
      query={q}
      empty={<EmptyBlock>暂无</EmptyBlock>}
      label="名单"
      columns={[{ colKey: "name", title: "名称" }]}
    />,
  );

describe("PagedTable", () => {
  it("shows every loaded page's rows and fetches the next page on 加载更多", async () => {
    const q = query([page([{ id: "1", name: "甲" }], "c1"), page([{ id: "2", name: "乙" }], "c2")], true);
    await show(q);
    expect(screen.getByRole("table", { name: "名单" })).toBeTruthy();
    expect(screen.getByText("甲")).toBeTruthy();
    expect(screen.getByText("乙")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "加载更多" }));
    expect(q.fetchNextPage).toHaveBeenCalled();
  });

  it("shows the empty state when no page holds a row, and 已加载全部 after the last page", async () => {
    const { unmount } = await show(query([page([])], false));
    expect(screen.getByText("暂无")).toBeTruthy();
    unmount();
    await show(query([page([{ id: "1", name: "甲" }])], false));
    expect(screen.queryByRole("button", { name: "加载更多" })).toBeNull();
    expect(screen.getByText("已加载全部")).toBeTruthy();
  });
});
