import type { WithdrawalInput, withdrawalListQuery } from "@mic/contracts";
import { formatAmount, parseAmount } from "@mic/domain";
import type { Db, Provider, Withdrawal } from "@mic/db";
import type { z } from "zod";
import { audit, type Actor } from "../lib/audit";
import { AppError } from "../lib/errors";
import { newestPage } from "../lib/pagination";
import type { Tx } from "../lib/tx";
import { addWithdrawal, readBalance, withdrawalConflict } from "./balances";

function withdrawalJson(w: Withdrawal & { provider: Provider }) {
  return {
    id: w.id,
    providerId: w.providerId,
    providerName: w.provider.name,
    amount: formatAmount(w.amountFen),
    createdAt: w.createdAt.toISOString(),
  };
}

/**
 * 提现: takes refunded money out of one provider's balance. The condition and the increment are
 * one UPDATE under the row lock, so concurrent withdrawals queue and together never exceed the
 * refunded balance (the CHECK constraint Balance_withdrawal_within_refunds backs it up); nothing
 * can be withdrawn while the tenant is over-invoiced there (SPEC §3).
 */
export async function withdraw(tx: Tx, actor: Actor, tenantId: string, input: WithdrawalInput) {
  const amountFen = parseAmount(input.amount)!;
  const provider = await tx.provider.findUnique({ where: { id: input.providerId } });
  if (!provider) throw new AppError("NOT_FOUND", "notFound", { fields: { providerId: "notFound" } });

  const key = { tenantId, providerId: provider.id };
  if (!(await addWithdrawal(tx, key, amountFen))) throw withdrawalConflict(await readBalance(tx, key));

  const row = await tx.withdrawal.create({
    data: { tenantId, providerId: provider.id, amountFen, createdById: actor.id },
    include: { provider: true },
  });
  await audit(tx, {
    actor,
    tenantId,
    action: "WITHDRAW",
    entityType: "Withdrawal",
    entityId: row.id,
    after: { providerId: provider.id, amount: formatAmount(amountFen) },
  });
  return withdrawalJson(row);
}

export async function listWithdrawals(db: Db, tenantId: string, q: z.infer<typeof withdrawalListQuery>) {
  const { rows: kept, nextCursor } = await newestPage(
    q,
    { tenantId, ...(q.providerId ? { providerId: q.providerId } : {}) },
    (window) => db.withdrawal.findMany({ ...window, include: { provider: true } }),
  );
  return { items: kept.map(withdrawalJson), nextCursor };
}
