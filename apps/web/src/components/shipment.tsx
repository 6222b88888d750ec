import type { InvoiceRequest } from "@mic/contracts";
import type { DescriptionItem } from "@/components/description-list";
import { trackingUrlOf } from "@mic/contracts";
import { courierLabel } from "@/lib/courier-label";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";

/** 运单号, with a link to the courier's tracking page for the common couriers. */
export function TrackingNumber({ request }: { request: InvoiceRequest }) {
  const { t } = useI18n();
  const url = trackingUrlOf(request.courierCode, request.trackingNumber);
  if (!request.trackingNumber) return null;
  return (
    <span className="mic-nowrap">
      <span>{request.trackingNumber}</span>
      {url ? (
        <>
          {" "}
          <a href={url} target="_blank" rel="noopener noreferrer" className="mic-inline-link">
            {t("shipment.track")}
          </a>
        </>
      ) : null}
    </span>
  );
}

/** The shipment of a paper invoice (invoice number, courier, tracking): the same rows on every page. */
export function useShipmentItems() {
  const { t, lang } = useI18n();
  return (r: InvoiceRequest): DescriptionItem[] => [
    [t("detail.invoiceNumber"), r.invoiceNumber],
    [t("detail.courier"), courierLabel(r, t)],
    [t("detail.trackingNumber"), <TrackingNumber key="tn" request={r} />],
    [t("detail.mailedAt"), formatDateTime(r.mailingAt, lang)],
  ];
}

/** The issue of an e-invoice: its 20-digit number and 开票日期 (the e-mail is with the request's details). */
export function useIssueItems() {
  const { t } = useI18n();
  return (r: InvoiceRequest): DescriptionItem[] => [
    [t("detail.invoiceNumber"), r.invoiceNumber],
    [t("issue.issuedOn"), r.issuedOn],
  ];
}
