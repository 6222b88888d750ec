import { formatAddress } from "@/lib/format-address";
import type { MailingAddress } from "@mic/contracts";
import { AddIcon } from "tdesign-icons-react";
import { Button } from "tdesign-react";
import { useMailingAddresses } from "@/api/get-mailing-addresses";
import { DataTable } from "@/components/data-table";
import { NameWithDefault, useEntryList } from "@/components/entry-list";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, QueryState } from "@/components/query-state";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useDeleteMailingAddress } from "../api/delete-mailing-address";
import { useUpdateMailingAddress } from "../api/update-mailing-address";
import { AddressFormDialog } from "./address-form-dialog";

export function AddressesPage() {
  const { t } = useI18n();
  const addresses = useMailingAddresses();
  const remove = useDeleteMailingAddress();
  const update = useUpdateMailingAddress();
  const list = useEntryList<MailingAddress>({
    createdStateKey: "createdAddressId",
    update,
    remove,
    text: {
      defaultSet: t("addresses.defaultSet"),
      deleteHeader: t("addresses.deleteTitle"),
      deleteBody: (address) => t("addresses.deleteConfirm", { name: address.recipient }),
    },
  });

  const addButton = (
    <Button theme="primary" icon={<AddIcon />} onClick={list.openAdd}>
      {t("addresses.add")}
    </Button>
  );

  return (
    <Page title={t("addresses.title")} description={t("addresses.desc")} actions={addButton}>
      <Panel>
        <QueryState
          query={addresses}
          empty={<EmptyBlock action={addButton}>{t("addresses.empty")}</EmptyBlock>}
        >
          {() => (
            <DataTable<MailingAddress>
              label={t("addresses.tableLabel")}
              rowKey="id"
              data={addresses.data}
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
                {
                  colKey: "actions",
                  title: t("common.actions"),
                  width: 220,
                  cell: ({ row }) => list.rowActions(row),
                },
              ]}
            />
          )}
        </QueryState>
      </Panel>
      <AddressFormDialog
        open={list.dialogOpen}
        editing={list.editing}
        onClose={list.close}
        onSaved={list.onSaved}
      />
    </Page>
  );
}
