import { COURIERS } from "@mic/contracts";
import { Alert, Button, Drawer, Space, Tag } from "tdesign-react";
import { DescriptionList } from "@/components/description-list";
import { Money } from "@/components/money";
import { ErrorBlock, LoadingBlock } from "@/components/query-state";
import { StatusTag } from "@/components/status-tag";
import { useDialogRole } from "@/components/use-dialog-role";
import { isApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useInvoiceRequest } from "../api/get-invoice-request";
import "./support.css";

const isCourier = (value: string): value is (typeof COURIERS)[number] =>
  (COURIERS as readonly string[]).includes(value);

/** The invoice request behind a ticket or record, read-only: status, title and address snapshots, shipment. */
export function RequestDrawer({ requestId, onClose }: { requestId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const open = requestId !== null;
  useDialogRole(open, ".mic-support-drawer .t-drawer__content-wrapper", t("support.request.title"));
  return (
    <Drawer
      visible={open}
      header={t("support.request.title")}
      onClose={onClose}
      size="600px"
      className="mic-support-drawer"
      footer={
        <Button variant="outline" onClick={onClose}>
          {t("support.close")}
        </Button>
      }
    >
      {requestId ? <RequestDetails requestId={requestId} /> : null}
    </Drawer>
  );
}

function RequestDetails({ requestId }: { requestId: string }) {
  const { t, lang } = useI18n();
  const request = useInvoiceRequest(requestId);
  if (request.isPending) return <LoadingBlock />;
  if (request.isError) {
    return isApiError(request.error, 404) ? (
      <Alert theme="warning" message={t("support.request.notFound")} />
    ) : (
      <ErrorBlock error={request.error} onRetry={() => void request.refetch()} />
    );
  }
  const r = request.data;
  const overdue = r.overdue && (r.status === "PENDING" || r.status === "PROCESSING");
  return (
    <>
      <h2 className="mic-panel-title mic-support-section">{t("support.request.basic")}</h2>
      <DescriptionList
        items={[
          [t("support.request.id"), r.id],
          [t("support.tenant"), r.tenantName],
          [t("support.provider"), r.providerName],
          [t("support.amount"), <Money key="m" value={r.amount} strong />],
          [t("support.invoiceType"), t(`invoiceType.${r.invoiceType}`)],
          [t("support.requestStatus"), <StatusTag key="s" status={r.status} />],
          [t("support.createdAt"), formatDateTime(r.createdAt, lang)],
          [
            t("support.dueDate"),
            <Space key="d" size={4} align="center">
              <span>{r.dueDate}</span>
              {overdue ? (
                <Tag theme="danger" size="small" variant="light">
                  {t("support.overdue")}
                </Tag>
              ) : null}
            </Space>,
          ],
          [t("support.shippingPayer"), t(`shippingPayer.${r.shippingPayer}`)],
        ]}
      />
      <h2 className="mic-panel-title mic-support-section">{t("support.request.shipping")}</h2>
      {r.invoiceNumber || r.trackingNumber ? (
        <DescriptionList
          items={[
            [t("support.request.invoiceNumber"), r.invoiceNumber],
            [
              t("support.request.courier"),
              r.courier && isCourier(r.courier) ? t(`courier.${r.courier}`) : r.courier,
            ],
            [t("support.request.trackingNumber"), r.trackingNumber],
            [t("support.request.mailedAt"), formatDateTime(r.mailingAt, lang)],
            [t("support.request.voidedAt"), r.voidedAt ? formatDateTime(r.voidedAt, lang) : null],
          ]}
        />
      ) : (
        <p className="mic-muted">{t("support.request.notShipped")}</p>
      )}
      <h2 className="mic-panel-title mic-support-section">{t("support.request.titleSnapshot")}</h2>
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
      <h2 className="mic-panel-title mic-support-section">{t("support.request.addressSnapshot")}</h2>
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
    </>
  );
}
