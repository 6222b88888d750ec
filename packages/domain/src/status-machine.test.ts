import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  INVOICE_ACTIONS,
  INVOICE_STATUSES,
  ROLES,
  TRANSITIONS,
  TransitionError,
  assertTransition,
  availableActions,
  bucketOf,
  checkTransition,
  isInvoiceStatus,
  isTerminal,
  type InvoiceAction,
  type InvoiceStatus,
  type Role,
} from "./status-machine";

// Written out independently of TRANSITIONS so that editing the table fails these tests.
const EXPECTED: ReadonlyArray<[InvoiceStatus, InvoiceAction, InvoiceStatus, Role]> = [
  ["PENDING", "CANCEL", "CANCELLED", "ENTERPRISE_ADMIN"],
  ["PENDING", "START_PROCESSING", "PROCESSING", "PROVIDER_STAFF"],
  ["PROCESSING", "SHIP", "MAILING", "PROVIDER_STAFF"],
  ["MAILING", "VOID", "VOIDED", "SUPPORT"],
];

const expectedRow = (from: InvoiceStatus, action: InvoiceAction) =>
  EXPECTED.find(([f, a]) => f === from && a === action);

const statusArb = fc.constantFrom(...INVOICE_STATUSES);
const actionArb = fc.constantFrom(...INVOICE_ACTIONS);
const roleArb = fc.constantFrom(...ROLES);

describe("transition table", () => {
  it("holds exactly the four transitions of SPEC §4", () => {
    const rows = INVOICE_STATUSES.flatMap((from) =>
      Object.entries(TRANSITIONS[from]).map(([action, rule]) => [from, action, rule?.to, rule?.role]),
    );
    expect(rows).toEqual(EXPECTED);
  });

  it("is frozen so no caller can patch a transition in", () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
    for (const from of INVOICE_STATUSES) expect(Object.isFrozen(TRANSITIONS[from])).toBe(true);
  });
});

describe("checkTransition", () => {
  it("lets each role take its own transition", () => {
    expect(checkTransition("PENDING", "CANCEL", "ENTERPRISE_ADMIN")).toEqual({ ok: true, to: "CANCELLED" });
    expect(checkTransition("PENDING", "START_PROCESSING", "PROVIDER_STAFF")).toEqual({
      ok: true,
      to: "PROCESSING",
    });
    expect(checkTransition("PROCESSING", "SHIP", "PROVIDER_STAFF")).toEqual({ ok: true, to: "MAILING" });
    expect(checkTransition("MAILING", "VOID", "SUPPORT")).toEqual({ ok: true, to: "VOIDED" });
  });

  it("refuses a cancel after processing started with STATE (409), not ROLE", () => {
    expect(checkTransition("PROCESSING", "CANCEL", "ENTERPRISE_ADMIN")).toEqual({
      ok: false,
      reason: "STATE",
    });
    expect(checkTransition("MAILING", "CANCEL", "ENTERPRISE_ADMIN")).toEqual({ ok: false, reason: "STATE" });
  });

  it("refuses the wrong role on an existing transition with ROLE (403)", () => {
    expect(checkTransition("PENDING", "CANCEL", "PROVIDER_STAFF")).toEqual({ ok: false, reason: "ROLE" });
    expect(checkTransition("PENDING", "CANCEL", "SUPPORT")).toEqual({ ok: false, reason: "ROLE" });
    expect(checkTransition("MAILING", "VOID", "ENTERPRISE_ADMIN")).toEqual({ ok: false, reason: "ROLE" });
    expect(checkTransition("PROCESSING", "SHIP", "SUPPORT")).toEqual({ ok: false, reason: "ROLE" });
  });

  it("refuses every (status, action, role) outside the table and allows every one inside", () => {
    fc.assert(
      fc.property(statusArb, actionArb, roleArb, (from, action, role) => {
        const row = expectedRow(from, action);
        const result = checkTransition(from, action, role);
        if (row === undefined) expect(result).toEqual({ ok: false, reason: "STATE" });
        else if (row[3] !== role) expect(result).toEqual({ ok: false, reason: "ROLE" });
        else expect(result).toEqual({ ok: true, to: row[2] });
      }),
      { numRuns: 500 },
    );
  });
});

describe("assertTransition", () => {
  it("returns the next status", () => {
    expect(assertTransition("PENDING", "START_PROCESSING", "PROVIDER_STAFF")).toBe("PROCESSING");
  });

  it("throws a TransitionError naming the current state", () => {
    const error = (() => {
      try {
        assertTransition("CANCELLED", "CANCEL", "ENTERPRISE_ADMIN");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TransitionError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      reason: "STATE",
      from: "CANCELLED",
      action: "CANCEL",
      name: "TransitionError",
    });
    expect((error as TransitionError).message).toContain("CANCELLED");
  });

  it("throws ROLE for the wrong role", () => {
    expect(() => assertTransition("MAILING", "VOID", "PROVIDER_STAFF")).toThrow(
      expect.objectContaining({ reason: "ROLE", from: "MAILING", action: "VOID", role: "PROVIDER_STAFF" }),
    );
  });

  it("agrees with checkTransition everywhere", () => {
    fc.assert(
      fc.property(statusArb, actionArb, roleArb, (from, action, role) => {
        const check = checkTransition(from, action, role);
        if (check.ok) expect(assertTransition(from, action, role)).toBe(check.to);
        else
          expect(() => assertTransition(from, action, role)).toThrow(
            expect.objectContaining({ reason: check.reason }),
          );
      }),
    );
  });
});

describe("availableActions", () => {
  it("shows each role only its own buttons", () => {
    expect(availableActions("PENDING", "ENTERPRISE_ADMIN")).toEqual(["CANCEL"]);
    expect(availableActions("PENDING", "PROVIDER_STAFF")).toEqual(["START_PROCESSING"]);
    expect(availableActions("PENDING", "SUPPORT")).toEqual([]);
    expect(availableActions("PROCESSING", "PROVIDER_STAFF")).toEqual(["SHIP"]);
    expect(availableActions("PROCESSING", "ENTERPRISE_ADMIN")).toEqual([]);
    expect(availableActions("MAILING", "SUPPORT")).toEqual(["VOID"]);
    expect(availableActions("MAILING", "ENTERPRISE_ADMIN")).toEqual([]);
  });

  it("agrees with checkTransition for every combination", () => {
    for (const status of INVOICE_STATUSES) {
      for (const role of ROLES) {
        const shown = availableActions(status, role);
        for (const action of INVOICE_ACTIONS) {
          expect(shown.includes(action)).toBe(checkTransition(status, action, role).ok);
        }
      }
    }
  });
});

describe("terminal states", () => {
  it("are VOIDED and CANCELLED", () => {
    expect(INVOICE_STATUSES.filter(isTerminal)).toEqual(["VOIDED", "CANCELLED"]);
  });

  it("have no outgoing transitions for any action or role, and non-terminal states have some", () => {
    fc.assert(
      fc.property(statusArb, actionArb, roleArb, (status, action, role) => {
        if (isTerminal(status)) {
          expect(Object.keys(TRANSITIONS[status])).toEqual([]);
          expect(checkTransition(status, action, role)).toEqual({ ok: false, reason: "STATE" });
          expect(availableActions(status, role)).toEqual([]);
        } else {
          expect(Object.keys(TRANSITIONS[status]).length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("are reached from PENDING by every walk through the graph, and every state is reachable", () => {
    const seen = new Set<InvoiceStatus>(["PENDING"]);
    const queue: InvoiceStatus[] = ["PENDING"];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const rule of Object.values(TRANSITIONS[s])) {
        if (rule !== undefined && !seen.has(rule.to)) {
          seen.add(rule.to);
          queue.push(rule.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...INVOICE_STATUSES].sort());
  });
});

describe("bucketOf", () => {
  it("maps open states to their balance bucket and closed states to none", () => {
    expect(bucketOf("PENDING")).toBe("pendingFen");
    expect(bucketOf("PROCESSING")).toBe("processingFen");
    expect(bucketOf("MAILING")).toBe("mailingFen");
    expect(bucketOf("VOIDED")).toBeNull();
    expect(bucketOf("CANCELLED")).toBeNull();
  });

  it("gives a bucket exactly to the non-terminal states", () => {
    for (const status of INVOICE_STATUSES) expect(bucketOf(status) === null).toBe(isTerminal(status));
  });
});

describe("isInvoiceStatus", () => {
  it("recognises only the listed statuses", () => {
    expect(isInvoiceStatus("MAILING")).toBe(true);
    expect(isInvoiceStatus("mailing")).toBe(false);
    expect(isInvoiceStatus("SHIPPED")).toBe(false);
    expect(isInvoiceStatus(3)).toBe(false);
  });
});
