/** Per tenant × provider, in fen. Every figure is a non-negative sum; refunds are not netted in. */
export interface BalanceFigures {
  consumedFen: bigint;
  refundedFen: bigint;
  pendingFen: bigint;
  processingFen: bigint;
  mailingFen: bigint;
  issuedFen: bigint;
  withdrawnFen?: bigint;
}

export interface InvoiceableFigures {
  invoicedFen: bigint;
  /** consumed − refunded */
  netFen: bigint;
  invoiceableFen: bigint;
  overInvoicedFen: bigint;
}

export function invoicedFen(b: BalanceFigures): bigint {
  return b.pendingFen + b.processingFen + b.mailingFen + b.issuedFen;
}

export function computeInvoiceable(b: BalanceFigures): InvoiceableFigures {
  const invoiced = invoicedFen(b);
  const net = b.consumedFen - b.refundedFen;
  return {
    invoicedFen: invoiced,
    netFen: net,
    invoiceableFen: net > invoiced ? net - invoiced : 0n,
    overInvoicedFen: invoiced > net ? invoiced - net : 0n,
  };
}

/** SPEC §3: refunded money stays locked while invoices cover more than was really consumed. */
export function withdrawableFen(b: BalanceFigures): bigint {
  if (computeInvoiceable(b).overInvoicedFen > 0n) return 0n;
  const left = b.refundedFen - (b.withdrawnFen ?? 0n);
  return left > 0n ? left : 0n;
}

export type ApplicationCheck =
  { ok: true } | { ok: false; reason: "NOT_POSITIVE" | "OVER_INVOICEABLE" | "OVER_INVOICED" };

// NOT_POSITIVE is a 400 (bad input); the other two are 409 conflicts with the current balance.
export function checkApplication(amountFen: bigint, b: BalanceFigures): ApplicationCheck {
  if (amountFen <= 0n) return { ok: false, reason: "NOT_POSITIVE" };
  const figures = computeInvoiceable(b);
  if (figures.overInvoicedFen > 0n) return { ok: false, reason: "OVER_INVOICED" };
  if (amountFen > figures.invoiceableFen) return { ok: false, reason: "OVER_INVOICEABLE" };
  return { ok: true };
}

export type WithdrawalCheck =
  { ok: true } | { ok: false; reason: "NOT_POSITIVE" | "OVER_INVOICED" | "OVER_WITHDRAWABLE" };

export function checkWithdrawal(amountFen: bigint, b: BalanceFigures): WithdrawalCheck {
  if (amountFen <= 0n) return { ok: false, reason: "NOT_POSITIVE" };
  if (computeInvoiceable(b).overInvoicedFen > 0n) return { ok: false, reason: "OVER_INVOICED" };
  if (amountFen > withdrawableFen(b)) return { ok: false, reason: "OVER_WITHDRAWABLE" };
  return { ok: true };
}
