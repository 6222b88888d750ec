import { availableActions, kindOf } from "@mic/domain";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Alert, Button, Space } from "tdesign-react";
import { paths } from "@/app/paths";
import { DescriptionList, type DescriptionItem } from "@/components/description-list";
import { DueDate } from "@/components/due-date";
import { InvoiceFiles } from "@/components/invoice-files";
import { Money } from "@/components/money";
import { Page, Panel } from "@/components/page";
import { ErrorBlock, LoadingBlock } from "@/components/query-state";
import { AddressSnapshot, TitleSnapshot } from "@/components/request-snapshots";
import { RequestNumber } from "@/components/request-number";
import { useIssueItems, useShipmentItems } from "@/components/shipment";
import { StatusTag } from "@/components/status-tag";
import { useRequestReturnRequests } from "@/features/returns/api/get-return-requests";
import { AskReturnButton } from "@/features/returns/components/return-actions";
import { ReturnRequestCard } from "@/features/returns/components/request-returns";
import { isApiError } from "@/lib/api-client";
import { useMe } from "@/lib/auth";
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
  const returns = useRequestReturnRequests(id);
  const shipmentItems = useShipmentItems();
  const issueItems = useIssueItems();

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
  const cancelled = r.status === "CANCELLED" || r.status === "REJECTED";
  const electronic = kindOf(r.invoiceType) === "ELECTRONIC";
  const contact = `${r.providerContact.phone} / ${r.providerContact.email}`;
  const cannotCancel =
    r.status === "PROCESSING"
      ? t("detail.cannotCancelProcessing")
      : r.status === "MAILING"
        ? t("detail.cannotCancelMailing")
        : r.status === "ISSUED"
          ? t("detail.cannotCancelIssued")
          : null;

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
          {me?.role === "ENTERPRISE_ADMIN" ? <AskReturnButton request={r} returns={returns.data} /> : null}
          {isMailing && me?.role === "ENTERPRISE_ADMIN" && !openTicket ? (
            <Button theme="primary" onClick={() => setTicketOpen(true)}>
              {t("detail.voidTicket")}
            </Button>
          ) : null}
        </Space>
      }
    >
      {r.status === "REJECTED" ? (
        <div role="status" className="mic-gap">
          <Alert
            theme="error"
            title={t("detail.rejectedTitle")}
            message={t("detail.rejectedReason", { reason: r.rejectReason ?? "—" })}
            operation={
              me?.role === "ENTERPRISE_ADMIN" ? (
                <Link to={paths.apply(r.providerId)}>{t("detail.applyAgain")}</Link>
              ) : undefined
            }
          />
        </div>
      ) : null}
      {cannotCancel ? (
        <Alert
          theme="warning"
          className="mic-gap"
          title={cannotCancel}
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
            [t("records.id"), <RequestNumber key="n" number={r.number} />],
            [t("market.provider"), r.providerName],
            [t("detail.contact"), contact],
            [t("records.amount"), <Money key="m" value={r.amount} strong />],
            [t("apply.invoiceType"), t(`invoiceType.${r.invoiceType}`)],
            [t("records.status"), <StatusTag key="s" status={r.status} />],
            [t("records.createdAt"), formatDateTime(r.createdAt, lang)],
            ...(cancelled
              ? []
              : [
                  [
                    t(electronic ? "records.issueDueDate" : "records.dueDate"),
                    <DueDate key="d" request={r} />,
                  ] satisfies DescriptionItem,
                ]),
            electronic
              ? [t("issue.email"), r.email]
              : [t("confirm.shippingPayer"), r.shippingPayer ? t(`shippingPayer.${r.shippingPayer}`) : "—"],
            ...(r.rejectReason ? [[t("detail.rejectReason"), r.rejectReason] satisfies DescriptionItem] : []),
          ]}
        />
      </Panel>
      {cancelled ? null : electronic ? (
        <Panel title={t("detail.einvoice")}>
          {r.status === "ISSUED" || r.status === "VOIDED" ? (
            <>
              <DescriptionList items={issueItems(r)} />
              <h3 className="mic-section-title">{t("files.title")}</h3>
              <InvoiceFiles requestId={r.id} files={r.files} />
            </>
          ) : (
            <p className="mic-muted">{t("detail.notIssued", { email: r.email ?? "—" })}</p>
          )}
        </Panel>
      ) : (
        <Panel title={t("detail.shipping")}>
          {r.invoiceNumber || r.trackingNumber ? (
            <DescriptionList items={shipmentItems(r)} />
          ) : (
            <p className="mic-muted">{t("detail.notShipped")}</p>
          )}
        </Panel>
      )}
      <Panel title={t("detail.titleSnapshot")}>
        <TitleSnapshot title={r.title} />
      </Panel>
      {r.address ? (
        <Panel title={t("detail.addressSnapshot")}>
          <AddressSnapshot address={r.address} />
        </Panel>
      ) : null}
      {returns.data && returns.data.length > 0 ? (
        <Panel title={t("returns.panel")}>
          <div className="mic-return-list">
            {returns.data.map((x) => (
              <ReturnRequestCard key={x.id} returnRequest={x} />
            ))}
          </div>
        </Panel>
      ) : null}
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
