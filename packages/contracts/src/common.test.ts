import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { mailingAddressInput } from "./addresses";
import { isStorableText, isoDate, optionalText, pageQuery, plainText, text } from "./common";
import { invoiceFilters, optionalReasonInput, reasonInput, shipInput } from "./invoices";
import { t } from "./labels";
import { auditQuery } from "./audit";
import { calendarDayInput, refundInput, ticketInput } from "./support";
import { invoiceTitleInput, invoiceTitlePatch } from "./titles";

/** The message keys of a failed parse, by field path. */
function issues(result: z.ZodSafeParseResult<unknown>) {
  expect(result.success).toBe(false);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

const UNSTORABLE = [
  "a\u0000b",
  "\u0000",
  "lone high \ud800",
  "\ud800 at the start",
  "lone low \udc00",
  "\udfff",
  "reversed pair \udc00\ud800",
  "😀".slice(0, 1),
];
const STORABLE = [
  "公司",
  "emoji 😀👍🏽",
  "RTL \u202e עברית العربية",
  "tab\tnewline\n",
  "\ud83d\ude00",
  "",
  "\u00a0",
];

describe("isStorableText", () => {
  it.each(UNSTORABLE)("refuses %j", (s) => {
    expect(isStorableText(s)).toBe(false);
  });
  it.each(STORABLE)("accepts %j", (s) => {
    expect(isStorableText(s)).toBe(true);
  });
});

describe("text fields refuse what the database cannot store", () => {
  it.each(UNSTORABLE)("text(), optionalText() and plainText() refuse %j", (s) => {
    for (const schema of [text(100), optionalText(100), plainText(100)]) {
      const result = schema.safeParse(s);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toContain("text.unstorable");
    }
  });

  it("still accepts ordinary text, emoji and RTL", () => {
    expect(text(100).parse("  Acme 科技 😀 עברית ")).toBe("Acme 科技 😀 עברית");
    expect(optionalText(100).parse("")).toBeNull();
    expect(plainText(10).parse("\ud83d\ude00")).toBe("😀");
  });

  it("every text field of every body names the field with text.unstorable", () => {
    const nul = "x\u0000y";
    const address = {
      recipient: "张三",
      phone: "13800138000",
      province: "上海市",
      city: "上海市",
      district: "浦东新区",
      street: "世纪大道 1 号",
      postalCode: "200120",
    };
    const cases: [z.ZodType, Record<string, unknown>, string][] = [
      [invoiceTitleInput, { type: "INDIVIDUAL", name: nul }, "name"],
      [invoiceTitleInput, { type: "ORGANIZATION", name: "n", bankName: nul }, "bankName"],
      [invoiceTitleInput, { type: "ORGANIZATION", name: "n", registeredAddress: nul }, "registeredAddress"],
      [invoiceTitlePatch, { name: "\ud800" }, "name"],
      [invoiceTitlePatch, { bankName: nul }, "bankName"],
      [mailingAddressInput, { ...address, street: "\udc00" }, "street"],
      [mailingAddressInput, { ...address, recipient: nul }, "recipient"],
      [
        ticketInput,
        { requestId: crypto.randomUUID(), returnTrackingNumber: "SF123456", message: nul },
        "message",
      ],
      [reasonInput, { reason: "\ud800" }, "reason"],
      [optionalReasonInput, { reason: nul }, "reason"],
      [
        shipInput,
        { invoiceNumber: "04403299", courier: "OTHER", courierName: nul, trackingNumber: "SF123456" },
        "courierName",
      ],
      [
        refundInput,
        { tenantId: crypto.randomUUID(), providerId: crypto.randomUUID(), amount: "1.00", reference: nul },
        "reference",
      ],
      [calendarDayInput, { date: "2026-10-01", kind: "HOLIDAY", name: "\ud800" }, "name"],
      [auditQuery, { entityId: nul }, "entityId"],
      [auditQuery, { entityId: "\udfff" }, "entityId"],
    ];
    for (const [schema, value, field] of cases) {
      expect(issues(schema.safeParse(value))[field], `${field} of ${JSON.stringify(value)}`).toBe(
        "text.unstorable",
      );
    }
  });

  it("has a message in both languages", () => {
    expect(t("text.unstorable", "en")).toMatch(/cannot be stored/);
    expect(t("text.unstorable", "zh-CN")).toMatch(/无法保存/);
  });
});

describe("isoDate", () => {
  it.each(["2000-01-01", "2026-02-28", "2028-02-29", "2099-12-31"])("accepts %j", (d) => {
    expect(isoDate.parse(d)).toBe(d);
  });

  it.each(["2026-02-30", "2026-02-29", "2026-13-01", "2026-1-1", "20260101", "", "2026-01-01T00:00:00Z"])(
    "refuses %j as not a calendar date",
    (d) => {
      expect(issues(isoDate.safeParse(d))[""]).toBe("date.invalid");
    },
  );

  it.each(["0000-01-01", "0001-01-01", "1999-12-31", "2100-01-01", "9999-12-31"])(
    "refuses %j as out of range",
    (d) => {
      expect(issues(isoDate.safeParse(d))[""]).toBe("date.outOfRange:2000-01-01:2099-12-31");
    },
  );

  it("refuses non-strings", () => {
    expect(isoDate.safeParse(20260101).success).toBe(false);
    expect(isoDate.safeParse(null).success).toBe(false);
  });

  it("out-of-range filter dates are a field error, with a message naming the range", () => {
    expect(issues(invoiceFilters.safeParse({ from: "0000-01-01" })).from).toBe(
      "date.outOfRange:2000-01-01:2099-12-31",
    );
    expect(issues(invoiceFilters.safeParse({ to: "9999-12-31" })).to).toBe(
      "date.outOfRange:2000-01-01:2099-12-31",
    );
    expect(t("date.outOfRange:2000-01-01:2099-12-31", "en")).toBe(
      "The date must be between 2000-01-01 and 2099-12-31",
    );
    expect(t("date.outOfRange:2000-01-01:2099-12-31", "zh-CN")).toBe(
      "日期须在 2000-01-01 至 2099-12-31 之间",
    );
  });
});

describe("pageQuery", () => {
  it.each(["0", "-1", "101", "1e9", "abc", "1.5", ""])("refuses limit %j", (limit) => {
    expect(issues(pageQuery.safeParse({ limit })).limit).toBe("limit.invalid");
  });

  it("accepts 1–100 and defaults to 20", () => {
    expect(pageQuery.parse({ limit: "1" }).limit).toBe(1);
    expect(pageQuery.parse({ limit: "100" }).limit).toBe(100);
    expect(pageQuery.parse({}).limit).toBe(20);
  });

  it("refuses a cursor that is not base64url", () => {
    expect(issues(pageQuery.safeParse({ cursor: "a+b/c=" })).cursor).toBe("cursor.invalid");
    expect(issues(pageQuery.safeParse({ cursor: "a\u0000" })).cursor).toBe("cursor.invalid");
    expect(pageQuery.parse({ cursor: "WyIyMDI2Il0" }).cursor).toBe("WyIyMDI2Il0");
  });
});
