import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderPage } from "@/test/render";
import { EmptyBlock, QueryState, type QueryLike } from "./query-state";

const query = <T,>(over: Partial<QueryLike<T>>): QueryLike<T> => ({
  isPending: false,
  isError: false,
  error: null,
  data: undefined,
  refetch: vi.fn(),
  ...over,
});
const show = (q: QueryLike<string[]>, disabled = false) =>
  renderPage(
    <QueryState query={q} disabled={disabled} empty={<EmptyBlock>暂无</EmptyBlock>}>
      {(rows) => <p>{rows.join(",")}</p>}
    </QueryState>,
  );

describe("QueryState", () => {
  it("shows loading while pending", async () => {
    await show(query({ isPending: true }));
    expect(screen.getByRole("status").textContent).toContain("加载中");
  });

  it("shows the error with a retry that refetches", async () => {
    const q = query<string[]>({ isError: true, error: new Error("服务异常") });
    await show(q);
    expect(screen.getByText("服务异常")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "重试" }));
    expect(q.refetch).toHaveBeenCalled();
  });

  it("shows the empty state for an empty list or empty keyset pages", async () => {
    await show(query({ data: [] }));
    expect(screen.getByText("暂无")).toBeTruthy();
  });

  it("renders the data once loaded, and nothing when disabled", async () => {
    const { unmount } = await show(query({ data: ["a", "b"] }));
    expect(screen.getByText("a,b")).toBeTruthy();
    unmount();
    const { container } = await show(query({ isPending: true }), true);
    expect(container.textContent).toBe("");
  });
});
