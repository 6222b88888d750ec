import type { InvoiceRequest } from "@mic/contracts";
import { kindOf } from "@mic/domain";
import { Alert } from "tdesign-react";
import { DescriptionList } from "@/components/description-list";
import { DetailDrawer, DrawerSection } from "@/components/detail-drawer";
import { DueDate } from "@/components/due-date";
import { Money } from "@/components/money";
import { ErrorBlock, QueryState } from "@/components/query-state";
import { AddressSnapshot, TitleSnapshot } from "@/components/request-snapshots";
import { StatusTag } from "@/components/status-tag";
import { isApiError } from "@/lib/api-client";
import { InvoiceFiles } from "@/components/invoice-files";
import { RequestNumber } from "@/components/request-number";
import { useIssueItems, useShipmentItems } from "@/components/shipment";
import { RequestReturns } from "@/features/returns/components/request-returns";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useInvoiceRequest } from "@/api/get-invoice-request";

/** The invoice request behind a ticket or record, read-only: status, title and address snapshots, shipment. */
export function RequestDrawer({ requestId, onClose }: { requestId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <DetailDrawer
      open={requestId !== null}
      header={t("support.request.title")}
      closeText={t("support.close")}
      className="mic-support-drawer"
      size="600px"
      onClose={onClose}
    >
      {requestId ? <RequestDetails requestId={requestId} /> : null}
    </DetailDrawer>
  );
}

function RequestDetails({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const request = useInvoiceRequest(requestId);
  return (
    <QueryState
      query={request}
      renderError={(error) =>
        isApiError(error, 404) ? (
          <Alert theme="warning" message={t("support.request.notFound")} />
        ) : (
          <ErrorBlock error={error} onRetry={() => void request.refetch()} />
        )
      }
    >
      {(r) => <RequestBody r={r} />}
    </QueryState>
  );
}

function RequestBody({ r }: { r: InvoiceRequest }) {
  const { t, lang } = useI18n();
  const shipmentItems = useShipmentItems();
  const issueItems = useIssueItems();
  const electronic = kindOf(r.invoiceType) === "ELECTRONIC";
  return (
    <>
      <DrawerSection title={t("support.request.basic")} />
      <DescriptionList
        items={[
          [t("support.request.id"), <RequestNumber key="n" number={r.number} />],
          [t("support.tenant"), r.tenantName],
          [t("support.provider"), r.providerName],
          [t("support.amount"), <Money key="m" value={r.amount} strong />],
          [t("support.invoiceType"), t(`invoiceType.${r.invoiceType}`)],
          [t("support.requestStatus"), <StatusTag key="s" status={r.status} />],
          [t("support.createdAt"), formatDateTime(r.createdAt, lang)],
          [t("support.dueDate"), <DueDate key="d" request={r} />],
          electronic
            ? [t("issue.email"), r.email]
            : [t("support.shippingPayer"), r.shippingPayer ? t(`shippingPayer.${r.shippingPayer}`) : "—"],
          [t("support.request.voidedAt"), r.voidedAt ? formatDateTime(r.voidedAt, lang) : null],
          ...(r.rejectReason ? [[t("detail.rejectReason"), r.rejectReason] as [string, string]] : []),
        ]}
      />
      {electronic ? (
        <>
          <DrawerSection title={t("detail.einvoice")} />
          <DescriptionList items={issueItems(r)} />
          <InvoiceFiles requestId={r.id} files={r.files} />
        </>
      ) : (
        <>
          <DrawerSection title={t("support.request.shipping")} />
          {r.invoiceNumber || r.trackingNumber ? (
            <DescriptionList items={shipmentItems(r)} />
          ) : (
            <p className="mic-muted">{t("support.request.notShipped")}</p>
          )}
        </>
      )}
      <DrawerSection title={t("support.request.titleSnapshot")} />
      <TitleSnapshot title={r.title} />
      {r.address ? (
        <>
          <DrawerSection title={t("support.request.addressSnapshot")} />
          <AddressSnapshot address={r.address} />
        </>
      ) : null}
      {r.returnRequest ? (
        <>
          <DrawerSection title={t("returns.panel")} />
          <RequestReturns requestId={r.id} />
        </>
      ) : null}
    </>
  );
}
