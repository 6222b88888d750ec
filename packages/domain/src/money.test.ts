import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_AMOUNT_FEN, formatAmount, formatCny, parseAmount } from "./money";

describe("parseAmount", () => {
  it.each([
    ["1234.5", 123450n],
    ["12", 1200n],
    ["12.3", 1230n],
    ["12.34", 1234n],
    ["0.01", 1n],
    ["0", 0n],
    ["0.00", 0n],
    ["50.00", 5000n],
    ["007.50", 750n],
    ["99999999999.99", 9999999999999n],
  ])("parses %j as %s fen", (input, fen) => {
    expect(parseAmount(input)).toBe(fen);
  });

  it.each([
    ["more than two decimals", "1.234"],
    ["a negative", "-1"],
    ["a negative fraction", "-0.01"],
    ["a leading plus", "+1"],
    ["an exponent", "1e3"],
    ["an upper-case exponent", "1E3"],
    ["a leading space", " 1"],
    ["a trailing space", "1 "],
    ["an inner space", "1 000"],
    ["the empty string", ""],
    ["a word", "abc"],
    ["a dot alone", "."],
    ["a leading dot", ".5"],
    ["a trailing dot", "5."],
    ["a thousands separator", "1,000"],
    ["a comma decimal", "1,5"],
    ["two dots", "1.2.3"],
    ["Infinity", "Infinity"],
    ["NaN", "NaN"],
    ["hex", "0x10"],
    ["full-width digits", "１２"],
    ["a currency sign", "¥12"],
    ["one fen above the maximum", "100000000000.00"],
    ["a huge number", "9".repeat(40)],
  ])("rejects %s (%j)", (_why, input) => {
    expect(parseAmount(input)).toBeNull();
  });

  it("accepts exactly MAX_AMOUNT_FEN and nothing above", () => {
    expect(MAX_AMOUNT_FEN).toBe(9999999999999n);
    expect(parseAmount(formatAmount(MAX_AMOUNT_FEN))).toBe(MAX_AMOUNT_FEN);
    expect(parseAmount(formatAmount(MAX_AMOUNT_FEN + 1n))).toBeNull();
  });

  it("round-trips every fen amount in range through formatAmount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(parseAmount(formatAmount(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses every amount above the maximum", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: MAX_AMOUNT_FEN + 1n, max: MAX_AMOUNT_FEN * 1000n }), (fen) => {
        expect(parseAmount(formatAmount(fen))).toBeNull();
      }),
    );
  });

  it("agrees with exact decimal arithmetic for one- and two-decimal inputs", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_AMOUNT_FEN / 100n }),
        fc.integer({ min: 0, max: 99 }),
        (yuan, cents) => {
          const two = `${yuan}.${String(cents).padStart(2, "0")}`;
          expect(parseAmount(two)).toBe(yuan * 100n + BigInt(cents));
          if (cents % 10 === 0)
            expect(parseAmount(`${yuan}.${cents / 10}`)).toBe(yuan * 100n + BigInt(cents));
        },
      ),
    );
  });
});

describe("formatAmount", () => {
  it.each([
    [123450n, "1234.50"],
    [5n, "0.05"],
    [-5n, "-0.05"],
    [0n, "0.00"],
    [100n, "1.00"],
    [-123456n, "-1234.56"],
    [MAX_AMOUNT_FEN, "99999999999.99"],
  ])("formats %s fen as %j", (fen, text) => {
    expect(formatAmount(fen)).toBe(text);
  });

  it("always has exactly two decimals and no grouping", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_AMOUNT_FEN, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(formatAmount(fen)).toMatch(/^-?(0|[1-9]\d*)\.\d{2}$/);
      }),
    );
  });
});

describe("formatCny", () => {
  it.each([
    [123450n, "¥1,234.50"],
    [5n, "¥0.05"],
    [0n, "¥0.00"],
    [99900n, "¥999.00"],
    [100000n, "¥1,000.00"],
    [123456789012n, "¥1,234,567,890.12"],
    [-123450n, "-¥1,234.50"],
  ])("formats %s fen as %j", (fen, text) => {
    expect(formatCny(fen)).toBe(text);
  });

  it("shows the same digits as the wire format once grouping is removed", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_AMOUNT_FEN, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(formatCny(fen).replace("¥", "").replaceAll(",", "")).toBe(formatAmount(fen));
      }),
    );
  });
});
