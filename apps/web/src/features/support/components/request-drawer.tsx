import type { InvoiceRequest } from "@mic/contracts";
import { kindOf } from "@mic/domain";
import { Alert } from "tdesign-react";
import { DescriptionList } from "@/components/description-list";
import { DetailDrawer, DrawerSection } from "@/components/detail-drawer";
import { ErrorBlock, QueryState } from "@/components/query-state";
import { isApiError } from "@/lib/api-client";
import { EInvoiceSection, SnapshotSections, useRequestFacts } from "@/components/request-drawer-sections";
import { useShipmentItems } from "@/components/shipment";
import { RequestReturnsSection } from "@/features/returns/components/request-returns";
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
  const facts = useRequestFacts();
  const shipmentItems = useShipmentItems();
  return (
    <>
      <DrawerSection title={t("support.request.basic")} />
      <DescriptionList
        items={facts(r, {
          statusLabel: t("support.requestStatus"),
          postage: r.shippingPayer ? t(`shippingPayer.${r.shippingPayer}`) : "—",
          afterTenant: [[t("support.provider"), r.providerName]],
          afterPostage: [
            [t("support.request.voidedAt"), r.voidedAt ? formatDateTime(r.voidedAt, lang) : null],
          ],
        })}
      />
      {kindOf(r.invoiceType) === "ELECTRONIC" ? (
        <EInvoiceSection request={r} />
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
      <SnapshotSections
        request={r}
        titleHeading={t("support.request.titleSnapshot")}
        addressHeading={t("support.request.addressSnapshot")}
      />
      <RequestReturnsSection request={r} />
    </>
  );
}
