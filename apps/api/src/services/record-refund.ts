import type { RefundInput, refundListQuery } from "@mic/contracts";
import { formatAmount, parseAmount } from "@mic/domain";
import type { Db, LedgerEntry, Provider, Tenant } from "@mic/db";
import type { z } from "zod";
import { audit, type Actor } from "../lib/audit";
import { AppError } from "../lib/errors";
import { newestPage } from "../lib/pagination";
import { isUniqueViolation, type Tx } from "../lib/tx";
import { addRefund, readBalance } from "./balances";

type LedgerRow = LedgerEntry & { tenant: Tenant; provider: Provider };
const ledgerInclude = { tenant: true, provider: true } as const;

function ledgerEntryJson(e: LedgerRow) {
  return {
    id: e.id,
    tenantId: e.tenantId,
    tenantName: e.tenant.name,
    providerId: e.providerId,
    providerName: e.provider.name,
    kind: e.kind,
    amount: formatAmount(e.amountFen),
    reference: e.reference,
    occurredAt: e.occurredAt.toISOString(),
  };
}

const missing = (field: string) => new AppError("NOT_FOUND", "notFound", { fields: { [field]: "notFound" } });

/** The CHECK constraint Balance_refund_within_consumption, should a refund ever slip past the conditional UPDATE. */
function isRefundCheckViolation(error: unknown): boolean {
  return /Balance_refund_within_consumption/.test(String((error as { message?: string })?.message ?? ""));
}

/**
 * Records a refund (退款) as a new REFUND ledger row, never an edit, and raises the balance's
 * refunded total in the same transaction. The UPDATE only applies while refunds stay within
 * consumption; the table's CHECK constraint backs that up.
 */
export async function recordRefund(tx: Tx, actor: Actor, input: RefundInput) {
  const amountFen = parseAmount(input.amount)!;
  const [tenant, provider] = await Promise.all([
    tx.tenant.findUnique({ where: { id: input.tenantId } }),
    tx.provider.findUnique({ where: { id: input.providerId } }),
  ]);
  if (!tenant) throw missing("tenantId");
  if (!provider) throw missing("providerId");

  let entry: LedgerRow;
  try {
    entry = await tx.ledgerEntry.create({
      data: {
        tenantId: tenant.id,
        providerId: provider.id,
        kind: "REFUND",
        amountFen,
        reference: input.reference,
      },
      include: ledgerInclude,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "refund.duplicate");
    throw error;
  }

  const key = { tenantId: tenant.id, providerId: provider.id };
  const seen = await readBalance(tx, key);
  const overConsumed = (b: typeof seen) =>
    new AppError("CONFLICT", "refund.overConsumed", {
      args: [formatAmount(b ? b.consumedFen - b.refundedFen : 0n)],
    });
  let added: boolean;
  try {
    added = await addRefund(tx, key, amountFen);
  } catch (error) {
    // The transaction is aborted now, so the message uses the figures read just before.
    if (isRefundCheckViolation(error)) throw overConsumed(seen);
    throw error;
  }
  if (!added) throw overConsumed(await readBalance(tx, key));

  await audit(tx, {
    actor,
    tenantId: tenant.id,
    action: "REFUND",
    entityType: "LedgerEntry",
    entityId: entry.id,
    after: { providerId: provider.id, amount: formatAmount(amountFen), reference: input.reference },
  });
  return ledgerEntryJson(entry);
}

export async function listRefunds(db: Db, q: z.infer<typeof refundListQuery>) {
  const { rows: kept, nextCursor } = await newestPage(
    q,
    {
      kind: "REFUND" as const,
      ...(q.tenantId ? { tenantId: q.tenantId } : {}),
      ...(q.providerId ? { providerId: q.providerId } : {}),
    },
    (window) => db.ledgerEntry.findMany({ ...window, include: ledgerInclude }),
  );
  return { items: kept.map(ledgerEntryJson), nextCursor };
}
