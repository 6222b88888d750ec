import type { InvoiceableAmount } from "@mic/contracts";
import { describe, expect, it } from "vitest";
import { previewAmount } from "./refund-figures";

const figures = { consumed: "100.00", refunded: "20.00" } as InvoiceableAmount;

describe("previewAmount", () => {
  it("previews a valid refund within what was consumed", () => {
    expect(previewAmount("80.00", figures, true)).toBe("80.00");
  });
  it("previews nothing while the amount has a field error, is zero or exceeds consumption", () => {
    expect(previewAmount("12.345", figures, false)).toBe("");
    expect(previewAmount("0", figures, true)).toBe("");
    expect(previewAmount("99999999", figures, true)).toBe("");
  });
});
