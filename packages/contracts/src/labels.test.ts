import {
  INVOICE_ACTIONS,
  INVOICE_STATUSES,
  INVOICE_TYPES,
  RETURN_ACTIONS,
  RETURN_REQUEST_STATUSES,
} from "@mic/domain";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditQuery } from "./audit";
import { COURIERS } from "./couriers";
import { SHIPPING_PAYERS } from "./invoices";
import { EXPORT_COLUMN_LABELS, t } from "./labels";
import { tMessage } from "./messages";
import { TICKET_STATUSES } from "./support";

describe("one label per enum value (labels.ts), read through t()", () => {
  const cases: [string, readonly string[]][] = [
    ["status", INVOICE_STATUSES],
    ["invoiceType", INVOICE_TYPES],
    ["shippingPayer", SHIPPING_PAYERS],
    ["courier", COURIERS],
    ["ticketStatus", TICKET_STATUSES],
    ["returnStatus", RETURN_REQUEST_STATUSES],
    ["action", [...INVOICE_ACTIONS, ...RETURN_ACTIONS]],
    ["export.column", Object.keys(EXPORT_COLUMN_LABELS)],
  ];
  for (const [prefix, values] of cases) {
    it(`labels every ${prefix} in Chinese and English`, () => {
      for (const value of values) {
        const key = `${prefix}.${value}`;
        expect(t(key, "zh-CN"), key).not.toBe(key);
        expect(t(key, "en"), key).not.toBe(key);
      }
    });
  }

  it("reads the same words the CSV and the errors use", () => {
    expect(t("status.PENDING")).toBe("待处理");
    expect(t("courier.SF")).toBe("顺丰速运");
    expect(t("export.column.amount")).toBe("金额（元）");
  });
});

describe("audit enums (audit.ts)", () => {
  it("holds every action of the domain's transition tables", () => {
    for (const action of [...INVOICE_ACTIONS, ...RETURN_ACTIONS]) expect(AUDIT_ACTIONS).toContain(action);
  });

  it("refuses an unknown entity type or action as a filter", () => {
    const result = auditQuery.safeParse({ entityType: "Nope", action: "EXPLODE" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["enum.invalid", "enum.invalid"]);
    expect(auditQuery.safeParse({ entityType: "InvoiceRequest", action: "APPLY" }).success).toBe(true);
  });
});

describe("the console's translator", () => {
  it("words validation messages without the label dictionaries", () => {
    expect(tMessage("tooLong:100", "en")).toBe("Must be at most 100 characters");
    expect(tMessage("status.PENDING")).toBe("status.PENDING");
    expect(t("status.PENDING")).toBe("待处理");
  });
});
