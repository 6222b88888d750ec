import { TICKET_STATUSES, type Ticket } from "@mic/contracts";
import { Link } from "react-router";
import { Select } from "tdesign-react";
import { z } from "zod";
import { paths } from "@/app/paths";
import { Field } from "@/components/field";
import { FilterBar, FilteredEmpty } from "@/components/filter-bar";
import { PagedTable } from "@/components/paged-table";
import { Page, Panel } from "@/components/page";
import {
  amountColumn,
  createdAtColumn,
  requestNumberColumn,
  requestStatusColumn,
} from "@/components/request-columns";
import { TicketStatusTag } from "@/components/ticket-status-tag";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { selectValue } from "@/lib/select-value";
import { useUrlFilters } from "@/lib/use-url-filters";
import { useMyTickets } from "../api/get-my-tickets";

const FILTER_KEYS = ["status"] as const;
const filterSchema = z.object({ status: z.enum(TICKET_STATUSES).optional() });

/** 我的工单: the tenant's void tickets and where each stands (待处理, 已作废发票, 已驳回 with the reason). */
export function MyTicketsPage() {
  const { t, lang } = useI18n();
  const { filters, valid, errors, filtered, setFilter, reset } = useUrlFilters(FILTER_KEYS, filterSchema);
  const tickets = useMyTickets(valid ? (filters.status ?? "") : "");

  return (
    <Page title={t("myTickets.title")} description={t("myTickets.desc")}>
      <Panel>
        <FilterBar onReset={reset}>
          <Field label={t("myTickets.filterStatus")} error={errors.status}>
            <Select
              value={filters.status ?? ""}
              onChange={(v) => setFilter("status", selectValue(v))}
              options={[
                { value: "", label: t("myTickets.allStatuses") },
                ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`ticketStatus.${s}`) })),
              ]}
              style={{ width: 160 }}
            />
          </Field>
        </FilterBar>
        <PagedTable<Ticket>
          query={tickets}
          disabled={!valid}
          empty={
            <FilteredEmpty filtered={filtered} onClear={reset}>
              {t("myTickets.empty")}
            </FilteredEmpty>
          }
          label={t("myTickets.tableLabel")}
          columns={[
            createdAtColumn(t("myTickets.createdAt"), lang),
            requestNumberColumn<Ticket>("requestNumber", t("records.id"), (row) => ({
              number: row.requestNumber,
              to: paths.record(row.requestId),
            })),
            { colKey: "providerName", title: t("market.provider") },
            amountColumn(t("records.amount")),
            requestStatusColumn(t("myTickets.requestStatus")),
            { colKey: "returnTrackingNumber", title: t("myTickets.returnTrackingNumber"), width: 160 },
            { colKey: "message", title: t("detail.ticketYourMessage") },
            {
              colKey: "status",
              title: t("myTickets.status"),
              cell: ({ row }) => <TicketStatusTag status={row.status} />,
            },
            {
              colKey: "resolution",
              title: t("detail.ticketVerdict"),
              cell: ({ row }) => row.resolution ?? "—",
            },
            {
              colKey: "actions",
              title: t("common.actions"),
              width: 100,
              fixed: "right",
              cell: ({ row }) => (
                <Link to={paths.record(row.requestId)} className="mic-inline-link">
                  {t("common.detail")}
                </Link>
              ),
            },
          ]}
        />
      </Panel>
    </Page>
  );
}
