import type { InvoiceTitle } from "@mic/contracts";
import { useInvoiceTitles } from "@/api/get-invoice-titles";
import { EntryListPage } from "@/components/entry-list-page";
import { NameWithDefault } from "@/components/entry-list";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useDeleteInvoiceTitle } from "../api/delete-invoice-title";
import { useUpdateInvoiceTitle } from "../api/update-invoice-title";
import { TitleFormDialog } from "./title-form-dialog";

export function TitlesPage() {
  const { t } = useI18n();
  return (
    <EntryListPage<InvoiceTitle>
      query={useInvoiceTitles()}
      createdStateKey="createdTitleId"
      update={useUpdateInvoiceTitle()}
      remove={useDeleteInvoiceTitle()}
      dialog={TitleFormDialog}
      text={{
        title: t("titles.title"),
        desc: t("titles.desc"),
        add: t("titles.add"),
        empty: t("titles.empty"),
        tableLabel: t("titles.tableLabel"),
        defaultSet: t("titles.defaultSet"),
        deleteHeader: t("titles.deleteTitle"),
        deleteBody: (title) => t("titles.deleteConfirm", { name: title.name }),
      }}
      columns={[
        {
          colKey: "name",
          title: t("titles.name"),
          cell: ({ row }) => <NameWithDefault name={row.name} isDefault={row.isDefault} />,
        },
        {
          colKey: "type",
          title: t("titles.type"),
          cell: ({ row }) => t(`titleType.${row.type}`),
          width: 130,
        },
        {
          colKey: "taxpayerId",
          title: t("titles.taxpayerId"),
          cell: ({ row }) => row.taxpayerId ?? "—",
        },
        { colKey: "bankName", title: t("titles.bankName"), cell: ({ row }) => row.bankName ?? "—" },
        {
          colKey: "bankAccount",
          title: t("titles.bankAccount"),
          cell: ({ row }) => row.bankAccount ?? "—",
        },
      ]}
    />
  );
}
