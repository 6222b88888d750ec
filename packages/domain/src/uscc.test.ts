import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { USCC_CHARSET, isValidUscc, usccCheckChar } from "./uscc";

describe("isValidUscc", () => {
  it.each(["91350100M000100Y43", "91110000600037341L"])("accepts the real code %s", (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it("computes the published check characters", () => {
    expect(usccCheckChar("91350100M000100Y4")).toBe("3");
    expect(usccCheckChar("91110000600037341")).toBe("L");
  });

  it.each([
    ["a corrupted check character", "91350100M000100Y44"],
    ["another corrupted check character", "91110000600037341K"],
    ["a changed body character", "91350100M000100Y53"],
    ["two swapped body characters", "91351000M000100Y43"],
    ["lower case (callers normalise first)", "91110000600037341l"],
    ["a lower-case body letter", "91350100m000100Y43"],
    ["17 characters", "91350100M000100Y4"],
    ["19 characters", "91350100M000100Y433"],
    ["a surrounding space", " 91350100M000100Y43"],
    ["the excluded letter I", "9111000060003734I1"],
    ["the excluded letter O", "9111000060003734O1"],
    ["a letter in the admin division", "9111000A600037341L"],
    ["an unknown registration authority", "B1110000600037341L"],
    ["org type 0", "90110000600037341L"],
    ["the empty string", ""],
  ])("rejects %s (%j)", (_why, code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it("has 31 distinct code characters without I O Z S V", () => {
    expect(new Set(USCC_CHARSET).size).toBe(31);
    expect(USCC_CHARSET).not.toMatch(/[IOZSV]/);
  });

  it("refuses to compute a check character for non-code characters or the wrong length", () => {
    expect(usccCheckChar("9111000060003734I")).toBeNull();
    expect(usccCheckChar("9111000060003734")).toBeNull();
  });

  const codeCharArb = fc.constantFrom(...USCC_CHARSET);
  const first17Arb = fc
    .tuple(
      fc.constantFrom(..."123456789ANY"),
      fc.constantFrom(..."123456789"),
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 6, maxLength: 6 }),
      fc.string({ unit: codeCharArb, minLength: 9, maxLength: 9 }),
    )
    .map((parts) => parts.join(""));

  // Restated from GB 32100-2015 (weights 3^i mod 31) so a change to the implementation is noticed.
  const referenceCheckChar = (first17: string): string => {
    let sum = 0;
    let weight = 1;
    for (const ch of first17) {
      sum += USCC_CHARSET.indexOf(ch) * weight;
      weight = (weight * 3) % 31;
    }
    return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
  };

  it("accepts every well-formed code whose check character is computed by the standard", () => {
    fc.assert(
      fc.property(first17Arb, (first17) => {
        expect(usccCheckChar(first17)).toBe(referenceCheckChar(first17));
        expect(isValidUscc(first17 + referenceCheckChar(first17))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("rejects every single-character change of the check character", () => {
    fc.assert(
      // Mostly other code characters (the realistic typo), sometimes any single character at all.
      fc.property(
        first17Arb,
        fc.oneof(codeCharArb, fc.string({ unit: "binary", minLength: 1, maxLength: 1 })),
        (first17, replacement) => {
          const check = referenceCheckChar(first17);
          fc.pre(replacement !== check);
          expect(isValidUscc(first17 + replacement)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
    // And exhaustively over the code alphabet for one code.
    for (const ch of USCC_CHARSET) {
      expect(isValidUscc(`91350100M000100Y4${ch}`)).toBe(ch === "3");
    }
  });

  it("detects every single-character substitution in the body", () => {
    fc.assert(
      fc.property(first17Arb, fc.nat({ max: 16 }), fc.nat({ max: 29 }), (first17, position, shift) => {
        const original = first17.charAt(position);
        const replaced = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(original) + shift + 1) % 31);
        const mutated = first17.slice(0, position) + replaced + first17.slice(position + 1);
        expect(isValidUscc(mutated + referenceCheckChar(first17))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
