import { formatAddress } from "@/lib/format-address";
import type { MailingAddress } from "@mic/contracts";
import { useMailingAddresses } from "@/api/get-mailing-addresses";
import { EntryListPage } from "@/components/entry-list-page";
import { NameWithDefault } from "@/components/entry-list";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useDeleteMailingAddress } from "../api/delete-mailing-address";
import { useUpdateMailingAddress } from "../api/update-mailing-address";
import { AddressFormDialog } from "./address-form-dialog";

export function AddressesPage() {
  const { t } = useI18n();
  return (
    <EntryListPage<MailingAddress>
      query={useMailingAddresses()}
      createdStateKey="createdAddressId"
      update={useUpdateMailingAddress()}
      remove={useDeleteMailingAddress()}
      dialog={AddressFormDialog}
      text={{
        title: t("addresses.title"),
        desc: t("addresses.desc"),
        add: t("addresses.add"),
        empty: t("addresses.empty"),
        tableLabel: t("addresses.tableLabel"),
        defaultSet: t("addresses.defaultSet"),
        deleteHeader: t("addresses.deleteTitle"),
        deleteBody: (address) => t("addresses.deleteConfirm", { name: address.recipient }),
      }}
      columns={[
        {
          colKey: "recipient",
          title: t("addresses.recipient"),
          width: 160,
          cell: ({ row }) => <NameWithDefault name={row.recipient} isDefault={row.isDefault} />,
        },
        { colKey: "phone", title: t("addresses.phone"), width: 140 },
        {
          colKey: "address",
          title: t("addresses.fullAddress"),
          cell: ({ row }) => formatAddress(row),
        },
        { colKey: "postalCode", title: t("addresses.postalCode"), width: 110 },
      ]}
    />
  );
}
