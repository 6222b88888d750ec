import type { InvoiceRequest } from "@mic/contracts";
import { DescriptionList } from "@/components/description-list";
import { DetailDrawer, DrawerSection } from "@/components/detail-drawer";
import { DueDate } from "@/components/due-date";
import { Money } from "@/components/money";
import { AddressSnapshot, TitleSnapshot } from "@/components/request-snapshots";
import { StatusTag } from "@/components/status-tag";
import { courierLabel } from "@/lib/courier-label";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { ShippingPayerTag } from "./shipping-payer-tag";

/** What to print on the invoice (the title snapshot) and where to send it (the address snapshot). */
export function RequestDrawer({ request, onClose }: { request: InvoiceRequest | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const r = request;
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
              [t("provider.requestId"), r.id],
              [t("provider.tenant"), r.tenantName],
              [t("provider.amount"), <Money key="m" value={r.amount} strong />],
              [t("provider.invoiceType"), t(`invoiceType.${r.invoiceType}`)],
              [t("provider.status"), <StatusTag key="s" status={r.status} />],
              [t("provider.createdAt"), formatDateTime(r.createdAt, lang)],
              [t("provider.dueDate"), <DueDate key="d" request={r} />],
              [t("provider.shippingPayer"), <ShippingPayerTag key="p" request={r} />],
            ]}
          />
          <DrawerSection title={t("provider.printTitle")} />
          <TitleSnapshot title={r.title} />
          <DrawerSection title={t("provider.sendTo")} />
          <AddressSnapshot address={r.address} />
          {r.invoiceNumber || r.trackingNumber ? (
            <>
              <DrawerSection title={t("provider.shipping")} />
              <DescriptionList
                items={[
                  [t("provider.invoiceNumber"), r.invoiceNumber],
                  [t("provider.courier"), courierLabel(r.courier, t)],
                  [t("provider.trackingNumber"), r.trackingNumber],
                  [t("provider.mailedAt"), formatDateTime(r.mailingAt, lang)],
                ]}
              />
            </>
          ) : null}
        </>
      ) : null}
    </DetailDrawer>
  );
}
