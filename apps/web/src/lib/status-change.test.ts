import { describe, expect, it } from "vitest";
import { statusChange } from "./status-change";

const label = (s: string) => ({ PENDING: "待处理", PROCESSING: "处理中" })[s] ?? s;

describe("statusChange", () => {
  it("reads a transition as from → to", () => {
    expect(statusChange("PENDING", "PROCESSING", label, "新建")).toBe("待处理 → 处理中");
  });
  it("reads a creation as 新建 · state, never ∅ → state", () => {
    expect(statusChange(null, "PENDING", label, "新建")).toBe("新建 · 待处理");
  });
  it("has nothing to say without states", () => {
    expect(statusChange(null, null, label, "新建")).toBeNull();
  });
});
