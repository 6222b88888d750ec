import type { InvoiceRequest } from "@mic/contracts";
import { kindOf } from "@mic/domain";
import { DescriptionList } from "@/components/description-list";
import { DetailDrawer, DrawerSection } from "@/components/detail-drawer";
import { DueDate } from "@/components/due-date";
import { Money } from "@/components/money";
import { AddressSnapshot, TitleSnapshot } from "@/components/request-snapshots";
import { StatusTag } from "@/components/status-tag";
import { InvoiceFiles } from "@/components/invoice-files";
import { RequestNumber } from "@/components/request-number";
import { useIssueItems, useShipmentItems } from "@/components/shipment";
import { RequestReturns } from "@/features/returns/components/request-returns";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { ShippingPayerTag } from "./shipping-payer-tag";

/** What to print on the invoice (the title snapshot) and where to send it (the address snapshot). */
export function RequestDrawer({ request, onClose }: { request: InvoiceRequest | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const shipmentItems = useShipmentItems();
  const issueItems = useIssueItems();
  const r = request;
  const electronic = r ? kindOf(r.invoiceType) === "ELECTRONIC" : false;
  return (
    <DetailDrawer
      open={request !== null}
      header={t("provider.drawerTitle")}
      closeText={t("provider.close")}
      className="mic-provider-drawer"
      size="560px"
      onClose={onClose}
    >
      {r ? (
        <>
          <DrawerSection title={t("provider.requestInfo")} />
          <DescriptionList
            items={[
              [t("provider.requestId"), <RequestNumber key="n" number={r.number} />],
              [t("provider.tenant"), r.tenantName],
              [t("provider.amount"), <Money key="m" value={r.amount} strong />],
              [t("provider.invoiceType"), t(`invoiceType.${r.invoiceType}`)],
              [t("provider.status"), <StatusTag key="s" status={r.status} />],
              [t("provider.createdAt"), formatDateTime(r.createdAt, lang)],
              [t("provider.dueDate"), <DueDate key="d" request={r} />],
              electronic
                ? [t("issue.email"), r.email]
                : [t("provider.shippingPayer"), <ShippingPayerTag key="p" request={r} />],
              ...(r.rejectReason ? [[t("detail.rejectReason"), r.rejectReason] as [string, string]] : []),
            ]}
          />
          <DrawerSection title={t("provider.printTitle")} />
          <TitleSnapshot title={r.title} />
          {r.address ? (
            <>
              <DrawerSection title={t("provider.sendTo")} />
              <AddressSnapshot address={r.address} />
            </>
          ) : null}
          {electronic && (r.invoiceNumber || r.files.length > 0) ? (
            <>
              <DrawerSection title={t("detail.einvoice")} />
              <DescriptionList items={issueItems(r)} />
              <InvoiceFiles requestId={r.id} files={r.files} />
            </>
          ) : null}
          {!electronic && (r.invoiceNumber || r.trackingNumber) ? (
            <>
              <DrawerSection title={t("provider.shipping")} />
              <DescriptionList items={shipmentItems(r)} />
            </>
          ) : null}
          {r.returnRequest ? (
            <>
              <DrawerSection title={t("returns.panel")} />
              <RequestReturns requestId={r.id} />
            </>
          ) : null}
        </>
      ) : null}
    </DetailDrawer>
  );
}
