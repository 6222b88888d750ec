import { invoiceFilters, type InvoiceRequest } from "@mic/contracts";
import { availableActions, kindOf } from "@mic/domain";
import { Link, useLocation } from "react-router";
import { Alert, Button, Space } from "tdesign-react";
import { paths } from "@/app/paths";
import { CsvLink } from "@/components/csv-link";
import { DateRangeFilter, FilterBar, FilteredEmpty } from "@/components/filter-bar";
import { PagedTable } from "@/components/paged-table";
import { Page, Panel } from "@/components/page";
import { InvoiceStatusFilter, ProviderFilter } from "@/components/request-filters";
import {
  amountColumn,
  createdAtColumn,
  dueDateColumn,
  invoiceTypeColumn,
  requestNumberColumn,
  statusColumn,
  titleNameColumn,
} from "@/components/request-columns";
import { SearchFilter, useSearchDraft } from "@/components/search-filter";
import { useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useUrlFilters } from "@/lib/use-url-filters";
import { exportCsvUrl, useInvoiceRequests } from "../api/get-invoice-requests";
import { useCancelRequestAction } from "./use-cancel-request-action";

const FILTER_KEYS = ["status", "providerId", "from", "to", "q"] as const;

export function RecordsPage() {
  const { t, lang } = useI18n();
  const location = useLocation();
  const { data: me } = useMe();
  const askCancel = useCancelRequestAction();
  const { filters, valid, errors, filtered, setFilter, setFilters, reset } = useUrlFilters(
    FILTER_KEYS,
    invoiceFilters,
  );
  const records = useInvoiceRequests(filters, valid);
  const [draft, setDraft] = useSearchDraft(filters.q);
  const created = location.state as { createdId?: string; createdNumber?: string } | null;
  const createdId = created?.createdId;

  return (
    <Page
      title={t("records.title")}
      description={t("records.desc")}
      actions={<CsvLink href={exportCsvUrl(filters)}>{t("records.export")}</CsvLink>}
    >
      {createdId ? (
        <div role="status" className="mic-gap">
          <Alert
            theme="success"
            message={t("records.newCreated", { id: created?.createdNumber ?? createdId })}
            operation={<Link to={paths.record(createdId)}>{t("common.detail")}</Link>}
          />
        </div>
      ) : null}
      <Panel>
        <FilterBar onReset={reset} onSubmit={() => setFilter("q", draft)}>
          <SearchFilter draft={draft} setDraft={setDraft} error={errors.q} />
          <InvoiceStatusFilter
            label={t("records.filterStatus")}
            allLabel={t("records.allStatuses")}
            value={filters.status}
            error={errors.status}
            width={160}
            onChange={(v) => setFilter("status", v)}
          />
          <ProviderFilter
            label={t("records.filterProvider")}
            allLabel={t("records.allProviders")}
            value={filters.providerId}
            error={errors.providerId}
            width={200}
            onChange={(v) => setFilter("providerId", v)}
          />
          <DateRangeFilter from={filters.from} to={filters.to} errors={errors} onChange={setFilters} />
        </FilterBar>
        <PagedTable<InvoiceRequest>
          query={records}
          disabled={!valid}
          empty={
            <FilteredEmpty filtered={filtered} onClear={reset}>
              {t("records.empty")}
            </FilteredEmpty>
          }
          label={t("records.tableLabel")}
          rowClassName={({ row }) => (row.id === createdId ? "mic-row-highlight" : "")}
          columns={[
            createdAtColumn(t("records.createdAt"), lang),
            requestNumberColumn<InvoiceRequest>("number", t("records.id"), (row) => ({
              number: row.number,
              to: paths.record(row.id),
            })),
            { colKey: "providerName", title: t("market.provider") },
            amountColumn(t("records.amount")),
            invoiceTypeColumn(t("apply.invoiceType"), t),
            titleNameColumn(t("records.titleName")),
            statusColumn(t("records.status")),
            dueDateColumn(t("records.dueDate")),
            {
              colKey: "actions",
              title: t("common.actions"),
              fixed: "right",
              cell: ({ row }) => (
                <Space size={4}>
                  <Link to={paths.record(row.id)} className="mic-inline-link">
                    {t("common.detail")}
                  </Link>
                  {me && availableActions(row.status, me.role, kindOf(row.invoiceType)).includes("CANCEL") ? (
                    <Button variant="text" theme="danger" onClick={() => askCancel(row)}>
                      {t("records.cancel")}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Panel>
    </Page>
  );
}
