import type { AuditEvent } from "@mic/contracts";
import { AUDIT_ACTIONS } from "@mic/contracts";
import { RETURN_ACTIONS, RETURN_REQUEST_STATUSES, isInvoiceStatus } from "@mic/domain";
import { Timeline } from "tdesign-react";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { statusChange } from "@/lib/status-change";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useRequestAuditEvents } from "../api/get-audit-events";

const has = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Actions the timeline names in words (the audit log's labels). */
const TIMELINE_ACTIONS = AUDIT_ACTIONS;
const RETURN_STEPS: readonly string[] = [...RETURN_ACTIONS, "RETURN_CANCEL", "RED_LETTER_VOID"];

/** The request's status history, from its audit events (oldest first). */
export function RequestTimeline({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const events = useRequestAuditEvents(requestId);
  return (
    <QueryState query={events} empty={<p className="mic-muted">{t("detail.timelineEmpty")}</p>}>
      {(data) => <Events events={data} />}
    </QueryState>
  );
}

function Events({ events }: { events: AuditEvent[] }) {
  const { t, lang } = useI18n();
  const sorted = [...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const label = (status: string) =>
    isInvoiceStatus(status)
      ? t(`status.${status}`)
      : has(RETURN_REQUEST_STATUSES, status)
        ? t(`returnStatus.${status}`)
        : status;
  // On a request's own timeline, OPEN is a return request being asked for (tickets have their own).
  const actionLabel = (action: string) =>
    action === "OPEN"
      ? t("detail.returnOpened")
      : has(TIMELINE_ACTIONS, action)
        ? t(`support.audit.action.${action}`)
        : action;
  return (
    <Timeline labelAlign="left" mode="same">
      {sorted.map((e) => {
        // A step that leaves the request where it was (a return request asked for, declined,
        // approved on a mailed invoice) reads as what happened, not "已开具 → 已开具".
        const unchanged = e.fromStatus !== null && e.fromStatus === e.toStatus;
        const moved = unchanged ? null : statusChange(e.fromStatus, e.toStatus, label, t("detail.created"));
        // A return request's steps (§13) name the decision; other events read as their state change.
        const change = !moved
          ? actionLabel(e.action)
          : has(RETURN_STEPS, e.action)
            ? `${actionLabel(e.action)} · ${moved}`
            : moved;
        const actor = e.actorName
          ? t("detail.actor", { name: e.actorName, role: e.actorRole ? t(`role.${e.actorRole}`) : "" })
          : t("detail.system");
        return (
          <Timeline.Item key={e.id} label={formatDateTime(e.createdAt, lang)}>
            <div>
              <strong>{change}</strong>
            </div>
            <div className="mic-muted mic-small">{actor}</div>
            {e.reason ? <div className="mic-small">{e.reason}</div> : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
