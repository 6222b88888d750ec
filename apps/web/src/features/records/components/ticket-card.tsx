import type { Ticket } from "@mic/contracts";
import { TicketStatusTag } from "@/components/ticket-status-tag";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";

/** One 作废工单 in the order it happened: the tenant's own message first, then support's verdict. */
export function TicketCard({ ticket }: { ticket: Ticket }) {
  const { t, lang } = useI18n();
  return (
    <article
      className="mic-ticket-card"
      aria-label={t("detail.ticketOf", { date: formatDateTime(ticket.createdAt, lang) })}
    >
      <header className="mic-ticket-card__head">
        <TicketStatusTag status={ticket.status} />
        <span className="mic-muted mic-small">{formatDateTime(ticket.createdAt, lang)}</span>
        <span className="mic-small">
          {t("detail.ticketReturnTracking")}
          <span className="mic-nowrap">{ticket.returnTrackingNumber}</span>
        </span>
      </header>
      <section>
        <h4 className="mic-ticket-card__label">{t("detail.ticketYourMessage")}</h4>
        <p className="mic-ticket-card__text">{ticket.message}</p>
      </section>
      {ticket.resolution ? (
        <section>
          <h4 className="mic-ticket-card__label">
            {t("detail.ticketVerdict")}
            <span className="mic-muted mic-small"> · {formatDateTime(ticket.resolvedAt, lang)}</span>
          </h4>
          <p className="mic-ticket-card__text">{ticket.resolution}</p>
        </section>
      ) : null}
    </article>
  );
}
