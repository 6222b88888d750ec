import type { InvoiceRequest } from "@mic/contracts";
import { availableActions, isInvoiceStatus, kindOf } from "@mic/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { Alert, Button, Space } from "tdesign-react";
import { isOverdue } from "@/components/due-date";
import { CsvLink } from "@/components/csv-link";
import { FilterBar } from "@/components/filter-bar";
import { PagedTable } from "@/components/paged-table";
import { Page, Panel } from "@/components/page";
import {
  amountColumn,
  createdAtColumn,
  dueDateColumn,
  invoiceTypeColumn,
  requestNumberColumn,
  titleNameColumn,
} from "@/components/request-columns";
import { EmptyBlock } from "@/components/query-state";
import { InvoiceStatusFilter } from "@/components/request-filters";
import { SearchFilter, useSearchDraft } from "@/components/search-filter";
import { StatusTag } from "@/components/status-tag";
import { withQuery } from "@/lib/api-client";
import { useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { rowsOf } from "@/lib/keyset-query";
import { useLinkedRequest } from "@/lib/use-linked-request";
import { invoiceRequestQueryOptions } from "@/api/get-invoice-request";
import { useProviderQueue } from "../api/get-provider-queue";
import { IssueDialog } from "./issue-dialog";
import { RejectDialog } from "./reject-dialog";
import { RequestDrawer } from "./request-drawer";
import { ShippingPayerTag } from "./shipping-payer-tag";
import { ShipDialog } from "./ship-dialog";
import { useStartProcessingAction } from "./use-start-processing-action";

/** 开票工作台: the provider's requests, earliest due date first so overdue ones lead. */
export function ProviderQueuePage() {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  // The filter lives in the URL; an unknown value falls back to the to-do list.
  const rawStatus = params.get("status") ?? "";
  const status = isInvoiceStatus(rawStatus) ? rawStatus : "";
  const q = params.get("q")?.trim() ?? "";
  const [draft, setDraft] = useSearchDraft(q);
  const queue = useProviderQueue(status, q);
  const askStart = useStartProcessingAction();
  const [shipping, setShipping] = useState<InvoiceRequest | null>(null);
  const [issuing, setIssuing] = useState<InvoiceRequest | null>(null);
  const [rejecting, setRejecting] = useState<InvoiceRequest | null>(null);
  const [viewing, setViewing] = useState<InvoiceRequest | null>(null);
  // A notification links here with ?request=<id>: that request's drawer opens.
  const linked = useLinkedRequest();
  const linkedRequest = useQuery({
    ...invoiceRequestQueryOptions(linked.id ?? ""),
    enabled: linked.id !== null,
  });

  const setParam = (key: "status" | "q", value: string) => {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set(key, value.trim());
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const setStatus = (value: string) => setParam("status", value);
  const reset = () => {
    const next = new URLSearchParams(params);
    next.delete("status");
    next.delete("q");
    setParams(next, { replace: true });
  };

  const rows = rowsOf(queue.data);
  const overdueCount = rows.filter(isOverdue).length;
  const provider = me?.providerName ?? "";

  return (
    <Page
      title={t("provider.title")}
      description={t("provider.desc", { provider })}
      actions={
        <CsvLink href={withQuery("/api/invoice-requests/export.csv", { status, q })}>
          {t("provider.export")}
        </CsvLink>
      }
    >
      {overdueCount > 0 ? (
        <div role="status" className="mic-gap">
          <Alert theme="error" message={t("provider.overdueNotice", { count: overdueCount })} />
        </div>
      ) : null}
      <Panel>
        <FilterBar
          onReset={reset}
          onSubmit={() => setParam("q", draft)}
          actions={
            <Button variant="outline" loading={queue.isRefetching} onClick={() => void queue.refetch()}>
              {t("provider.refresh")}
            </Button>
          }
        >
          <SearchFilter draft={draft} setDraft={setDraft} />
          <InvoiceStatusFilter
            label={t("provider.filterStatus")}
            allLabel={t("provider.filterTodo")}
            value={status}
            width={220}
            onChange={setStatus}
          />
        </FilterBar>
        <PagedTable<InvoiceRequest>
          query={queue}
          empty={<EmptyBlock>{status || q ? t("provider.emptyFiltered") : t("provider.empty")}</EmptyBlock>}
          label={t("provider.tableLabel")}
          columns={[
            dueDateColumn(t("provider.dueDate")),
            requestNumberColumn<InvoiceRequest>("number", t("provider.requestId"), (row) => ({
              number: row.number,
              onOpen: () => setViewing(row),
            })),
            { colKey: "tenantName", title: t("provider.tenant") },
            amountColumn(t("provider.amount")),
            invoiceTypeColumn(t("provider.invoiceType"), t),
            titleNameColumn(t("provider.titleName")),
            {
              colKey: "shippingPayer",
              title: t("provider.shippingPayer"),
              cell: ({ row }) => <ShippingPayerTag request={row} />,
            },
            {
              colKey: "status",
              title: t("provider.status"),
              cell: ({ row }) => (
                <>
                  <StatusTag status={row.status} />
                  {row.returnRequest?.status === "OPEN" ? (
                    <span className="mic-reason">{t("provider.returnWaiting")}</span>
                  ) : null}
                </>
              ),
            },
            createdAtColumn(t("provider.createdAt"), lang),
            {
              colKey: "actions",
              title: t("common.actions"),
              fixed: "right",
              cell: ({ row }) => {
                const actions = me ? availableActions(row.status, me.role, kindOf(row.invoiceType)) : [];
                return (
                  <Space size={4}>
                    <Button variant="text" theme="primary" size="small" onClick={() => setViewing(row)}>
                      {t("provider.detail")}
                    </Button>
                    {actions.includes("START_PROCESSING") ? (
                      <Button variant="text" theme="primary" size="small" onClick={() => askStart(row)}>
                        {t("provider.start")}
                      </Button>
                    ) : null}
                    {actions.includes("SHIP") ? (
                      <Button variant="text" theme="primary" size="small" onClick={() => setShipping(row)}>
                        {t("provider.ship")}
                      </Button>
                    ) : null}
                    {actions.includes("ISSUE") ? (
                      <Button variant="text" theme="primary" size="small" onClick={() => setIssuing(row)}>
                        {t("provider.issue")}
                      </Button>
                    ) : null}
                    {actions.includes("REJECT") ? (
                      <Button variant="text" theme="danger" size="small" onClick={() => setRejecting(row)}>
                        {t("provider.reject")}
                      </Button>
                    ) : null}
                  </Space>
                );
              },
            },
          ]}
        />
      </Panel>
      <ShipDialog request={shipping} onClose={() => setShipping(null)} />
      <IssueDialog request={issuing} onClose={() => setIssuing(null)} />
      <RejectDialog request={rejecting} onClose={() => setRejecting(null)} />
      <RequestDrawer
        request={viewing ?? (linked.id ? (linkedRequest.data ?? null) : null)}
        onClose={() => {
          setViewing(null);
          linked.close();
        }}
      />
    </Page>
  );
}
