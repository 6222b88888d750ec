import { onTimeQuery, type OnTimeRates } from "@mic/contracts";
import { Button, DatePicker, Progress, Space } from "tdesign-react";
import { DataTable } from "@/components/data-table";
import { Field } from "@/components/field";
import { FilterBar } from "@/components/filter-bar";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, QueryState } from "@/components/query-state";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useUrlFilters } from "@/lib/use-url-filters";
import { useOnTimeRates } from "../api/get-on-time-rates";
import "./on-time.css";

type Row = OnTimeRates["items"][number];

const FILTER_KEYS = ["month"] as const;

/** `yyyy-mm` of the month `offset` months from the one `today` is in. */
export const monthOf = (today: Date, offset = 0) => {
  const d = new Date(today.getFullYear(), today.getMonth() + offset, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
};

/** The rate as a number for the bar; null (nothing due) shows "—". */
const rateValue = (rate: string | null) => (rate === null ? null : Number(rate));

/** 准时率: per provider, the requests due in a month and how many were shipped or issued by then. */
export function OnTimePage() {
  const { t } = useI18n();
  const thisMonth = monthOf(new Date());
  const { filters, errors, setFilter, reset } = useUrlFilters(FILTER_KEYS, onTimeQuery.partial());
  const month = filters.month ?? thisMonth;
  const valid = onTimeQuery.safeParse({ month }).success;
  const rates = useOnTimeRates(month, valid);

  const totals = (rows: Row[]) => {
    const due = rows.reduce((sum, r) => sum + r.due, 0);
    const onTime = rows.reduce((sum, r) => sum + r.onTime, 0);
    return { due, onTime, rate: due > 0 ? ((onTime / due) * 100).toFixed(1) : null };
  };

  return (
    <Page title={t("support.onTime.title")} description={t("support.onTime.desc")}>
      <Panel>
        <FilterBar onReset={reset}>
          <Field label={t("support.onTime.month")} error={errors.month}>
            <DatePicker
              mode="month"
              value={month}
              valueType="YYYY-MM"
              format="YYYY-MM"
              allowInput
              clearable={false}
              placeholder="YYYY-MM"
              onChange={(v) => setFilter("month", v ? String(v) : undefined)}
              style={{ width: 150 }}
            />
          </Field>
          <Space size={4} className="mic-date-presets" aria-label={t("filters.presets")}>
            <Button variant="text" theme="primary" size="small" onClick={() => setFilter("month", thisMonth)}>
              {t("filters.preset.thisMonth")}
            </Button>
            <Button
              variant="text"
              theme="primary"
              size="small"
              onClick={() => setFilter("month", monthOf(new Date(), -1))}
            >
              {t("filters.preset.lastMonth")}
            </Button>
          </Space>
        </FilterBar>
        <QueryState query={rates} disabled={!valid}>
          {(data) => {
            const all = totals(data.items);
            return data.items.length === 0 ? (
              <EmptyBlock>{t("support.onTime.empty", { month })}</EmptyBlock>
            ) : (
              <>
                <p className="mic-small" role="status">
                  {all.rate === null
                    ? t("support.onTime.summaryNone", { month: data.month })
                    : t("support.onTime.summary", {
                        month: data.month,
                        due: all.due,
                        onTime: all.onTime,
                        rate: all.rate,
                      })}
                </p>
                <DataTable<Row>
                  label={t("support.onTime.tableLabel", { month: data.month })}
                  rowKey="providerId"
                  data={data.items}
                  tableLayout="auto"
                  columns={[
                    { colKey: "providerName", title: t("support.provider") },
                    { colKey: "due", title: t("support.onTime.due"), align: "right" },
                    { colKey: "onTime", title: t("support.onTime.onTime"), align: "right" },
                    {
                      colKey: "late",
                      title: t("support.onTime.late"),
                      align: "right",
                      cell: ({ row }) =>
                        row.late > 0 ? <span className="mic-danger">{row.late}</span> : row.late,
                    },
                    {
                      colKey: "rate",
                      title: t("support.onTime.rate"),
                      width: 280,
                      ellipsis: false,
                      cell: ({ row }) => {
                        const value = rateValue(row.rate);
                        return value === null ? (
                          <span className="mic-muted">—</span>
                        ) : (
                          <div className="mic-on-time-rate">
                            <Progress
                              percentage={value}
                              label={false}
                              theme="line"
                              status={value >= 95 ? "success" : value >= 80 ? "warning" : "error"}
                              aria-hidden="true"
                            />
                            <span>{`${row.rate}%`}</span>
                          </div>
                        );
                      },
                    },
                  ]}
                />
              </>
            );
          }}
        </QueryState>
      </Panel>
    </Page>
  );
}
