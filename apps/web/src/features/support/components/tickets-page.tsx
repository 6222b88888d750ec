import { TICKET_STATUSES, type Ticket } from "@mic/contracts";
import { availableActions, isInvoiceStatus } from "@mic/domain";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { Button, Select, Space } from "tdesign-react";
import { Field } from "@/components/field";
import { FilterBar } from "@/components/filter-bar";
import { PagedTable } from "@/components/paged-table";
import { Page, Panel } from "@/components/page";
import {
  amountColumn,
  createdAtColumn,
  requestNumberColumn,
  requestStatusColumn,
} from "@/components/request-columns";
import { EmptyBlock } from "@/components/query-state";
import { ReturnStatusTag } from "@/features/returns/components/return-status-tag";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { selectValue } from "@/lib/select-value";
import { useTickets } from "../api/get-tickets";
import { RequestDrawer } from "./request-drawer";
import { TicketDecisionDialog, type PendingDecision } from "./ticket-decision-dialog";
import { TicketStatusTag } from "@/components/ticket-status-tag";

const ALL = "ALL";
const isTicketStatus = (v: string): v is Ticket["status"] =>
  (TICKET_STATUSES as readonly string[]).includes(v);

/** 工单: tenants' void requests; support voids the invoice or rejects the ticket. Open ones by default. */
export function TicketsPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const raw = params.get("status") ?? "OPEN";
  const filter = raw === ALL || isTicketStatus(raw) ? raw : "OPEN";
  const tickets = useTickets(filter === ALL ? "" : filter);
  const [viewing, setViewing] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingDecision | null>(null);

  const setFilter = (value: string) => {
    const next = new URLSearchParams(params);
    if (value && value !== "OPEN") next.set("status", value);
    else next.delete("status");
    setParams(next, { replace: true });
  };

  return (
    <Page title={t("support.tickets.title")} description={t("support.tickets.desc")}>
      <Panel>
        <FilterBar
          onReset={() => setFilter("OPEN")}
          actions={
            <Button variant="outline" loading={tickets.isRefetching} onClick={() => void tickets.refetch()}>
              {t("support.refresh")}
            </Button>
          }
        >
          <Field label={t("support.tickets.filterStatus")}>
            <Select
              value={filter}
              onChange={(v) => setFilter(selectValue(v))}
              options={[
                ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`ticketStatus.${s}`) })),
                { value: ALL, label: t("support.all") },
              ]}
              style={{ width: 180 }}
            />
          </Field>
        </FilterBar>
        <PagedTable<Ticket>
          query={tickets}
          empty={
            <EmptyBlock>
              {filter === "OPEN" ? t("support.tickets.emptyOpen") : t("support.tickets.empty")}
            </EmptyBlock>
          }
          label={t("support.tickets.tableLabel")}
          columns={[
            createdAtColumn(t("support.tickets.createdAt"), lang),
            requestNumberColumn<Ticket>("requestNumber", t("support.request.id"), (row) => ({
              number: row.requestNumber,
              onOpen: () => setViewing(row.requestId),
            })),
            { colKey: "tenantName", title: t("support.tenant") },
            { colKey: "providerName", title: t("support.provider") },
            amountColumn(t("support.amount")),
            requestStatusColumn(t("support.requestStatus")),
            { colKey: "returnTrackingNumber", title: t("support.tickets.returnTrackingNumber") },
            {
              colKey: "returnRequest",
              title: t("support.tickets.providerAgreed"),
              cell: ({ row }) =>
                row.returnRequest?.status === "APPROVED" ? (
                  <span title={row.returnRequest.reason}>
                    <ReturnStatusTag status="APPROVED" />{" "}
                    <span className="mic-small">{formatDateTime(row.returnRequest.decidedAt, lang)}</span>
                  </span>
                ) : (
                  <span className="mic-muted">{t("support.tickets.noApproval")}</span>
                ),
            },
            { colKey: "message", title: t("support.tickets.message"), ellipsis: true },
            {
              colKey: "status",
              title: t("support.tickets.status"),
              cell: ({ row }) => <TicketStatusTag status={row.status} />,
            },
            {
              colKey: "resolution",
              title: t("support.tickets.resolution"),
              cell: ({ row }) =>
                row.resolution ? (
                  <div>
                    <div>{row.resolution}</div>
                    <div className="mic-muted mic-small">{formatDateTime(row.resolvedAt, lang)}</div>
                  </div>
                ) : (
                  "—"
                ),
            },
            {
              colKey: "actions",
              title: t("common.actions"),
              fixed: "right",
              cell: ({ row }) => {
                const canVoid =
                  row.status === "OPEN" &&
                  isInvoiceStatus(row.requestStatus) &&
                  availableActions(row.requestStatus, "SUPPORT", "PAPER").includes("VOID");
                return (
                  <Space size={4}>
                    <Button
                      variant="text"
                      theme="primary"
                      size="small"
                      onClick={() => setViewing(row.requestId)}
                    >
                      {t("support.tickets.viewRequest")}
                    </Button>
                    {canVoid ? (
                      <Button
                        variant="text"
                        theme="danger"
                        size="small"
                        onClick={() => setPending({ ticket: row, decision: "VOID" })}
                      >
                        {t("support.tickets.void")}
                      </Button>
                    ) : null}
                    {row.status === "OPEN" ? (
                      <Button
                        variant="text"
                        theme="default"
                        size="small"
                        onClick={() => setPending({ ticket: row, decision: "REJECT" })}
                      >
                        {t("support.tickets.reject")}
                      </Button>
                    ) : null}
                  </Space>
                );
              },
            },
          ]}
        />
      </Panel>
      <RequestDrawer requestId={viewing} onClose={() => setViewing(null)} />
      <TicketDecisionDialog pending={pending} onClose={() => setPending(null)} />
    </Page>
  );
}
