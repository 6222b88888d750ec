import { formatAddress } from "@/lib/format-address";
import type { InvoiceRequest } from "@mic/contracts";
import { DescriptionList, type DescriptionItem } from "@/components/description-list";
import { useI18n, type MessageKey } from "@/lib/i18n/i18n-provider";

type Translate = (key: MessageKey) => string;

/** The invoice title as snapshotted on a request or quote: what gets printed on the invoice. */
export const titleSnapshotItems = (title: InvoiceRequest["title"], t: Translate): DescriptionItem[] => [
  [t("titles.type"), t(`titleType.${title.type}`)],
  [t("titles.name"), title.name],
  [t("titles.taxpayerId"), title.taxpayerId],
  [t("titles.registeredAddress"), title.registeredAddress],
  [t("titles.registeredPhone"), title.registeredPhone],
  [t("titles.bankName"), title.bankName],
  [t("titles.bankAccount"), title.bankAccount],
];

/** The mailing address as snapshotted on a request or quote: where the invoice goes. */
export const addressSnapshotItems = (
  address: NonNullable<InvoiceRequest["address"]>,
  t: Translate,
): DescriptionItem[] => [
  [t("addresses.recipient"), address.recipient],
  [t("addresses.phone"), address.phone],
  [t("addresses.fullAddress"), formatAddress(address)],
  [t("addresses.postalCode"), address.postalCode],
];

export function TitleSnapshot({ title }: { title: InvoiceRequest["title"] }) {
  const { t } = useI18n();
  return <DescriptionList items={titleSnapshotItems(title, t)} />;
}

export function AddressSnapshot({ address }: { address: InvoiceRequest["address"] }) {
  const { t } = useI18n();
  return address ? <DescriptionList items={addressSnapshotItems(address, t)} /> : null;
}
