import type { InvoiceableAmount } from "@mic/contracts";
import { parseAmount } from "@mic/domain";
import { useNavigate } from "react-router";
import { Alert, Button, Tooltip } from "tdesign-react";
import { useInvoiceableAmounts } from "@/api/get-invoiceable-amounts";
import { paths } from "@/app/paths";
import { DataTable } from "@/components/data-table";
import { Money, formatMoney } from "@/components/money";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, QueryState } from "@/components/query-state";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { FormulaTooltip } from "./formula-tooltip";

const positive = (v: string) => (parseAmount(v) ?? 0n) > 0n;

export function MarketplacePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const amounts = useInvoiceableAmounts();

  const blockedReason = (row: InvoiceableAmount): string | null => {
    if (positive(row.overInvoiced)) return t("market.reasonOver", { amount: formatMoney(row.overInvoiced) });
    if (!positive(row.invoiceable)) return t("market.reasonNothing");
    return null;
  };

  const money = (key: keyof InvoiceableAmount, title: string) => ({
    colKey: key,
    title,
    align: "right" as const,
    width: 110,
    cell: ({ row }: { row: InvoiceableAmount }) => <Money value={row[key] as string} />,
  });

  return (
    <Page title={t("market.title")} description={t("market.desc")}>
      <Alert theme="info" className="mic-gap" message={t("market.notes")} />
      <Panel>
        <QueryState query={amounts} empty={<EmptyBlock>{t("market.empty")}</EmptyBlock>}>
          {() => (
            <DataTable<InvoiceableAmount>
              label={t("market.tableLabel")}
              rowKey="providerId"
              data={amounts.data}
              columns={[
                {
                  colKey: "providerName",
                  title: t("market.provider"),
                  width: 180,
                  cell: ({ row }) => (
                    <div>
                      <div>{row.providerName}</div>
                      <div className="mic-muted mic-small">
                        {t("market.contact", { phone: row.contactPhone, email: row.contactEmail })}
                      </div>
                    </div>
                  ),
                },
                money("consumed", t("market.consumed")),
                money("refunded", t("market.refunded")),
                money("pending", t("market.pending")),
                money("processing", t("market.processing")),
                money("mailing", t("market.mailing")),
                money("issued", t("market.issued")),
                {
                  colKey: "invoiceable",
                  title: t("market.invoiceable"),
                  align: "right",
                  width: 130,
                  cell: ({ row }) => <FormulaTooltip row={row} />,
                },
                {
                  colKey: "overInvoiced",
                  title: t("market.overInvoiced"),
                  align: "right",
                  width: 120,
                  cell: ({ row }) =>
                    positive(row.overInvoiced) ? (
                      <span className="mic-danger">
                        <Money value={row.overInvoiced} />
                      </span>
                    ) : (
                      <Money value={row.overInvoiced} />
                    ),
                },
                {
                  colKey: "actions",
                  title: t("common.actions"),
                  width: 200,
                  cell: ({ row }) => {
                    const reason = blockedReason(row);
                    if (!reason) {
                      return (
                        <Button
                          theme="primary"
                          variant="text"
                          onClick={() => navigate(paths.apply(row.providerId))}
                        >
                          {t("market.apply")}
                        </Button>
                      );
                    }
                    return (
                      <div>
                        <Tooltip content={reason}>
                          {/* A disabled button gets no hover events; the wrapper shows the reason. */}
                          <span tabIndex={-1} style={{ display: "inline-block" }}>
                            <Button tag="button" theme="primary" variant="text" disabled>
                              {t("market.apply")}
                            </Button>
                          </span>
                        </Tooltip>
                        <span className="mic-reason">{reason}</span>
                      </div>
                    );
                  },
                },
              ]}
            />
          )}
        </QueryState>
      </Panel>
    </Page>
  );
}
