import { invoiceFilters } from "@mic/contracts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useUrlFilters } from "@/lib/use-url-filters";
import { renderPage } from "@/test/render";
import { DateRangeFilter, FilterBar, FilteredEmpty } from "./filter-bar";

const KEYS = ["status", "from", "to"] as const;

function Harness() {
  const { filters, errors, filtered, setFilters, reset } = useUrlFilters(KEYS, invoiceFilters);
  const location = useLocation();
  return (
    <>
      <FilterBar onReset={reset}>
        <DateRangeFilter from={filters.from} to={filters.to} errors={errors} onChange={setFilters} />
      </FilterBar>
      <output aria-label="url">{location.search}</output>
      <output aria-label="errors">{JSON.stringify(errors)}</output>
      <FilteredEmpty filtered={filtered} onClear={reset}>
        暂无开票记录
      </FilteredEmpty>
    </>
  );
}

const url = () => screen.getByLabelText("url").textContent;

describe("filter bar", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 2, 18, 10));
  });
  afterEach(() => vi.useRealTimers());

  it("puts a preset's range into the URL", async () => {
    await renderPage(<Harness />, "/records");
    await userEvent.click(screen.getByRole("button", { name: "上月" }));
    expect(url()).toBe("?from=2026-02-01&to=2026-02-28");
    await userEvent.click(screen.getByRole("button", { name: "近 7 天" }));
    expect(url()).toBe("?from=2026-03-12&to=2026-03-18");
  });

  it("shows 清空筛选 on an empty filtered list, which clears only the filters", async () => {
    await renderPage(<Harness />, "/records?status=PENDING&from=2026-03-01&tab=x");
    expect(screen.getByText("没有符合筛选条件的记录")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "清空筛选" }));
    expect(url()).toBe("?tab=x");
    expect(screen.getByText("暂无开票记录")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "清空筛选" })).toBeNull();
  });

  it("checks URL filters with the API's schema", async () => {
    await renderPage(<Harness />, "/records?from=2026-13-01");
    expect(screen.getByLabelText("errors").textContent).toContain("date.invalid");
  });

  it("重置 clears every filter", async () => {
    await renderPage(<Harness />, "/records?status=PENDING&to=2026-03-01");
    await userEvent.click(screen.getByRole("button", { name: "重置" }));
    expect(url()).toBe("");
  });
});
