import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkApplication,
  checkWithdrawal,
  computeInvoiceable,
  invoicedFen,
  withdrawableFen,
  type BalanceFigures,
} from "./invoiceable";

const balance = (overrides: Partial<BalanceFigures> = {}): BalanceFigures => ({
  consumedFen: 0n,
  refundedFen: 0n,
  pendingFen: 0n,
  processingFen: 0n,
  mailingFen: 0n,
  issuedFen: 0n,
  ...overrides,
});

const fenArb = fc.bigInt({ min: 0n, max: 10n ** 13n });
const balanceArb: fc.Arbitrary<BalanceFigures> = fc.record({
  consumedFen: fenArb,
  refundedFen: fenArb,
  pendingFen: fenArb,
  processingFen: fenArb,
  mailingFen: fenArb,
  issuedFen: fenArb,
  withdrawnFen: fenArb,
});

describe("computeInvoiceable", () => {
  it("subtracts refunds and open requests from consumption", () => {
    const figures = computeInvoiceable(
      balance({
        consumedFen: 100000n,
        refundedFen: 10000n,
        pendingFen: 20000n,
        processingFen: 5000n,
        mailingFen: 1000n,
      }),
    );
    expect(figures).toEqual({
      invoicedFen: 26000n,
      netFen: 90000n,
      invoiceableFen: 64000n,
      overInvoicedFen: 0n,
    });
  });

  it("reports over-invoicing when a refund pushes net below invoiced", () => {
    const figures = computeInvoiceable(
      balance({ consumedFen: 10000n, refundedFen: 4000n, mailingFen: 8000n }),
    );
    expect(figures).toEqual({
      invoicedFen: 8000n,
      netFen: 6000n,
      invoiceableFen: 0n,
      overInvoicedFen: 2000n,
    });
  });

  it("is zero both ways when fully invoiced", () => {
    const figures = computeInvoiceable(balance({ consumedFen: 5000n, pendingFen: 5000n }));
    expect(figures.invoiceableFen).toBe(0n);
    expect(figures.overInvoicedFen).toBe(0n);
  });

  it("keeps invoiceable + invoiced − overInvoiced == net, with non-negative parts", () => {
    fc.assert(
      fc.property(balanceArb, (b) => {
        const f = computeInvoiceable(b);
        expect(f.netFen).toBe(b.consumedFen - b.refundedFen);
        expect(f.invoicedFen).toBe(b.pendingFen + b.processingFen + b.mailingFen + b.issuedFen);
        expect(f.invoiceableFen + f.invoicedFen - f.overInvoicedFen).toBe(f.netFen);
        expect(f.invoiceableFen >= 0n).toBe(true);
        expect(f.overInvoicedFen >= 0n).toBe(true);
        expect(f.invoiceableFen === 0n || f.overInvoicedFen === 0n).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("withdrawableFen", () => {
  it("is the refunded balance not yet withdrawn", () => {
    expect(withdrawableFen(balance({ consumedFen: 10000n, refundedFen: 3000n, withdrawnFen: 1000n }))).toBe(
      2000n,
    );
    expect(withdrawableFen(balance({ consumedFen: 10000n, refundedFen: 3000n }))).toBe(3000n);
  });

  it("is zero while over-invoiced", () => {
    expect(withdrawableFen(balance({ consumedFen: 10000n, refundedFen: 3000n, mailingFen: 9000n }))).toBe(0n);
  });

  it("is never negative and is zero whenever over-invoiced", () => {
    fc.assert(
      fc.property(balanceArb, (b) => {
        const w = withdrawableFen(b);
        expect(w >= 0n).toBe(true);
        if (computeInvoiceable(b).overInvoicedFen > 0n) expect(w).toBe(0n);
        else
          expect(w).toBe(
            b.refundedFen > (b.withdrawnFen ?? 0n) ? b.refundedFen - (b.withdrawnFen ?? 0n) : 0n,
          );
      }),
    );
  });
});

describe("checkApplication", () => {
  const open = balance({ consumedFen: 100000n, pendingFen: 30000n });

  it("accepts anything from one fen up to the invoiceable amount", () => {
    expect(checkApplication(1n, open)).toEqual({ ok: true });
    expect(checkApplication(70000n, open)).toEqual({ ok: true });
  });

  it("refuses zero and negatives", () => {
    expect(checkApplication(0n, open)).toEqual({ ok: false, reason: "NOT_POSITIVE" });
    expect(checkApplication(-1n, open)).toEqual({ ok: false, reason: "NOT_POSITIVE" });
  });

  it("refuses one fen over the invoiceable amount", () => {
    expect(checkApplication(70001n, open)).toEqual({ ok: false, reason: "OVER_INVOICEABLE" });
  });

  it("refuses any application while over-invoiced", () => {
    const over = balance({ consumedFen: 10000n, refundedFen: 5000n, mailingFen: 6000n });
    expect(checkApplication(1n, over)).toEqual({ ok: false, reason: "OVER_INVOICED" });
  });

  it("accepts exactly the amounts 0 < amount ≤ invoiceable", () => {
    fc.assert(
      fc.property(balanceArb, fc.bigInt({ min: -10n, max: 10n ** 13n }), (b, amount) => {
        const { invoiceableFen } = computeInvoiceable(b);
        expect(checkApplication(amount, b).ok).toBe(amount > 0n && amount <= invoiceableFen);
      }),
    );
  });

  type Event =
    | { kind: "apply"; amount: bigint }
    | { kind: "refund"; amount: bigint }
    | { kind: "advance"; pick: number }
    | { kind: "close"; pick: number };

  const eventArb: fc.Arbitrary<Event> = fc.oneof(
    fc.record({ kind: fc.constant("apply" as const), amount: fc.bigInt({ min: -100n, max: 200_000n }) }),
    fc.record({ kind: fc.constant("refund" as const), amount: fc.bigInt({ min: 1n, max: 50_000n }) }),
    fc.record({ kind: fc.constant("advance" as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant("close" as const), pick: fc.nat() }),
  );

  it("never lets accepted applications push invoiced above net, whatever happens in between", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 500_000n }),
        fc.array(eventArb, { maxLength: 60 }),
        (consumed, events) => {
          // Each open request sits in one bucket; refunds may over-invoice, but applications never may.
          let refunded = 0n;
          const open: Array<{ amount: bigint; stage: 0 | 1 | 2 }> = [];
          const figures = (): BalanceFigures => ({
            consumedFen: consumed,
            refundedFen: refunded,
            pendingFen: open.filter((r) => r.stage === 0).reduce((s, r) => s + r.amount, 0n),
            processingFen: open.filter((r) => r.stage === 1).reduce((s, r) => s + r.amount, 0n),
            mailingFen: open.filter((r) => r.stage === 2).reduce((s, r) => s + r.amount, 0n),
            issuedFen: 0n,
          });
          for (const event of events) {
            if (event.kind === "apply") {
              const before = figures();
              if (checkApplication(event.amount, before).ok) {
                open.push({ amount: event.amount, stage: 0 });
                const after = computeInvoiceable(figures());
                expect(after.invoicedFen <= after.netFen).toBe(true);
                expect(after.invoicedFen).toBe(invoicedFen(before) + event.amount);
              }
            } else if (event.kind === "refund") {
              if (refunded + event.amount <= consumed) refunded += event.amount;
            } else if (open.length > 0) {
              const index = event.pick % open.length;
              const request = open[index];
              if (request === undefined) continue;
              if (event.kind === "advance" && request.stage < 2) request.stage = (request.stage + 1) as 1 | 2;
              else if (event.kind === "close") open.splice(index, 1);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("checkWithdrawal", () => {
  const refundedBalance = balance({
    consumedFen: 10000n,
    refundedFen: 3000n,
    withdrawnFen: 1000n,
    pendingFen: 2000n,
  });

  it("accepts up to the withdrawable balance", () => {
    expect(checkWithdrawal(1n, refundedBalance)).toEqual({ ok: true });
    expect(checkWithdrawal(2000n, refundedBalance)).toEqual({ ok: true });
  });

  it("refuses zero and negatives", () => {
    expect(checkWithdrawal(0n, refundedBalance)).toEqual({ ok: false, reason: "NOT_POSITIVE" });
    expect(checkWithdrawal(-5n, refundedBalance)).toEqual({ ok: false, reason: "NOT_POSITIVE" });
  });

  it("refuses more than withdrawable", () => {
    expect(checkWithdrawal(2001n, refundedBalance)).toEqual({ ok: false, reason: "OVER_WITHDRAWABLE" });
  });

  it("is blocked while over-invoiced, and unblocked once enough is voided", () => {
    const over = balance({ consumedFen: 10000n, refundedFen: 3000n, mailingFen: 9000n });
    expect(checkWithdrawal(1n, over)).toEqual({ ok: false, reason: "OVER_INVOICED" });
    expect(checkWithdrawal(1n, { ...over, mailingFen: 7000n })).toEqual({ ok: true });
  });

  it("accepts exactly 0 < amount ≤ withdrawable when not over-invoiced", () => {
    fc.assert(
      fc.property(balanceArb, fc.bigInt({ min: -10n, max: 10n ** 13n }), (b, amount) => {
        const result = checkWithdrawal(amount, b);
        expect(result.ok).toBe(amount > 0n && amount <= withdrawableFen(b));
        if (amount > 0n && computeInvoiceable(b).overInvoicedFen > 0n) {
          expect(result).toEqual({ ok: false, reason: "OVER_INVOICED" });
        }
      }),
    );
  });
});
