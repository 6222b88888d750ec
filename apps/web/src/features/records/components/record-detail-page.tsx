import { availableActions, kindOf } from "@mic/domain";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Alert, Button, Space } from "tdesign-react";
import { paths } from "@/app/paths";
import { DescriptionList, type DescriptionItem } from "@/components/description-list";
import { DueDate } from "@/components/due-date";
import { Money } from "@/components/money";
import { Page, Panel } from "@/components/page";
import { ErrorBlock, LoadingBlock } from "@/components/query-state";
import { AddressSnapshot, TitleSnapshot } from "@/components/request-snapshots";
import { StatusTag } from "@/components/status-tag";
import { isApiError } from "@/lib/api-client";
import { useMe } from "@/lib/auth";
import { courierLabel } from "@/lib/courier-label";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useInvoiceRequest } from "@/api/get-invoice-request";
import { useRequestTickets } from "../api/get-request-tickets";
import { RequestProgress } from "./request-progress";
import { RequestTimeline } from "./request-timeline";
import { TicketDialog } from "./ticket-dialog";
import { TicketCard } from "./ticket-card";
import { useCancelRequestAction } from "./use-cancel-request-action";

export function RecordDetailPage() {
  const { t, lang } = useI18n();
  const id = useParams().id ?? "";
  const { data: me } = useMe();
  const request = useInvoiceRequest(id);
  const askCancel = useCancelRequestAction();
  const [ticketOpen, setTicketOpen] = useState(false);
  const isMailing = request.data?.status === "MAILING";
  const tickets = useRequestTickets(id, isMailing || request.data?.status === "VOIDED");

  const back = (
    <Link to={paths.records} className="t-button t-button--variant-outline t-button--theme-default">
      <span className="t-button__text">{t("common.back")}</span>
    </Link>
  );

  if (request.isPending) return <LoadingBlock />;
  if (request.isError) {
    return (
      <Page title={t("detail.title")} actions={back}>
        {isApiError(request.error, 404) ? (
          <Alert theme="warning" message={t("detail.notFound")} />
        ) : (
          <ErrorBlock error={request.error} onRetry={() => void request.refetch()} />
        )}
      </Page>
    );
  }

  const r = request.data;
  const actions = me ? availableActions(r.status, me.role, kindOf(r.invoiceType)) : [];
  const openTicket = tickets.data?.find((x) => x.status === "OPEN");
  const cancelled = r.status === "CANCELLED";
  const contact = `${r.providerContact.phone} / ${r.providerContact.email}`;

  return (
    <Page
      title={t("detail.title")}
      actions={
        <Space>
          {back}
          {actions.includes("CANCEL") ? (
            <Button theme="danger" variant="outline" onClick={() => askCancel(r)}>
              {t("detail.cancel")}
            </Button>
          ) : null}
          {isMailing && me?.role === "ENTERPRISE_ADMIN" && !openTicket ? (
            <Button theme="primary" onClick={() => setTicketOpen(true)}>
              {t("detail.voidTicket")}
            </Button>
          ) : null}
        </Space>
      }
    >
      {r.status === "PROCESSING" || r.status === "MAILING" ? (
        <Alert
          theme="warning"
          className="mic-gap"
          title={
            r.status === "PROCESSING" ? t("detail.cannotCancelProcessing") : t("detail.cannotCancelMailing")
          }
          message={`${t("detail.contact")}：${r.providerName} ${contact}`}
        />
      ) : null}
      {openTicket ? <Alert theme="info" className="mic-gap" message={t("detail.ticketOpenNotice")} /> : null}
      <Panel
        title={
          <Space align="center" size={12}>
            <span>{t("detail.progress")}</span>
            <StatusTag status={r.status} />
          </Space>
        }
      >
        <RequestProgress request={r} />
      </Panel>
      <Panel title={t("detail.basic")}>
        <DescriptionList
          items={[
            [t("records.id"), r.id],
            [t("market.provider"), r.providerName],
            [t("detail.contact"), contact],
            [t("records.amount"), <Money key="m" value={r.amount} strong />],
            [t("apply.invoiceType"), t(`invoiceType.${r.invoiceType}`)],
            [t("records.status"), <StatusTag key="s" status={r.status} />],
            [t("records.createdAt"), formatDateTime(r.createdAt, lang)],
            ...(cancelled
              ? []
              : [[t("records.dueDate"), <DueDate key="d" request={r} />] satisfies DescriptionItem]),
            [t("confirm.shippingPayer"), r.shippingPayer ? t(`shippingPayer.${r.shippingPayer}`) : "—"],
          ]}
        />
      </Panel>
      {cancelled ? null : (
        <Panel title={t("detail.shipping")}>
          {r.invoiceNumber || r.trackingNumber ? (
            <DescriptionList
              items={[
                [t("detail.invoiceNumber"), r.invoiceNumber],
                [t("detail.courier"), courierLabel(r.courier, t)],
                [t("detail.trackingNumber"), r.trackingNumber],
                [t("detail.mailedAt"), formatDateTime(r.mailingAt, lang)],
              ]}
            />
          ) : (
            <p className="mic-muted">{t("detail.notShipped")}</p>
          )}
        </Panel>
      )}
      <Panel title={t("detail.titleSnapshot")}>
        <TitleSnapshot title={r.title} />
      </Panel>
      <Panel title={t("detail.addressSnapshot")}>
        <AddressSnapshot address={r.address} />
      </Panel>
      {tickets.data && tickets.data.length > 0 ? (
        <Panel title={t("detail.tickets")}>
          <div className="mic-ticket-list">
            {tickets.data.map((x) => (
              <TicketCard key={x.id} ticket={x} />
            ))}
          </div>
        </Panel>
      ) : null}
      <Panel title={t("detail.timeline")}>
        <RequestTimeline requestId={r.id} />
      </Panel>
      <TicketDialog requestId={r.id} open={ticketOpen} onClose={() => setTicketOpen(false)} />
    </Page>
  );
}
