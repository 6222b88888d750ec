import { invoiceFilters, type InvoiceRequest } from "@mic/contracts";
import { INVOICE_STATUSES, availableActions } from "@mic/domain";
import { Link, useLocation, useSearchParams } from "react-router";
import { DownloadIcon } from "tdesign-icons-react";
import { Alert, Button, DatePicker, Form, Select, Space } from "tdesign-react";
import { useProviders } from "@/api/get-providers";
import { paths } from "@/app/paths";
import { DataTable } from "@/components/data-table";
import { DueDate } from "@/components/due-date";
import { LoadMore } from "@/components/load-more";
import { Field } from "@/components/field";
import { Money } from "@/components/money";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, ErrorBlock, LoadingBlock } from "@/components/query-state";
import { StatusTag } from "@/components/status-tag";
import { useMe } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { selectValue } from "@/lib/select-value";
import { zodFieldErrors } from "@/lib/zod-form";
import { exportCsvUrl, useInvoiceRequests, type InvoiceRequestFilters } from "../api/get-invoice-requests";
import { useCancelRequestAction } from "./use-cancel-request-action";

const FILTER_KEYS = ["status", "providerId", "from", "to"] as const;

export function RecordsPage() {
  const { t, lang } = useI18n();
  const location = useLocation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const providers = useProviders();
  const askCancel = useCancelRequestAction();

  // Filters live in the URL: shareable, kept on "back", and the CSV link uses the same ones.
  const filters: InvoiceRequestFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const check = invoiceFilters.safeParse(filters);
  const filterErrors = check.success ? {} : zodFieldErrors(check.error, { ...filters });
  const records = useInvoiceRequests(filters, check.success);
  const createdId = (location.state as { createdId?: string } | null)?.createdId;

  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const rows = records.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title={t("records.title")}
      description={t("records.desc")}
      actions={
        <a
          className="t-button t-button--variant-outline t-button--theme-default"
          href={exportCsvUrl(filters)}
          download
        >
          <DownloadIcon aria-hidden="true" />
          <span className="t-button__text">{t("records.export")}</span>
        </a>
      }
    >
      {createdId ? (
        <div role="status" className="mic-gap">
          <Alert
            theme="success"
            message={t("records.newCreated", { id: createdId })}
            operation={<Link to={paths.record(createdId)}>{t("common.detail")}</Link>}
          />
        </div>
      ) : null}
      <Panel>
        <Form layout="inline" labelAlign="top" className="mic-toolbar" colon={false}>
          <Field label={t("records.filterStatus")} error={filterErrors.status}>
            <Select
              value={filters.status ?? ""}
              onChange={(v) => setFilter("status", selectValue(v))}
              options={[
                { value: "", label: t("records.allStatuses") },
                ...INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
              ]}
              style={{ width: 160 }}
            />
          </Field>
          <Field label={t("records.filterProvider")} error={filterErrors.providerId}>
            <Select
              value={filters.providerId ?? ""}
              loading={providers.isPending}
              onChange={(v) => setFilter("providerId", selectValue(v))}
              options={[
                { value: "", label: t("records.allProviders") },
                ...(providers.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              style={{ width: 200 }}
            />
          </Field>
          <Field label={t("records.startDate")} error={filterErrors.from}>
            <DatePicker
              value={filters.from ?? ""}
              valueType="YYYY-MM-DD"
              clearable
              onChange={(v) => setFilter("from", v ? String(v) : undefined)}
              style={{ width: 160 }}
            />
          </Field>
          <Field label={t("records.endDate")} error={filterErrors.to}>
            <DatePicker
              value={filters.to ?? ""}
              valueType="YYYY-MM-DD"
              clearable
              onChange={(v) => setFilter("to", v ? String(v) : undefined)}
              style={{ width: 160 }}
            />
          </Field>
          <Button variant="outline" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t("common.reset")}
          </Button>
        </Form>
        {!check.success ? null : records.isPending ? (
          <LoadingBlock />
        ) : records.isError ? (
          <ErrorBlock error={records.error} onRetry={() => void records.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyBlock>{t("records.empty")}</EmptyBlock>
        ) : (
          <>
            <DataTable<InvoiceRequest>
              label={t("records.tableLabel")}
              rowKey="id"
              data={rows}
              tableLayout="auto"
              rowClassName={({ row }) => (row.id === createdId ? "mic-row-highlight" : "")}
              columns={[
                {
                  colKey: "createdAt",
                  title: t("records.createdAt"),
                  cell: ({ row }) => formatDateTime(row.createdAt, lang),
                },
                {
                  colKey: "id",
                  title: t("records.id"),
                  cell: ({ row }) => (
                    <Link to={paths.record(row.id)} title={row.id} className="mic-nowrap">
                      {`…${row.id.slice(-8)}`}
                    </Link>
                  ),
                },
                { colKey: "providerName", title: t("market.provider") },
                {
                  colKey: "amount",
                  title: t("records.amount"),
                  align: "right",
                  cell: ({ row }) => <Money value={row.amount} />,
                },
                {
                  colKey: "invoiceType",
                  title: t("apply.invoiceType"),
                  cell: ({ row }) => t(`invoiceType.${row.invoiceType}`),
                },
                { colKey: "title", title: t("records.titleName"), cell: ({ row }) => row.title.name },
                {
                  colKey: "status",
                  title: t("records.status"),
                  cell: ({ row }) => <StatusTag status={row.status} />,
                },
                {
                  colKey: "dueDate",
                  title: t("records.dueDate"),
                  cell: ({ row }) => <DueDate request={row} overdueLabel={t("records.overdue")} />,
                },
                {
                  colKey: "actions",
                  title: t("common.actions"),
                  fixed: "right",
                  cell: ({ row }) => (
                    <Space size={4}>
                      <Link to={paths.record(row.id)} className="mic-inline-link">
                        {t("common.detail")}
                      </Link>
                      {me && availableActions(row.status, me.role).includes("CANCEL") ? (
                        <Button variant="text" theme="danger" onClick={() => askCancel(row)}>
                          {t("records.cancel")}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
            <LoadMore query={records} />
          </>
        )}
      </Panel>
    </Page>
  );
}
