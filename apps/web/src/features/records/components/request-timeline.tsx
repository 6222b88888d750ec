import type { AuditEvent } from "@mic/contracts";
import { isInvoiceStatus } from "@mic/domain";
import { Timeline } from "tdesign-react";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { statusChange } from "@/lib/status-change";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useRequestAuditEvents } from "../api/get-audit-events";

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
  const label = (status: string) => (isInvoiceStatus(status) ? t(`status.${status}`) : status);
  return (
    <Timeline labelAlign="left" mode="same">
      {sorted.map((e) => {
        const change = statusChange(e.fromStatus, e.toStatus, label, t("detail.created")) ?? e.action;
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
