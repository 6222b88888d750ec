/**
 * The balance arithmetic of SPEC §3, in one module: each SQL statement that reads or changes the
 * buckets of a (tenant, provider) Balance row sits next to the @mic/domain formula it mirrors
 * (packages/domain/src/invoiceable.ts), so a change to one is a change to the other, here.
 * The one other copy is mic_apply_invoice (prisma/migrations/…_einvoices_returns_numbers), which
 * reserves a new request's amount as pending only while NET_SQL − INVOICED_SQL covers it (domain
 * `computeInvoiceable().invoiceableFen`), in the database, so an application is one statement.
 */
import type { InvoiceableAmount } from "@mic/contracts";
import { Prisma, type Balance, type Db, type Provider } from "@mic/db";
import {
  computeInvoiceable,
  formatAmount,
  invoicedFen,
  withdrawableFen,
  type BalanceBucket,
  type BalanceFigures,
} from "@mic/domain";
import { AppError } from "../lib/errors";
import type { Tx } from "../lib/tx";

/** The invoiced buckets: an amount sits in the one of its request's status (domain `bucketOf`). */
const BUCKETS: readonly BalanceBucket[] = ["pendingFen", "processingFen", "mailingFen", "issuedFen"];
const column = (bucket: BalanceBucket) => Prisma.raw(`"${bucket}"`);

/** Domain `invoicedFen`: pending + processing + mailing + issued. */
const INVOICED_SQL = Prisma.raw(BUCKETS.map((b) => `"${b}"`).join(" + "));
/** Domain `computeInvoiceable().netFen`: consumed − refunded. */
const NET_SQL = Prisma.sql`("consumedFen" - "refundedFen")`;

const whereKey = (key: BalanceKey) =>
  Prisma.sql`"tenantId" = ${key.tenantId}::uuid AND "providerId" = ${key.providerId}::uuid`;

interface BalanceKey {
  tenantId: string;
  providerId: string;
}

/** The figures of a Balance row read as JSON text (bigints as strings). */
export function figuresOf(b: Record<keyof Omit<BalanceFigures, "withdrawnFen">, string>): BalanceFigures {
  return {
    consumedFen: BigInt(b.consumedFen),
    refundedFen: BigInt(b.refundedFen),
    pendingFen: BigInt(b.pendingFen),
    processingFen: BigInt(b.processingFen),
    mailingFen: BigInt(b.mailingFen),
    issuedFen: BigInt(b.issuedFen),
  };
}

/** `json_build_object` of the row aliased `b`, as `figuresOf` reads it. */
export const BALANCE_JSON_SQL = Prisma.raw(
  `json_build_object(${["consumedFen", "refundedFen", ...BUCKETS]
    .map((c) => `'${c}', b."${c}"::text`)
    .join(", ")})`,
);

/** The 409 of an application that does not fit: over-invoiced first, else over the invoiceable. */
export function applicationConflict(balance: BalanceFigures): AppError {
  const f = computeInvoiceable(balance);
  if (f.overInvoicedFen > 0n)
    return new AppError("CONFLICT", "amount.overInvoiced", { args: [formatAmount(f.overInvoicedFen)] });
  return new AppError("CONFLICT", "amount.overInvoiceable", { args: [formatAmount(f.invoiceableFen)] });
}

function amountsJson(b: Balance & { provider: Provider }): InvoiceableAmount {
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
    invoiced: formatAmount(invoicedFen(b)),
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

export async function readBalance(db: Db | Tx, key: BalanceKey) {
  return db.balance.findUnique({ where: { tenantId_providerId: key } });
}

/**
 * A state change moves the amount between invoiced buckets (domain `bucketOf` of the old and new
 * status): `from` null adds, `to` null gives back. One UPDATE, so concurrent moves never lose
 * each other's writes.
 */
export async function moveBalance(
  tx: Tx,
  key: BalanceKey,
  amountFen: bigint,
  from: BalanceBucket | null,
  to: BalanceBucket | null,
): Promise<void> {
  if (from === to) return;
  const sets = [
    ...(from ? [Prisma.sql`${column(from)} = ${column(from)} - ${amountFen}`] : []),
    ...(to ? [Prisma.sql`${column(to)} = ${column(to)} + ${amountFen}`] : []),
  ];
  await tx.$executeRaw`
    UPDATE "Balance" SET ${Prisma.join(sets)}, "updatedAt" = now() WHERE ${whereKey(key)}`;
}

/**
 * A refund raises `refundedFen` only while refunds stay within consumption (the CHECK constraint
 * Balance_refund_within_consumption backs it up). False when it would not fit.
 */
export async function addRefund(tx: Tx, key: BalanceKey, amountFen: bigint): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE "Balance" SET "refundedFen" = "refundedFen" + ${amountFen}, "updatedAt" = now()
     WHERE ${whereKey(key)} AND "refundedFen" + ${amountFen} <= "consumedFen"`;
  return updated === 1;
}

/** Domain `checkWithdrawal`, as the refused withdrawal's 409. */
export function withdrawalConflict(b: BalanceFigures | null): AppError {
  if (b && computeInvoiceable(b).overInvoicedFen > 0n) {
    return new AppError("CONFLICT", "withdrawal.overInvoiced", {
      args: [formatAmount(computeInvoiceable(b).overInvoicedFen)],
    });
  }
  return new AppError("CONFLICT", "withdrawal.overWithdrawable", {
    args: [formatAmount(b ? withdrawableFen(b) : 0n)],
  });
}

/**
 * Domain `withdrawableFen` as the condition of one UPDATE under the row lock: at most refunded −
 * withdrawn, and nothing while over-invoiced (invoiced > net). Concurrent withdrawals queue on the
 * row and together never exceed it (the CHECK constraint Balance_withdrawal_within_refunds backs
 * it up). False when it would not fit.
 */
export async function addWithdrawal(tx: Tx, key: BalanceKey, amountFen: bigint): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE "Balance" SET "withdrawnFen" = "withdrawnFen" + ${amountFen}, "updatedAt" = now()
     WHERE ${whereKey(key)}
       AND "refundedFen" - "withdrawnFen" >= ${amountFen}
       AND ${INVOICED_SQL} <= ${NET_SQL}`;
  return updated === 1;
}
