import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  auditQuery,
  TICKET_STATUSES,
  type AuditEvent,
} from "@mic/contracts";
import { RETURN_REQUEST_STATUSES, isInvoiceStatus } from "@mic/domain";
import { useState } from "react";
import { Input, Select } from "tdesign-react";
import { Field } from "@/components/field";
import { FilterBar, FilteredEmpty } from "@/components/filter-bar";
import { PagedTable } from "@/components/paged-table";
import { Page, Panel } from "@/components/page";
import { formatDateTime } from "@/lib/format";
import { useI18n, type MessageKey } from "@/lib/i18n/i18n-provider";
import { nameOptions, selectValue } from "@/lib/select-value";
import { statusChange } from "@/lib/status-change";
import { useUrlFilters } from "@/lib/use-url-filters";
import { useAuditEvents, type AuditFilters } from "../api/get-audit-events";
import { useTenants } from "../api/get-tenants";
import { AuditRequestNumber } from "./audit-request-number";
import { RequestDrawer } from "./request-drawer";

const FILTER_KEYS = ["entityType", "entityId", "action", "tenantId"] as const;
const has = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** 审计日志: who did what, when, from which state to which, and why; newest first. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const tenants = useTenants();
  const [viewing, setViewing] = useState<string | null>(null);

  const {
    filters,
    valid,
    errors: filterErrors,
    filtered,
    setFilters,
    reset,
  } = useUrlFilters(FILTER_KEYS, auditQuery);
  const events = useAuditEvents(filters, valid);
  // Typed filters are applied on 查询, not on every keystroke.
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const clear = () => {
    setDraft({});
    reset();
  };
  const setDraftField = (key: keyof AuditFilters, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const entityLabel = (type: string) =>
    has(AUDIT_ENTITY_TYPES, type) ? t(`support.audit.entity.${type}`) : type;
  const actionLabel = (action: string) =>
    has(AUDIT_ACTIONS, action) ? t(`support.audit.action.${action}`) : action;
  const statusLabel = (status: string | null) => {
    if (!status) return "";
    if (isInvoiceStatus(status)) return t(`status.${status}`);
    if (has(TICKET_STATUSES, status)) return t(`ticketStatus.${status}`);
    if (has(RETURN_REQUEST_STATUSES, status)) return t(`returnStatus.${status}`);
    return status;
  };
  const tenantName = (id: string | null) => (id ? (tenants.data?.find((x) => x.id === id)?.name ?? id) : "—");

  return (
    <Page title={t("support.audit.title")} description={t("support.audit.desc")}>
      <Panel>
        <FilterBar onSubmit={() => setFilters(draft)} onReset={clear}>
          <Field label={t("support.audit.entityType")} error={filterErrors.entityType}>
            <Select
              value={draft.entityType ?? ""}
              onChange={(v) => setDraftField("entityType", selectValue(v))}
              options={[
                { value: "", label: t("support.all") },
                ...AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: t(`support.audit.entity.${e}`) })),
              ]}
              style={{ width: 160 }}
            />
          </Field>
          <Field label={t("support.audit.entityId")} error={filterErrors.entityId}>
            <Input
              name="entityId"
              value={draft.entityId ?? ""}
              maxlength={64}
              clearable
              placeholder={t("support.audit.entityIdPlaceholder")}
              onChange={(v) => setDraftField("entityId", String(v))}
              style={{ width: 280 }}
            />
          </Field>
          <Field label={t("support.audit.action")} error={filterErrors.action}>
            <Select
              value={draft.action ?? ""}
              onChange={(v) => setDraftField("action", selectValue(v))}
              options={[
                { value: "", label: t("support.all") },
                ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`support.audit.action.${a}`) })),
              ]}
              style={{ width: 150 }}
            />
          </Field>
          <Field label={t("support.audit.tenant")} error={filterErrors.tenantId}>
            <Select
              value={draft.tenantId ?? ""}
              loading={tenants.isPending}
              filterable
              onChange={(v) => setDraftField("tenantId", selectValue(v))}
              options={nameOptions(tenants.data, t("support.all"))}
              style={{ width: 200 }}
            />
          </Field>
        </FilterBar>
        <PagedTable<AuditEvent>
          query={events}
          disabled={!valid}
          empty={
            <FilteredEmpty filtered={filtered} onClear={clear}>
              {t("support.audit.empty")}
            </FilteredEmpty>
          }
          label={t("support.audit.tableLabel")}
          columns={[
            {
              colKey: "createdAt",
              title: t("support.audit.when"),
              cell: ({ row }) => formatDateTime(row.createdAt, lang),
            },
            {
              colKey: "actorName",
              title: t("support.audit.who"),
              cell: ({ row }) =>
                row.actorName ? (
                  <div>
                    <div>{row.actorName}</div>
                    <div className="mic-muted mic-small">
                      {row.actorRole ? t(`role.${row.actorRole}` as MessageKey) : ""}
                    </div>
                  </div>
                ) : (
                  t("support.audit.system")
                ),
            },
            {
              colKey: "action",
              title: t("support.audit.what"),
              cell: ({ row }) => actionLabel(row.action),
            },
            {
              colKey: "entityId",
              title: t("support.audit.entity"),
              cell: ({ row }) => (
                <div>
                  <div>{entityLabel(row.entityType)}</div>
                  {row.entityType === "InvoiceRequest" ? (
                    <AuditRequestNumber requestId={row.entityId} onOpen={() => setViewing(row.entityId)} />
                  ) : (
                    <span className="mic-muted mic-small" title={row.entityId}>
                      {row.entityId.length > 12 ? row.entityId.slice(0, 8) : row.entityId}
                    </span>
                  )}
                </div>
              ),
            },
            {
              colKey: "toStatus",
              title: t("support.audit.change"),
              cell: ({ row }) =>
                statusChange(row.fromStatus, row.toStatus, statusLabel, t("detail.created")) ?? "—",
            },
            { colKey: "reason", title: t("support.audit.why"), cell: ({ row }) => row.reason ?? "—" },
            {
              colKey: "tenantId",
              title: t("support.audit.tenant"),
              cell: ({ row }) => tenantName(row.tenantId),
            },
          ]}
        />
      </Panel>
      <RequestDrawer requestId={viewing} onClose={() => setViewing(null)} />
    </Page>
  );
}
