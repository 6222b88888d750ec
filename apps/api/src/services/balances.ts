import { computeInvoiceable, formatAmount, withdrawableFen, type BalanceBucket } from "@mic/domain";
import type { InvoiceableAmount } from "@mic/contracts";
import type { Balance, Db, Provider } from "@mic/db";
import type { Tx } from "../lib/tx";

export function amountsJson(b: Balance & { provider: Provider }): InvoiceableAmount {
  const f = computeInvoiceable(b);
  return {
    providerId: b.providerId,
    providerName: b.provider.name,
    consumed: formatAmount(b.consumedFen),
    refunded: formatAmount(b.refundedFen),
    pending: formatAmount(b.pendingFen),
    processing: formatAmount(b.processingFen),
    mailing: formatAmount(b.mailingFen),
    issued: formatAmount(b.issuedFen),
    invoiced: formatAmount(f.invoicedFen),
    invoiceable: formatAmount(f.invoiceableFen),
    overInvoiced: formatAmount(f.overInvoicedFen),
    withdrawn: formatAmount(b.withdrawnFen),
    withdrawable: formatAmount(withdrawableFen(b)),
    invoiceTypes: b.provider.invoiceTypes,
    contactPhone: b.provider.contactPhone,
    contactEmail: b.provider.contactEmail,
  };
}

/** One row per provider the tenant has consumed at, from the running Balance rows. */
export async function invoiceableAmounts(db: Db, tenantId: string): Promise<InvoiceableAmount[]> {
  const rows = await db.balance.findMany({
    where: { tenantId },
    include: { provider: true },
    orderBy: { provider: { name: "asc" } },
  });
  return rows.map(amountsJson);
}

const COLUMN: Record<BalanceBucket, string> = {
  pendingFen: '"pendingFen"',
  processingFen: '"processingFen"',
  mailingFen: '"mailingFen"',
  issuedFen: '"issuedFen"',
};

/**
 * Moves an amount between invoiced buckets of one (tenant, provider) balance: `from` null adds,
 * `to` null gives back. One UPDATE, so concurrent moves never lose each other's writes.
 */
export async function moveBalance(
  tx: Tx,
  key: { tenantId: string; providerId: string },
  amountFen: bigint,
  from: BalanceBucket | null,
  to: BalanceBucket | null,
): Promise<void> {
  const sets = [
    ...(from ? [`${COLUMN[from]} = ${COLUMN[from]} - $3`] : []),
    ...(to ? [`${COLUMN[to]} = ${COLUMN[to]} + $3`] : []),
  ];
  if (sets.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "Balance" SET ${sets.join(", ")}, "updatedAt" = now() WHERE "tenantId" = $1::uuid AND "providerId" = $2::uuid`,
    key.tenantId,
    key.providerId,
    amountFen,
  );
}

/**
 * Reserves `amountFen` as pending only if it fits in what is invoiceable now. The condition and
 * the increment are one statement under the row lock: concurrent applications queue on the row
 * and each sees the others' committed reservations, so together they never exceed the balance.
 */
export async function reservePending(
  tx: Tx,
  tenantId: string,
  providerId: string,
  amountFen: bigint,
): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE "Balance"
       SET "pendingFen" = "pendingFen" + ${amountFen}, "updatedAt" = now()
     WHERE "tenantId" = ${tenantId}::uuid AND "providerId" = ${providerId}::uuid
       AND "consumedFen" - "refundedFen" - "pendingFen" - "processingFen" - "mailingFen" - "issuedFen" >= ${amountFen}`;
  return updated === 1;
}
