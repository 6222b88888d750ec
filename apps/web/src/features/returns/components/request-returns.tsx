import type { InvoiceRequest, ReturnRequest } from "@mic/contracts";
import { DrawerSection } from "@/components/detail-drawer";
import { QueryState } from "@/components/query-state";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useRequestReturnRequests } from "../api/get-return-requests";
import { ReturnDecisionButtons } from "./return-actions";
import { ReturnStatusTag } from "./return-status-tag";
import "./returns.css";

/** One 退票申请 as it happened: the tenant's reason, the provider's decision, the red-letter deadline. */
export function ReturnRequestCard({ returnRequest: r }: { returnRequest: ReturnRequest }) {
  const { t, lang } = useI18n();
  const requestStatus = r.requestStatus;
  return (
    <article
      className="mic-return-card"
      aria-label={t("returns.cardLabel", { date: formatDateTime(r.createdAt, lang) })}
    >
      <header className="mic-return-card__head">
        <ReturnStatusTag status={r.status} />
        <span className="mic-muted mic-small">{formatDateTime(r.createdAt, lang)}</span>
        <span className="mic-return-card__actions">
          <ReturnDecisionButtons returnRequest={r} requestStatus={requestStatus} size="medium" />
        </span>
      </header>
      <dl className="mic-return-card__body">
        <dt>{t("returns.reason")}</dt>
        <dd>{r.reason}</dd>
        {r.decisionReason ? (
          <>
            <dt>{t("returns.decisionReason")}</dt>
            <dd>{r.decisionReason}</dd>
          </>
        ) : null}
        {r.redLetterNumber ? (
          <>
            <dt>{t("returns.redLetterNumber")}</dt>
            <dd className="mic-mono">{r.redLetterNumber}</dd>
          </>
        ) : null}
        {r.expiresAt && r.status === "AWAITING_BUYER" ? (
          <>
            <dt>{t("returns.deadline")}</dt>
            <dd>
              <strong>{formatDateTime(r.expiresAt, lang)}</strong>
              <span className="mic-muted mic-small"> · {t("returns.deadlineHint")}</span>
            </dd>
          </>
        ) : null}
        {r.status === "APPROVED" && requestStatus === "MAILING" ? (
          <>
            <dt>{t("returns.next")}</dt>
            <dd>{t("returns.nextMailing")}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}

/** A request drawer's 退票申请 section: every return request of the request, oldest first. */
export function RequestReturnsSection({ request }: { request: InvoiceRequest }) {
  const { t } = useI18n();
  if (!request.returnRequest) return null;
  return (
    <>
      <DrawerSection title={t("returns.panel")} />
      <RequestReturns requestId={request.id} />
    </>
  );
}

function RequestReturns({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const returns = useRequestReturnRequests(requestId);
  return (
    <QueryState query={returns} empty={<p className="mic-muted">{t("returns.noneForRequest")}</p>}>
      {(items) => (
        <div className="mic-return-list">
          {items.map((r) => (
            <ReturnRequestCard key={r.id} returnRequest={r} />
          ))}
        </div>
      )}
    </QueryState>
  );
}
