import { describe, expect, it } from "vitest";
import {
  isDigitalInvoiceNumber,
  isRequestNumber,
  requestNumber,
  isBankAccount,
  isMainlandMobile,
  isPhoneNumber,
  isPostalCode,
  isValidTaxpayerId,
  normaliseTaxpayerId,
} from "./identifiers";

describe("isValidTaxpayerId", () => {
  it("accepts a valid USCC", () => {
    expect(isValidTaxpayerId("91350100M000100Y43")).toBe(true);
    expect(isValidTaxpayerId("91110000600037341L")).toBe(true);
  });

  it("rejects an 18-character code with a wrong check character", () => {
    expect(isValidTaxpayerId("91350100M000100Y44")).toBe(false);
  });

  it("accepts lower case only after normalising", () => {
    expect(isValidTaxpayerId("91110000600037341l")).toBe(false);
    expect(isValidTaxpayerId(normaliseTaxpayerId("  91110000600037341l "))).toBe(true);
  });

  it("accepts legacy 15- and 20-character codes", () => {
    expect(isValidTaxpayerId("110108600037341")).toBe(true);
    expect(isValidTaxpayerId("11010860003734X")).toBe(true);
    expect(isValidTaxpayerId("11010519491231002X01")).toBe(true);
  });

  it.each([
    ["14 characters", "11010860003734"],
    ["16 characters", "1101086000373411"],
    ["19 characters", "11010519491231002X0"],
    ["21 characters", "11010519491231002X012"],
    ["a legacy code in lower case", "11010860003734x"],
    ["a hyphen", "110108-60003734"],
    ["untrimmed input", " 110108600037341"],
    ["the empty string", ""],
  ])("rejects %s (%j)", (_why, s) => {
    expect(isValidTaxpayerId(s)).toBe(false);
  });
});

describe("normaliseTaxpayerId", () => {
  it("trims and upper-cases", () => {
    expect(normaliseTaxpayerId("\t91350100m000100y43\n")).toBe("91350100M000100Y43");
  });
});

describe("isMainlandMobile", () => {
  it.each(["13800138000", "19912345678", "15012345678"])("accepts %s", (s) => {
    expect(isMainlandMobile(s)).toBe(true);
  });
  it.each([
    "12800138000",
    "1380013800",
    "138001380000",
    "+8613800138000",
    "138 0013 8000",
    "1380013800a",
    "",
  ])("rejects %j", (s) => {
    expect(isMainlandMobile(s)).toBe(false);
  });
});

describe("isPostalCode", () => {
  it("accepts six digits only", () => {
    expect(isPostalCode("100080")).toBe(true);
    expect(isPostalCode("10008")).toBe(false);
    expect(isPostalCode("1000800")).toBe(false);
    expect(isPostalCode("10008a")).toBe(false);
    expect(isPostalCode(" 100080")).toBe(false);
  });
});

describe("isBankAccount", () => {
  it("accepts 8 to 30 digits", () => {
    expect(isBankAccount("12345678")).toBe(true);
    expect(isBankAccount("6222021234567890123")).toBe(true);
    expect(isBankAccount("1".repeat(30))).toBe(true);
  });
  it("rejects too short, too long, spaces and letters", () => {
    expect(isBankAccount("1234567")).toBe(false);
    expect(isBankAccount("1".repeat(31))).toBe(false);
    expect(isBankAccount("6222 0212 3456 7890")).toBe(false);
    expect(isBankAccount("62220212345678A")).toBe(false);
    expect(isBankAccount("")).toBe(false);
  });
});

describe("isPhoneNumber", () => {
  it.each([
    "010-12345678",
    "0755-1234567",
    "0755-12345678",
    "01012345678",
    "010-12345678-123",
    "12345678",
    "13800138000",
    "400-123-4567",
    "4001234567",
  ])("accepts %j", (s) => {
    expect(isPhoneNumber(s)).toBe(true);
  });

  it.each([
    ["too short", "123456"],
    ["a local number of six digits", "010-123456"],
    ["a local number of nine digits", "010-123456789"],
    ["an area code not starting with 0", "755-12345678"],
    ["letters", "010-ABCDEFGH"],
    ["spaces", "010 12345678"],
    ["a plus sign", "+86-10-12345678"],
    ["parentheses", "(010)12345678"],
    ["a double hyphen", "010--12345678"],
    ["over 20 characters", "0755-12345678-1234567"],
    ["a trailing hyphen", "010-12345678-"],
    ["the empty string", ""],
  ])("rejects %s (%j)", (_why, s) => {
    expect(isPhoneNumber(s)).toBe(false);
  });
});

describe("request and e-invoice numbers", () => {
  it("writes MI + China date + six digits", () => {
    expect(requestNumber("2026-12-01", 123)).toBe("MI20261201000123");
    expect(isRequestNumber("MI20261201000123")).toBe(true);
    expect(isRequestNumber("MI2026120100012")).toBe(false);
    expect(() => requestNumber("2026-12-01", 1_000_000)).toThrow(RangeError);
    expect(() => requestNumber("2026-12-01", 0)).toThrow(RangeError);
  });

  it("takes exactly 20 digits for 数电票 numbers", () => {
    expect(isDigitalInvoiceNumber("12345678901234567890")).toBe(true);
    expect(isDigitalInvoiceNumber("1234567890123456789")).toBe(false);
    expect(isDigitalInvoiceNumber("1234567890123456789a")).toBe(false);
  });
});
