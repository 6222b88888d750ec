import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmount } from "./money";
import { POSTAGE_THRESHOLD_FEN, shippingPayerFor } from "./postage";

const fen = (text: string): bigint => {
  const value = parseAmount(text);
  if (value === null) throw new Error(`bad fixture ${text}`);
  return value;
};

describe("shippingPayerFor", () => {
  it("puts the threshold at 50.00 CNY", () => {
    expect(POSTAGE_THRESHOLD_FEN).toBe(5000n);
  });

  it("charges the recipient (cash on delivery) below 50.00", () => {
    expect(shippingPayerFor(fen("49.99"))).toBe("RECIPIENT_COD");
    expect(shippingPayerFor(fen("0.01"))).toBe("RECIPIENT_COD");
  });

  it("lets the provider pay from 50.00 on", () => {
    expect(shippingPayerFor(fen("50.00"))).toBe("PROVIDER");
    expect(shippingPayerFor(fen("50.01"))).toBe("PROVIDER");
    expect(shippingPayerFor(fen("1000"))).toBe("PROVIDER");
  });

  it("switches exactly once, at 5000 fen", () => {
    fc.assert(
      // Half the runs sit right at the boundary, where an off-by-one would hide from uniform sampling.
      fc.property(
        fc.oneof(fc.bigInt({ min: 4990n, max: 5010n }), fc.bigInt({ min: 1n, max: 10_000_000n })),
        (amount) => {
          expect(shippingPayerFor(amount)).toBe(amount >= 5000n ? "PROVIDER" : "RECIPIENT_COD");
        },
      ),
    );
  });
});
