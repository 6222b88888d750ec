import { describe, expect, it } from "vitest";
import { applyInvoiceInput, issueInput } from "./invoices";

const base = {
  providerId: "0190a000-0000-7000-8000-000000000001",
  amount: "1.00",
  titleId: "0190a000-0000-7000-8000-000000000002",
};
const issues = (body: unknown) =>
  Object.fromEntries(
    applyInvoiceInput.safeParse(body).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [],
  );

describe("applyInvoiceInput (SPEC §12)", () => {
  it("asks paper for an address and electronic for an e-mail, ignoring the other", () => {
    expect(issues({ ...base, invoiceType: "PAPER_VAT_GENERAL", email: "a@b.test" })).toEqual({
      addressId: "required",
    });
    expect(issues({ ...base, invoiceType: "PAPER_VAT_GENERAL", addressId: "x" })).toEqual({
      addressId: "id.invalid",
    });
    expect(issues({ ...base, invoiceType: "ELECTRONIC_VAT_GENERAL", addressId: base.titleId })).toEqual({
      email: "required",
    });
    expect(issues({ ...base, invoiceType: "ELECTRONIC_VAT_SPECIAL", email: "nope" })).toEqual({
      email: "email.invalid",
    });
    expect(
      issues({ ...base, invoiceType: "ELECTRONIC_VAT_GENERAL", email: "a@b.test", addressId: 42 }),
    ).toHaveProperty("addressId");
    const ok = applyInvoiceInput.parse({
      ...base,
      invoiceType: "ELECTRONIC_VAT_GENERAL",
      email: "a@b.test",
      addressId: null,
    });
    expect(ok.addressId).toBeUndefined();
  });

  it("never throws, whatever the fields hold", () => {
    const values: unknown[] = [
      undefined,
      null,
      0,
      2 ** 60,
      true,
      "",
      " ",
      "x",
      [],
      ["a"],
      {},
      { trim: 1 },
      "\u0000",
    ];
    for (const invoiceType of ["PAPER_VAT_GENERAL", "ELECTRONIC_VAT_GENERAL", "nope", 1])
      for (const addressId of values)
        for (const email of values)
          expect(() => applyInvoiceInput.safeParse({ ...base, invoiceType, addressId, email })).not.toThrow();
  });
});

describe("issueInput (SPEC §12)", () => {
  it("takes a 20-digit number, a date and at least one file", () => {
    const ok = { invoiceNumber: "26352000000000012345", issuedOn: "2026-12-01", fileIds: [base.titleId] };
    expect(issueInput.safeParse(ok).success).toBe(true);
    expect(issueInput.safeParse({ ...ok, invoiceNumber: "2635200000000001234" }).success).toBe(false);
    expect(issueInput.safeParse({ ...ok, fileIds: [] }).error?.issues[0]?.message).toBe("fileIds.required");
    expect(issueInput.safeParse({ ...ok, issuedOn: "2026-02-30" }).success).toBe(false);
  });
});
