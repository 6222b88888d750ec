import { describe, expect, it } from "vitest";
import {
  DEFAULT_INVOICE_TYPE,
  INVOICE_TYPES,
  TITLE_FIELDS,
  TITLE_TYPES,
  isInvoiceType,
  missingTitleFields,
  titleTypeAllowed,
  type TitleForInvoice,
} from "./invoice-type";

const complete: TitleForInvoice = {
  type: "ENTERPRISE",
  taxpayerId: "91350100M000100Y43",
  registeredAddress: "福州市鼓楼区某路 1 号",
  registeredPhone: "0591-12345678",
  bankName: "中国工商银行福州分行",
  bankAccount: "1402020109000012345",
};

const empty: TitleForInvoice = {
  type: "ENTERPRISE",
  taxpayerId: null,
  registeredAddress: null,
  registeredPhone: null,
  bankName: null,
  bankAccount: null,
};

describe("invoice types", () => {
  it("default to the paper VAT general invoice", () => {
    expect(DEFAULT_INVOICE_TYPE).toBe("PAPER_VAT_GENERAL");
    expect(INVOICE_TYPES).toContain(DEFAULT_INVOICE_TYPE);
  });

  it("are recognised by isInvoiceType", () => {
    for (const type of INVOICE_TYPES) expect(isInvoiceType(type)).toBe(true);
    expect(isInvoiceType("PAPER")).toBe(false);
    expect(isInvoiceType(null)).toBe(false);
  });
});

describe("missingTitleFields", () => {
  it("needs nothing beyond the taxpayer id for an enterprise on a general invoice", () => {
    expect(missingTitleFields(complete, "PAPER_VAT_GENERAL")).toEqual([]);
    expect(missingTitleFields({ ...empty, taxpayerId: "91350100M000100Y43" }, "PAPER_VAT_GENERAL")).toEqual(
      [],
    );
    expect(
      missingTitleFields({ ...empty, taxpayerId: "91350100M000100Y43" }, "ELECTRONIC_VAT_GENERAL"),
    ).toEqual([]);
  });

  it("always needs an enterprise's taxpayer id", () => {
    expect(missingTitleFields(empty, "PAPER_VAT_GENERAL")).toEqual(["taxpayerId"]);
    expect(missingTitleFields(empty, "ELECTRONIC_VAT_GENERAL")).toEqual(["taxpayerId"]);
  });

  it("needs nothing from individuals and organisations on a general invoice", () => {
    expect(missingTitleFields({ ...empty, type: "INDIVIDUAL" }, "PAPER_VAT_GENERAL")).toEqual([]);
    expect(missingTitleFields({ ...empty, type: "ORGANIZATION" }, "ELECTRONIC_VAT_GENERAL")).toEqual([]);
  });

  it("needs all five fields for a VAT special invoice, in a stable order", () => {
    expect(missingTitleFields(complete, "PAPER_VAT_SPECIAL")).toEqual([]);
    expect(missingTitleFields(empty, "PAPER_VAT_SPECIAL")).toEqual([...TITLE_FIELDS]);
    expect(missingTitleFields({ ...empty, type: "ORGANIZATION" }, "PAPER_VAT_SPECIAL")).toEqual([
      "taxpayerId",
      "registeredAddress",
      "registeredPhone",
      "bankName",
      "bankAccount",
    ]);
    expect(missingTitleFields({ ...complete, bankAccount: null }, "PAPER_VAT_SPECIAL")).toEqual([
      "bankAccount",
    ]);
  });

  it("treats empty and whitespace-only strings as missing", () => {
    expect(missingTitleFields({ ...complete, taxpayerId: "" }, "PAPER_VAT_GENERAL")).toEqual(["taxpayerId"]);
    expect(
      missingTitleFields({ ...complete, registeredPhone: "", bankName: "  " }, "PAPER_VAT_SPECIAL"),
    ).toEqual(["registeredPhone", "bankName"]);
  });

  it("reports exactly the empty fields among the required ones for every title type and invoice type", () => {
    for (const type of TITLE_TYPES) {
      for (const invoiceType of INVOICE_TYPES) {
        for (let mask = 0; mask < 1 << TITLE_FIELDS.length; mask++) {
          const title: TitleForInvoice = { ...complete, type };
          const blanked = TITLE_FIELDS.filter((_, i) => (mask >> i) & 1);
          for (const field of blanked) title[field] = mask % 2 === 0 ? null : "";
          const required = invoiceType.endsWith("_VAT_SPECIAL")
            ? TITLE_FIELDS
            : type === "ENTERPRISE"
              ? ["taxpayerId"]
              : [];
          expect(missingTitleFields(title, invoiceType)).toEqual(blanked.filter((f) => required.includes(f)));
        }
      }
    }
  });
});

describe("titleTypeAllowed", () => {
  it("refuses a VAT special invoice to an individual and allows everything else", () => {
    for (const titleType of TITLE_TYPES) {
      for (const invoiceType of INVOICE_TYPES) {
        expect(titleTypeAllowed(titleType, invoiceType)).toBe(
          !(titleType === "INDIVIDUAL" && invoiceType.endsWith("_VAT_SPECIAL")),
        );
      }
    }
    expect(titleTypeAllowed("INDIVIDUAL", "PAPER_VAT_SPECIAL")).toBe(false);
    expect(titleTypeAllowed("INDIVIDUAL", "PAPER_VAT_GENERAL")).toBe(true);
    expect(titleTypeAllowed("ORGANIZATION", "PAPER_VAT_SPECIAL")).toBe(true);
  });
});

describe("数电专票 (SPEC §12)", () => {
  it("has the title rules of the paper special invoice", () => {
    expect(missingTitleFields({ ...empty, type: "ORGANIZATION" }, "ELECTRONIC_VAT_SPECIAL")).toEqual([
      ...TITLE_FIELDS,
    ]);
    expect(titleTypeAllowed("INDIVIDUAL", "ELECTRONIC_VAT_SPECIAL")).toBe(false);
    expect(titleTypeAllowed("INDIVIDUAL", "ELECTRONIC_VAT_GENERAL")).toBe(true);
  });
});
