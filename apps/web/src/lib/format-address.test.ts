import { describe, expect, it } from "vitest";
import { formatAddress } from "./format-address";

describe("formatAddress", () => {
  it("leaves out a municipality's 市辖区 city level", () => {
    expect(
      formatAddress({ province: "北京市", city: "市辖区", district: "海淀区", street: "中关村大街 1 号" }),
    ).toBe("北京市海淀区中关村大街 1 号");
  });
  it("keeps a province's real city", () => {
    expect(formatAddress({ province: "广东省", city: "深圳市", district: "南山区", street: "科技园" })).toBe(
      "广东省深圳市南山区科技园",
    );
  });
});
