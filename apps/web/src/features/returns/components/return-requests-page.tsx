import { returnRequestListQuery, type ReturnRequest } from "@mic/contracts";
import { RETURN_REQUEST_STATUSES, type Role } from "@mic/domain";
import { useState } from "react";
import { Select } from "tdesign-react";
import { paths } from "@/app/paths";
import { Field } from "@/components/field";
import { FilterBar, FilteredEmpty } from "@/components/filter-bar";
import { PagedTable } from "@/components/paged-table";
import { Page, Panel } from "@/components/page";
import { amountColumn, createdAtColumn, requestNumberColumn } from "@/components/request-columns";
import { StatusTag } from "@/components/status-tag";
import { RequestDrawer } from "@/features/support/components/request-drawer";
import { useMe } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { useI18n, type MessageKey } from "@/lib/i18n/i18n-provider";
import { selectValue } from "@/lib/select-value";
import { useUrlFilters } from "@/lib/use-url-filters";
import { useReturnRequests } from "../api/get-return-requests";
import { ReturnDecisionButtons } from "./return-actions";
import { ReturnStatusTag } from "./return-status-tag";

const FILTER_KEYS = ["status"] as const;

const DESC: Record<Role, MessageKey> = {
  ENTERPRISE_ADMIN: "returns.descAdmin",
  PROVIDER_STAFF: "returns.descProvider",
  SUPPORT: "returns.descSupport",
};

/**
 * 退票申请 for each role (SPEC §13): the admin's own tenant, the staff's provider, everything for
 * support; the same list structure as every other list (filter bar, keyset pages in a PagedTable).
 */
export function ReturnRequestsPage() {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const role = me?.role ?? "ENTERPRISE_ADMIN";
  const [viewing, setViewing] = useState<string | null>(null);
  const { filters, valid, errors, filtered, setFilter, reset } = useUrlFilters(
    FILTER_KEYS,
    returnRequestListQuery,
  );
  const returns = useReturnRequests(filters, valid);

  return (
    <Page title={t("returns.title")} description={t(DESC[role])}>
      <Panel>
        <FilterBar onReset={reset}>
          <Field label={t("returns.filterStatus")} error={errors.status}>
            <Select
              value={filters.status ?? ""}
              onChange={(v) => setFilter("status", selectValue(v))}
              options={[
                { value: "", label: t("returns.allStatuses") },
                ...RETURN_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`returnStatus.${s}`) })),
              ]}
              style={{ width: 180 }}
            />
          </Field>
        </FilterBar>
        <PagedTable<ReturnRequest>
          query={returns}
          disabled={!valid}
          empty={
            <FilteredEmpty filtered={filtered} onClear={reset}>
              {t("returns.empty")}
            </FilteredEmpty>
          }
          label={t("returns.tableLabel")}
          columns={[
            createdAtColumn(t("returns.createdAt"), lang),
            requestNumberColumn<ReturnRequest>("requestNumber", t("records.id"), (row) =>
              role === "ENTERPRISE_ADMIN"
                ? { number: row.requestNumber, to: paths.record(row.requestId) }
                : { number: row.requestNumber, onOpen: () => setViewing(row.requestId) },
            ),
            ...(role === "ENTERPRISE_ADMIN" ? [] : [{ colKey: "tenantName", title: t("support.tenant") }]),
            ...(role === "PROVIDER_STAFF" ? [] : [{ colKey: "providerName", title: t("support.provider") }]),
            amountColumn(t("support.amount")),
            {
              colKey: "requestStatus",
              title: t("support.requestStatus"),
              cell: ({ row }) => <StatusTag status={row.requestStatus} />,
            },
            {
              colKey: "reason",
              title: t("returns.reason"),
              cell: ({ row }) => <span className="mic-reason">{row.reason}</span>,
            },
            {
              colKey: "status",
              title: t("returns.status"),
              width: 160,
              cell: ({ row }) => (
                <div>
                  <ReturnStatusTag status={row.status} />
                  {row.decisionReason ? <span className="mic-reason">{row.decisionReason}</span> : null}
                  {row.redLetterNumber ? (
                    <span className="mic-reason">
                      {t("returns.redLetterShort", { number: row.redLetterNumber })}
                    </span>
                  ) : null}
                  {row.expiresAt && row.status === "AWAITING_BUYER" ? (
                    <span className="mic-reason">
                      {t("returns.deadlineShort", { time: formatDateTime(row.expiresAt, lang) })}
                    </span>
                  ) : null}
                </div>
              ),
            },
            {
              colKey: "actions",
              title: t("common.actions"),
              fixed: "right",
              cell: ({ row }) => (
                <ReturnDecisionButtons returnRequest={row} requestStatus={row.requestStatus} />
              ),
            },
          ]}
        />
      </Panel>
      <RequestDrawer requestId={viewing} onClose={() => setViewing(null)} />
    </Page>
  );
}
