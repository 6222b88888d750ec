import { invoiceFilters, type InvoiceRequest } from "@mic/contracts";
import { useState } from "react";
import { Button, Form, Select, Switch } from "tdesign-react";
import { CsvLink } from "@/components/csv-link";
import { Field } from "@/components/field";
import { DateRangeFilter, FilterBar, FilteredEmpty } from "@/components/filter-bar";
import { PagedTable } from "@/components/paged-table";
import { Page, Panel } from "@/components/page";
import { InvoiceStatusFilter, ProviderFilter } from "@/components/request-filters";
import {
  amountColumn,
  createdAtColumn,
  dueDateColumn,
  requestNumberColumn,
  statusColumn,
  titleNameColumn,
} from "@/components/request-columns";
import { SearchFilter, useSearchDraft } from "@/components/search-filter";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { nameOptions, selectValue } from "@/lib/select-value";
import { useLinkedRequest } from "@/lib/use-linked-request";
import { useUrlFilters } from "@/lib/use-url-filters";
import { supportExportCsvUrl, useSupportRecords } from "../api/get-support-records";
import { useTenants } from "../api/get-tenants";
import { RequestDrawer } from "./request-drawer";

const FILTER_KEYS = ["status", "tenantId", "providerId", "from", "to", "overdue", "q"] as const;

/** 开票记录 across all tenants, with the overdue flag support watches for. */
export function SupportRecordsPage() {
  const { t, lang } = useI18n();
  const tenants = useTenants();
  const [viewing, setViewing] = useState<string | null>(null);
  // A notification links here with ?request=<id>: that request's drawer opens.
  const linked = useLinkedRequest();
  const { filters, valid, errors, filtered, setFilter, setFilters, reset } = useUrlFilters(
    FILTER_KEYS,
    invoiceFilters,
  );
  const records = useSupportRecords(filters, valid);
  const [draft, setDraft] = useSearchDraft(filters.q);

  return (
    <Page
      title={t("support.records.title")}
      description={t("support.records.desc")}
      actions={<CsvLink href={supportExportCsvUrl(filters)}>{t("support.records.export")}</CsvLink>}
    >
      <Panel>
        <FilterBar onReset={reset} onSubmit={() => setFilter("q", draft)}>
          <SearchFilter draft={draft} setDraft={setDraft} error={errors.q} />
          <InvoiceStatusFilter
            label={t("support.records.filterStatus")}
            allLabel={t("support.records.allStatuses")}
            value={filters.status}
            error={errors.status}
            width={150}
            onChange={(v) => setFilter("status", v)}
          />
          <Field label={t("support.records.filterTenant")} error={errors.tenantId}>
            <Select
              value={filters.tenantId ?? ""}
              loading={tenants.isPending}
              filterable
              onChange={(v) => setFilter("tenantId", selectValue(v))}
              options={nameOptions(tenants.data, t("support.records.allTenants"))}
              style={{ width: 200 }}
            />
          </Field>
          <ProviderFilter
            label={t("support.records.filterProvider")}
            allLabel={t("support.records.allProviders")}
            value={filters.providerId}
            error={errors.providerId}
            width={180}
            onChange={(v) => setFilter("providerId", v)}
          />
          <DateRangeFilter from={filters.from} to={filters.to} errors={errors} onChange={setFilters} />
          <Form.FormItem label={t("support.records.overdueOnly")} for="support-records-overdue">
            <Switch
              // TDesign passes these through to its <button role="switch"> but does not type them.
              {...({ id: "support-records-overdue", "aria-checked": filters.overdue === "true" } as Record<
                string,
                unknown
              >)}
              value={filters.overdue === "true"}
              onChange={(v) => setFilter("overdue", v ? "true" : undefined)}
            />
          </Form.FormItem>
        </FilterBar>
        <PagedTable<InvoiceRequest>
          query={records}
          disabled={!valid}
          empty={
            <FilteredEmpty filtered={filtered} onClear={reset}>
              {t("support.records.empty")}
            </FilteredEmpty>
          }
          label={t("support.records.tableLabel")}
          columns={[
            createdAtColumn(t("support.createdAt"), lang),
            requestNumberColumn<InvoiceRequest>("number", t("support.request.id"), (row) => ({
              number: row.number,
              onOpen: () => setViewing(row.id),
            })),
            { colKey: "tenantName", title: t("support.tenant") },
            { colKey: "providerName", title: t("support.provider") },
            amountColumn(t("support.amount")),
            titleNameColumn(t("support.titleName")),
            statusColumn(t("support.requestStatus")),
            dueDateColumn(t("support.dueDate")),
            {
              colKey: "shippingPayer",
              title: t("support.shippingPayer"),
              cell: ({ row }) => (row.shippingPayer ? t(`shippingPayer.${row.shippingPayer}`) : "—"),
            },
            {
              colKey: "actions",
              title: t("common.actions"),
              fixed: "right",
              cell: ({ row }) => (
                <Button variant="text" theme="primary" size="small" onClick={() => setViewing(row.id)}>
                  {t("support.detail")}
                </Button>
              ),
            },
          ]}
        />
      </Panel>
      <RequestDrawer
        requestId={viewing ?? linked.id}
        onClose={() => {
          setViewing(null);
          linked.close();
        }}
      />
    </Page>
  );
}
