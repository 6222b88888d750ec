import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INVOICE_TYPES } from "./invoice-type";
import {
  INVOICE_ACTIONS,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  RETURN_ACTIONS,
  RETURN_REQUEST_STATUSES,
  RETURN_TABLE,
  ROLES,
  TRANSITION_TABLE,
  TransitionError,
  assertTransition,
  availableActions,
  availableReturnActions,
  bucketOf,
  canOpenReturn,
  checkReturnAction,
  checkTransition,
  invoiceTypesOf,
  isInvoiceStatus,
  isReturnActive,
  isTerminal,
  kindOf,
  progressOf,
  progressPath,
  type InvoiceAction,
  type InvoiceKind,
  type InvoiceStatus,
  type ReturnAction,
  type ReturnRequestStatus,
  type Role,
} from "./status-machine";

// Written out independently of TRANSITION_TABLE so that editing the table fails these tests.
const P: InvoiceKind = "PAPER";
const E: InvoiceKind = "ELECTRONIC";
const EXPECTED: ReadonlyArray<[InvoiceStatus, InvoiceAction, InvoiceStatus, Role, InvoiceKind[]]> = [
  ["PENDING", "CANCEL", "CANCELLED", "ENTERPRISE_ADMIN", [P, E]],
  ["PENDING", "START_PROCESSING", "PROCESSING", "PROVIDER_STAFF", [P, E]],
  ["PENDING", "REJECT", "REJECTED", "PROVIDER_STAFF", [P, E]],
  ["PROCESSING", "SHIP", "MAILING", "PROVIDER_STAFF", [P]],
  ["PROCESSING", "ISSUE", "ISSUED", "PROVIDER_STAFF", [E]],
  ["PROCESSING", "REJECT", "REJECTED", "PROVIDER_STAFF", [P, E]],
  ["PROCESSING", "RETURN_CANCEL", "CANCELLED", "PROVIDER_STAFF", [P, E]],
  ["MAILING", "VOID", "VOIDED", "SUPPORT", [P]],
  ["ISSUED", "RED_LETTER_VOID", "VOIDED", "ENTERPRISE_ADMIN", [E]],
];

const expectedRow = (from: InvoiceStatus, action: InvoiceAction, kind: InvoiceKind) =>
  EXPECTED.find(([f, a, , , kinds]) => f === from && a === action && kinds.includes(kind));

const statusArb = fc.constantFrom(...INVOICE_STATUSES);
const actionArb = fc.constantFrom(...INVOICE_ACTIONS);
const roleArb = fc.constantFrom(...ROLES);
const kindArb = fc.constantFrom(...INVOICE_KINDS);

describe("transition table", () => {
  it("holds exactly the transitions of SPEC §4, §12 and §13", () => {
    const rows = TRANSITION_TABLE.map((r) => [r.from, r.action, r.to, r.role, [...r.kinds]]);
    expect(rows).toEqual(EXPECTED);
  });

  it("is frozen so no caller can patch a transition in", () => {
    expect(Object.isFrozen(TRANSITION_TABLE)).toBe(true);
    for (const r of TRANSITION_TABLE) expect(Object.isFrozen(r)).toBe(true);
  });

  it("gives each invoice type its kind", () => {
    expect(INVOICE_TYPES.map(kindOf)).toEqual(["PAPER", "PAPER", "ELECTRONIC", "ELECTRONIC"]);
    expect(invoiceTypesOf("ELECTRONIC")).toEqual(["ELECTRONIC_VAT_GENERAL", "ELECTRONIC_VAT_SPECIAL"]);
  });
});

describe("checkTransition: every state × action × role × kind", () => {
  it("agrees with the written-out table, STATE before ROLE", () => {
    let allowed = 0;
    for (const from of INVOICE_STATUSES)
      for (const action of INVOICE_ACTIONS)
        for (const role of ROLES)
          for (const kind of INVOICE_KINDS) {
            const row = expectedRow(from, action, kind);
            const got = checkTransition(from, action, role, kind);
            if (!row) expect(got).toEqual({ ok: false, reason: "STATE" });
            else if (row[3] !== role) expect(got).toEqual({ ok: false, reason: "ROLE" });
            else {
              expect(got).toEqual({ ok: true, to: row[2] });
              allowed += 1;
            }
          }
    // One per (rule, kind).
    expect(allowed).toBe(EXPECTED.reduce((n, r) => n + r[4].length, 0));
  });

  it("never ships an e-invoice nor issues a paper one", () => {
    expect(checkTransition("PROCESSING", "SHIP", "PROVIDER_STAFF", "ELECTRONIC")).toEqual({
      ok: false,
      reason: "STATE",
    });
    expect(checkTransition("PROCESSING", "ISSUE", "PROVIDER_STAFF", "PAPER")).toEqual({
      ok: false,
      reason: "STATE",
    });
  });

  it("assertTransition throws a TransitionError naming the state", () => {
    expect(() => assertTransition("MAILING", "CANCEL", "ENTERPRISE_ADMIN", "PAPER")).toThrow(TransitionError);
    expect(() => assertTransition("MAILING", "CANCEL", "ENTERPRISE_ADMIN", "PAPER")).toThrow(/MAILING/);
    expect(assertTransition("ISSUED", "RED_LETTER_VOID", "ENTERPRISE_ADMIN", "ELECTRONIC")).toBe("VOIDED");
  });

  it("terminal states allow nothing, for anyone, of either kind", () => {
    fc.assert(
      fc.property(statusArb, actionArb, roleArb, kindArb, (status, action, role, kind) => {
        if (isTerminal(status)) expect(checkTransition(status, action, role, kind).ok).toBe(false);
      }),
    );
  });

  it("every allowed transition moves the amount between buckets or gives it back", () => {
    fc.assert(
      fc.property(statusArb, actionArb, roleArb, kindArb, (status, action, role, kind) => {
        const check = checkTransition(status, action, role, kind);
        if (!check.ok) return;
        expect(bucketOf(status)).not.toBeNull();
        expect(check.to).not.toBe(status);
        if (isTerminal(check.to)) expect(bucketOf(check.to)).toBeNull();
      }),
    );
  });
});

describe("availableActions", () => {
  it("shows the buttons each role has, never the return-request side effects", () => {
    expect(availableActions("PENDING", "PROVIDER_STAFF", "PAPER")).toEqual(["START_PROCESSING", "REJECT"]);
    expect(availableActions("PROCESSING", "PROVIDER_STAFF", "PAPER")).toEqual(["SHIP", "REJECT"]);
    expect(availableActions("PROCESSING", "PROVIDER_STAFF", "ELECTRONIC")).toEqual(["ISSUE", "REJECT"]);
    expect(availableActions("PENDING", "ENTERPRISE_ADMIN", "ELECTRONIC")).toEqual(["CANCEL"]);
    expect(availableActions("ISSUED", "ENTERPRISE_ADMIN", "ELECTRONIC")).toEqual([]);
    expect(availableActions("MAILING", "SUPPORT", "PAPER")).toEqual(["VOID"]);
  });
});

describe("statuses and buckets", () => {
  it("CANCELLED, REJECTED and VOIDED are final", () => {
    expect(INVOICE_STATUSES.filter(isTerminal)).toEqual(["VOIDED", "CANCELLED", "REJECTED"]);
  });

  it("invoiced = pending + processing + mailing + issued", () => {
    expect(INVOICE_STATUSES.map(bucketOf)).toEqual([
      "pendingFen",
      "processingFen",
      "mailingFen",
      "issuedFen",
      null,
      null,
      null,
    ]);
  });

  it("recognises statuses", () => {
    expect(isInvoiceStatus("ISSUED")).toBe(true);
    expect(isInvoiceStatus("issued")).toBe(false);
    expect(isInvoiceStatus(undefined)).toBe(false);
  });
});

describe("progress", () => {
  it("paper is mailed, electronic is issued", () => {
    expect(progressPath("PAPER")).toEqual(["PENDING", "PROCESSING", "MAILING"]);
    expect(progressPath("ELECTRONIC")).toEqual(["PENDING", "PROCESSING", "ISSUED"]);
  });

  it("a PROCESSING paper invoice is not marked as shipped", () => {
    expect(progressOf("PROCESSING", "PAPER")).toEqual(["done", "current", "waiting"]);
  });

  it("a request that left the path keeps what it reached", () => {
    expect(progressOf("CANCELLED", "PAPER")).toEqual(["done", "waiting", "waiting"]);
    expect(progressOf("REJECTED", "ELECTRONIC", "PROCESSING")).toEqual(["done", "done", "waiting"]);
    expect(progressOf("VOIDED", "ELECTRONIC", "ISSUED")).toEqual(["done", "done", "done"]);
  });
});

// Written out independently of RETURN_TABLE.
const RETURN_EXPECTED: ReadonlyArray<
  [ReturnRequestStatus, ReturnAction, InvoiceStatus, ReturnRequestStatus, Role | null, InvoiceAction | null]
> = [
  ["OPEN", "DECLINE", "PROCESSING", "DECLINED", "PROVIDER_STAFF", null],
  ["OPEN", "DECLINE", "MAILING", "DECLINED", "PROVIDER_STAFF", null],
  ["OPEN", "DECLINE", "ISSUED", "DECLINED", "PROVIDER_STAFF", null],
  ["OPEN", "APPROVE", "PROCESSING", "APPROVED", "PROVIDER_STAFF", "RETURN_CANCEL"],
  ["OPEN", "APPROVE", "MAILING", "APPROVED", "PROVIDER_STAFF", null],
  ["OPEN", "APPROVE", "ISSUED", "AWAITING_BUYER", "PROVIDER_STAFF", null],
  ["AWAITING_BUYER", "CONFIRM", "ISSUED", "CONFIRMED", "ENTERPRISE_ADMIN", "RED_LETTER_VOID"],
  ["AWAITING_BUYER", "EXPIRE", "ISSUED", "EXPIRED", null, null],
];

describe("return requests", () => {
  it("holds exactly the decisions of SPEC §13", () => {
    expect(
      RETURN_TABLE.map((r) => [r.from, r.action, r.requestStatus, r.to, r.role, r.requestAction]),
    ).toEqual(RETURN_EXPECTED);
  });

  it("every request action a decision takes is a transition of the request table", () => {
    for (const r of RETURN_TABLE) {
      if (!r.requestAction) continue;
      const kinds = INVOICE_KINDS.filter(
        (k) => checkTransition(r.requestStatus, r.requestAction!, r.role!, k).ok,
      );
      expect(kinds.length).toBeGreaterThan(0);
    }
  });

  it("agrees with the written-out table for every status × action × request state × role", () => {
    const actors: (Role | null)[] = [...ROLES, null];
    for (const from of RETURN_REQUEST_STATUSES)
      for (const action of RETURN_ACTIONS)
        for (const requestStatus of INVOICE_STATUSES)
          for (const role of actors) {
            const row = RETURN_EXPECTED.find(
              ([f, a, s]) => f === from && a === action && s === requestStatus,
            );
            const got = checkReturnAction(from, action, requestStatus, role);
            if (!row) expect(got).toEqual({ ok: false, reason: "STATE" });
            else if (row[4] !== role) expect(got).toEqual({ ok: false, reason: "ROLE" });
            else expect(got.ok && got.rule.to).toBe(row[3]);
          }
  });

  it("only the tenant's admin opens one, on PROCESSING, MAILING or ISSUED", () => {
    for (const status of INVOICE_STATUSES)
      for (const role of ROLES)
        expect(canOpenReturn(status, role)).toBe(
          role === "ENTERPRISE_ADMIN" && ["PROCESSING", "MAILING", "ISSUED"].includes(status),
        );
  });

  it("OPEN and AWAITING_BUYER are the active ones", () => {
    expect(RETURN_REQUEST_STATUSES.filter(isReturnActive)).toEqual(["OPEN", "AWAITING_BUYER"]);
  });

  it("offers each role its own buttons; the expiry is nobody's button", () => {
    expect(availableReturnActions("OPEN", "ISSUED", "PROVIDER_STAFF")).toEqual(["APPROVE", "DECLINE"]);
    expect(availableReturnActions("AWAITING_BUYER", "ISSUED", "ENTERPRISE_ADMIN")).toEqual(["CONFIRM"]);
    expect(availableReturnActions("AWAITING_BUYER", "ISSUED", "SUPPORT")).toEqual([]);
  });
});
