import type { InvoiceRequest } from "@mic/contracts";
import { Button, Drawer } from "tdesign-react";
import { DescriptionList } from "@/components/description-list";
import { Money } from "@/components/money";
import { StatusTag } from "@/components/status-tag";
import { useDialogRole } from "@/components/use-dialog-role";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { courierLabel } from "./courier-label";
import { DueDate, ShippingPayerTag } from "./overdue-tag";
import "./provider.css";

/** What to print on the invoice (the title snapshot) and where to send it (the address snapshot). */
export function RequestDrawer({ request, onClose }: { request: InvoiceRequest | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const open = request !== null;
  useDialogRole(open, ".mic-provider-drawer .t-drawer__content-wrapper", t("provider.drawerTitle"));
  const r = request;
  return (
    <Drawer
      visible={open}
      header={t("provider.drawerTitle")}
      onClose={onClose}
      size="560px"
      className="mic-provider-drawer"
      footer={
        <Button variant="outline" onClick={onClose}>
          {t("provider.close")}
        </Button>
      }
    >
      {r ? (
        <>
          <h2 className="mic-panel-title mic-fx-section">{t("provider.requestInfo")}</h2>
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
          <h2 className="mic-panel-title mic-fx-section">{t("provider.printTitle")}</h2>
          <DescriptionList
            items={[
              [t("titles.type"), t(`titleType.${r.title.type}`)],
              [t("titles.name"), r.title.name],
              [t("titles.taxpayerId"), r.title.taxpayerId],
              [t("titles.registeredAddress"), r.title.registeredAddress],
              [t("titles.registeredPhone"), r.title.registeredPhone],
              [t("titles.bankName"), r.title.bankName],
              [t("titles.bankAccount"), r.title.bankAccount],
            ]}
          />
          <h2 className="mic-panel-title mic-fx-section">{t("provider.sendTo")}</h2>
          <DescriptionList
            items={[
              [t("addresses.recipient"), r.address.recipient],
              [t("addresses.phone"), r.address.phone],
              [
                t("addresses.fullAddress"),
                `${r.address.province} ${r.address.city} ${r.address.district} ${r.address.street}`,
              ],
              [t("addresses.postalCode"), r.address.postalCode],
            ]}
          />
          {r.invoiceNumber || r.trackingNumber ? (
            <>
              <h2 className="mic-panel-title mic-fx-section">{t("provider.shipping")}</h2>
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
    </Drawer>
  );
}
