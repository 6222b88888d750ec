import type { InvoiceRequest } from "@mic/contracts";
import { DescriptionList } from "@/components/description-list";
import { useI18n } from "@/lib/i18n/i18n-provider";

/** The invoice title as it was when the request was made (what gets printed on the invoice). */
export function TitleSnapshot({ title }: { title: InvoiceRequest["title"] }) {
  const { t } = useI18n();
  return (
    <DescriptionList
      items={[
        [t("titles.type"), t(`titleType.${title.type}`)],
        [t("titles.name"), title.name],
        [t("titles.taxpayerId"), title.taxpayerId],
        [t("titles.registeredAddress"), title.registeredAddress],
        [t("titles.registeredPhone"), title.registeredPhone],
        [t("titles.bankName"), title.bankName],
        [t("titles.bankAccount"), title.bankAccount],
      ]}
    />
  );
}

/** The mailing address as it was when the request was made (where the invoice goes). */
export function AddressSnapshot({ address }: { address: InvoiceRequest["address"] }) {
  const { t } = useI18n();
  return (
    <DescriptionList
      items={[
        [t("addresses.recipient"), address.recipient],
        [t("addresses.phone"), address.phone],
        [
          t("addresses.fullAddress"),
          `${address.province} ${address.city} ${address.district} ${address.street}`,
        ],
        [t("addresses.postalCode"), address.postalCode],
      ]}
    />
  );
}
