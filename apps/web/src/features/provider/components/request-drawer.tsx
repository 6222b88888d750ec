import type { InvoiceRequest } from "@mic/contracts";
import { kindOf } from "@mic/domain";
import { DescriptionList } from "@/components/description-list";
import { DetailDrawer, DrawerSection } from "@/components/detail-drawer";
import { EInvoiceSection, SnapshotSections, useRequestFacts } from "@/components/request-drawer-sections";
import { useShipmentItems } from "@/components/shipment";
import { RequestReturnsSection } from "@/features/returns/components/request-returns";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { ShippingPayerTag } from "./shipping-payer-tag";

/** What to print on the invoice (the title snapshot) and where to send it (the address snapshot). */
export function RequestDrawer({ request, onClose }: { request: InvoiceRequest | null; onClose: () => void }) {
  const { t } = useI18n();
  const facts = useRequestFacts();
  const shipmentItems = useShipmentItems();
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
            items={facts(r, {
              statusLabel: t("provider.status"),
              postage: <ShippingPayerTag key="p" request={r} />,
            })}
          />
          <SnapshotSections
            request={r}
            titleHeading={t("provider.printTitle")}
            addressHeading={t("provider.sendTo")}
          />
          {electronic && (r.invoiceNumber || r.files.length > 0) ? <EInvoiceSection request={r} /> : null}
          {!electronic && (r.invoiceNumber || r.trackingNumber) ? (
            <>
              <DrawerSection title={t("provider.shipping")} />
              <DescriptionList items={shipmentItems(r)} />
            </>
          ) : null}
          <RequestReturnsSection request={r} />
        </>
      ) : null}
    </DetailDrawer>
  );
}
