import type { InvoiceTitle } from "@mic/contracts";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { AddIcon } from "tdesign-icons-react";
import { Button, MessagePlugin, Space, Tag } from "tdesign-react";
import { useInvoiceTitles } from "@/api/get-invoice-titles";
import { safeReturnTo } from "@/app/paths";
import { confirmAction } from "@/components/confirm";
import { DataTable } from "@/components/data-table";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, ErrorBlock, LoadingBlock } from "@/components/query-state";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useDeleteInvoiceTitle } from "../api/delete-invoice-title";
import { useUpdateInvoiceTitle } from "../api/update-invoice-title";
import { TitleFormDialog } from "./title-form-dialog";

export function TitlesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const titles = useInvoiceTitles();
  const remove = useDeleteInvoiceTitle();
  const update = useUpdateInvoiceTitle();
  // ?new=1&returnTo=… comes from the apply page's "add a title" link.
  const [dialog, setDialog] = useState<{ editing: InvoiceTitle | null } | null>(() =>
    params.get("new") === "1" ? { editing: null } : null,
  );
  const returnTo = safeReturnTo(params.get("returnTo"));

  const close = () => {
    setDialog(null);
    if (params.has("new")) {
      params.delete("new");
      setParams(params, { replace: true });
    }
  };

  const onSaved = (saved: InvoiceTitle) => {
    setDialog(null);
    // Back to the application that sent us here, with the new entry preselected.
    if (returnTo && dialog?.editing === null) navigate(returnTo, { state: { createdTitleId: saved.id } });
  };

  const setDefault = (title: InvoiceTitle) =>
    update.mutate(
      { id: title.id, patch: { isDefault: true } },
      {
        onSuccess: () => void MessagePlugin.success(t("titles.defaultSet")),
        onError: (error) => void MessagePlugin.error(error.message),
      },
    );

  const askDelete = (title: InvoiceTitle) =>
    confirmAction({
      header: t("titles.deleteTitle"),
      body: t("titles.deleteConfirm", { name: title.name }),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
      danger: true,
      onConfirm: async () => {
        await remove.mutateAsync(title.id);
        void MessagePlugin.success(t("common.deleted"));
      },
    });

  const addButton = (
    <Button theme="primary" icon={<AddIcon />} onClick={() => setDialog({ editing: null })}>
      {t("titles.add")}
    </Button>
  );

  return (
    <Page title={t("titles.title")} description={t("titles.desc")} actions={addButton}>
      <Panel>
        {titles.isPending ? (
          <LoadingBlock />
        ) : titles.isError ? (
          <ErrorBlock error={titles.error} onRetry={() => void titles.refetch()} />
        ) : titles.data.length === 0 ? (
          <EmptyBlock action={addButton}>{t("titles.empty")}</EmptyBlock>
        ) : (
          <DataTable<InvoiceTitle>
            label={t("titles.tableLabel")}
            rowKey="id"
            data={titles.data}
            columns={[
              {
                colKey: "name",
                title: t("titles.name"),
                cell: ({ row }) => (
                  <Space size={8} align="center">
                    <span>{row.name}</span>
                    {row.isDefault ? (
                      <Tag theme="primary" variant="light" size="small">
                        {t("common.default")}
                      </Tag>
                    ) : null}
                  </Space>
                ),
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
                cell: ({ row }) => (
                  <Space size={4}>
                    <Button variant="text" theme="primary" onClick={() => setDialog({ editing: row })}>
                      {t("common.edit")}
                    </Button>
                    {row.isDefault ? null : (
                      <Button
                        variant="text"
                        theme="primary"
                        loading={update.isPending && update.variables?.id === row.id}
                        onClick={() => setDefault(row)}
                      >
                        {t("common.setDefault")}
                      </Button>
                    )}
                    <Button variant="text" theme="danger" onClick={() => askDelete(row)}>
                      {t("common.delete")}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Panel>
      <TitleFormDialog
        open={dialog !== null}
        editing={dialog?.editing ?? null}
        onClose={close}
        onSaved={onSaved}
      />
    </Page>
  );
}
