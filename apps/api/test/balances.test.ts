/**
 * The SQL of services/balances.ts against the @mic/domain formulas it mirrors: for random bucket
 * figures, the conditional UPDATEs accept exactly what the domain's checks accept.
 */
import { checkWithdrawal, type BalanceFigures } from "@mic/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../src/lib/tx";
import { addRefund, addWithdrawal, moveBalance, readBalance } from "../src/services/balances";
import { useHarness, type Ids } from "./harness";

const h = useHarness();
let ids: Ids;
beforeAll(async () => {
  ids = await h.ids();
});

const fen = fc.bigInt({ min: 0n, max: 5_000n });
const figures = fc
  .record({
    consumedFen: fen,
    refundedFen: fen,
    pendingFen: fen,
    processingFen: fen,
    mailingFen: fen,
    issuedFen: fen,
    withdrawnFen: fen,
  })
  // The table's own CHECKs: refunds within consumption, withdrawals within refunds.
  .filter((b) => b.refundedFen <= b.consumedFen && b.withdrawnFen <= b.refundedFen);

/** Runs `fn` on a Balance row set to `b`, and rolls everything back. */
async function withBalance<T>(
  b: Required<BalanceFigures>,
  fn: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>,
) {
  const key = { tenantId: ids.acme, providerId: ids.cloudsoft };
  let result: T | undefined;
  await inTransaction(h.prisma, async (tx) => {
    await tx.balance.update({ where: { tenantId_providerId: key }, data: b });
    result = await fn(tx);
    throw new Rollback();
  }).catch((error: unknown) => {
    if (!(error instanceof Rollback)) throw error;
  });
  return result!;
}
class Rollback extends Error {}

describe("balance arithmetic (services/balances.ts) = the domain's", () => {
  it("accepts a withdrawal exactly when checkWithdrawal does", async () => {
    await fc.assert(
      fc.asyncProperty(figures, fc.bigInt({ min: 1n, max: 6_000n }), async (b, amount) => {
        const key = { tenantId: ids.acme, providerId: ids.cloudsoft };
        const accepted = await withBalance(b, (tx) => addWithdrawal(tx, key, amount));
        expect(accepted).toBe(checkWithdrawal(amount, b).ok);
      }),
      { numRuns: 40 },
    );
  });

  it("accepts a refund exactly while refunds stay within consumption", async () => {
    await fc.assert(
      fc.asyncProperty(figures, fc.bigInt({ min: 1n, max: 6_000n }), async (b, amount) => {
        const key = { tenantId: ids.acme, providerId: ids.cloudsoft };
        const accepted = await withBalance(b, (tx) => addRefund(tx, key, amount));
        expect(accepted).toBe(b.refundedFen + amount <= b.consumedFen);
      }),
      { numRuns: 40 },
    );
  });

  it("moves an amount between buckets, adds it, and gives it back", async () => {
    const key = { tenantId: ids.acme, providerId: ids.cloudsoft };
    const b = {
      consumedFen: 900n,
      refundedFen: 0n,
      pendingFen: 100n,
      processingFen: 0n,
      mailingFen: 0n,
      issuedFen: 0n,
      withdrawnFen: 0n,
    };
    const after = await withBalance(b, async (tx) => {
      await moveBalance(tx, key, 40n, "pendingFen", "issuedFen");
      await moveBalance(tx, key, 5n, null, "processingFen");
      await moveBalance(tx, key, 60n, "pendingFen", null);
      return readBalance(tx, key);
    });
    expect(after).toMatchObject({ pendingFen: 0n, processingFen: 5n, issuedFen: 40n });
  });
});
