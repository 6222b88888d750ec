import type { InvoiceTitle } from "@mic/contracts";
import { AddIcon } from "tdesign-icons-react";
import { Button } from "tdesign-react";
import { useInvoiceTitles } from "@/api/get-invoice-titles";
import { DataTable } from "@/components/data-table";
import { NameWithDefault, useEntryList } from "@/components/entry-list";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, QueryState } from "@/components/query-state";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useDeleteInvoiceTitle } from "../api/delete-invoice-title";
import { useUpdateInvoiceTitle } from "../api/update-invoice-title";
import { TitleFormDialog } from "./title-form-dialog";

export function TitlesPage() {
  const { t } = useI18n();
  const titles = useInvoiceTitles();
  const remove = useDeleteInvoiceTitle();
  const update = useUpdateInvoiceTitle();
  const list = useEntryList<InvoiceTitle>({
    createdStateKey: "createdTitleId",
    update,
    remove,
    text: {
      defaultSet: t("titles.defaultSet"),
      deleteHeader: t("titles.deleteTitle"),
      deleteBody: (title) => t("titles.deleteConfirm", { name: title.name }),
    },
  });

  const addButton = (
    <Button theme="primary" icon={<AddIcon />} onClick={list.openAdd}>
      {t("titles.add")}
    </Button>
  );

  return (
    <Page title={t("titles.title")} description={t("titles.desc")} actions={addButton}>
      <Panel>
        <QueryState query={titles} empty={<EmptyBlock action={addButton}>{t("titles.empty")}</EmptyBlock>}>
          {() => (
            <DataTable<InvoiceTitle>
              label={t("titles.tableLabel")}
              rowKey="id"
              data={titles.data}
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
      <TitleFormDialog
        open={list.dialogOpen}
        editing={list.editing}
        onClose={list.close}
        onSaved={list.onSaved}
      />
    </Page>
  );
}
