import type { InvoiceableAmount } from "@mic/contracts";
import { computeInvoiceable, formatCny, parseAmount } from "@mic/domain";
import { DataTable } from "@/components/data-table";
import { useI18n } from "@/lib/i18n/i18n-provider";

const fen = (value: string) => parseAmount(value.trim()) ?? 0n;

interface FigureRow extends Record<string, unknown> {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/**
 * The tenant's figures at the provider now and as they will be after the refund (SPEC §3), so
 * support sees whether the refund leaves the tenant over-invoiced before recording it.
 */
export function RefundFigures({ figures, amount }: { figures: InvoiceableAmount; amount: string }) {
  const { t } = useI18n();
  const balance = {
    consumedFen: fen(figures.consumed),
    refundedFen: fen(figures.refunded),
    pendingFen: fen(figures.pending),
    processingFen: fen(figures.processing),
    mailingFen: fen(figures.mailing),
    issuedFen: fen(figures.issued),
  };
  const refund = parseAmount(amount.trim());
  const before = computeInvoiceable(balance);
  const after =
    refund && refund > 0n
      ? computeInvoiceable({ ...balance, refundedFen: balance.refundedFen + refund })
      : null;
  const row = (key: string, label: string, b: bigint, a: bigint | null): FigureRow => ({
    key,
    label,
    before: formatCny(b),
    after: a === null ? "—" : formatCny(a),
    changed: a !== null && a !== b,
  });
  const rows: FigureRow[] = [
    row("consumed", t("support.refunds.consumed"), balance.consumedFen, after ? balance.consumedFen : null),
    row(
      "refunded",
      t("support.refunds.refunded"),
      balance.refundedFen,
      after ? balance.refundedFen + (refund ?? 0n) : null,
    ),
    row("invoiced", t("support.refunds.invoiced"), before.invoicedFen, after?.invoicedFen ?? null),
    row(
      "invoiceable",
      t("support.refunds.invoiceable"),
      before.invoiceableFen,
      after?.invoiceableFen ?? null,
    ),
    row(
      "overInvoiced",
      t("support.refunds.overInvoiced"),
      before.overInvoicedFen,
      after?.overInvoicedFen ?? null,
    ),
  ];
  return (
    <DataTable<FigureRow>
      label={t("support.refunds.figuresLabel", { provider: figures.providerName })}
      rowKey="key"
      data={rows}
      size="small"
      columns={[
        { colKey: "label", title: t("support.refunds.figure") },
        { colKey: "before", title: t("support.refunds.before"), align: "right" },
        {
          colKey: "after",
          title: t("support.refunds.after"),
          align: "right",
          cell: ({ row: r }) =>
            r.key === "overInvoiced" && r.changed ? (
              <strong className="mic-danger">{r.after}</strong>
            ) : (
              r.after
            ),
        },
      ]}
    />
  );
}

/** The most that can still be refunded: what was consumed and not refunded yet. */
export function refundableFen(figures: InvoiceableAmount): bigint {
  const left = fen(figures.consumed) - fen(figures.refunded);
  return left > 0n ? left : 0n;
}

/**
 * The refund to preview, or "" while the typed amount is not a valid refund (bad format, zero, or
 * more than was consumed): a preview next to a field error would show figures that cannot happen.
 */
export function previewAmount(amount: string, figures: InvoiceableAmount, isValidAmount: boolean): string {
  if (!isValidAmount) return "";
  const refund = parseAmount(amount.trim());
  if (refund === null || refund <= 0n || refund > refundableFen(figures)) return "";
  return amount;
}
