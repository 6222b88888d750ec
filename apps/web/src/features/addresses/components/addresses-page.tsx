import type { MailingAddress } from "@mic/contracts";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { AddIcon } from "tdesign-icons-react";
import { Button, MessagePlugin, Space, Tag } from "tdesign-react";
import { useMailingAddresses } from "@/api/get-mailing-addresses";
import { safeReturnTo } from "@/app/paths";
import { confirmAction } from "@/components/confirm";
import { DataTable } from "@/components/data-table";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, ErrorBlock, LoadingBlock } from "@/components/query-state";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useDeleteMailingAddress } from "../api/delete-mailing-address";
import { useUpdateMailingAddress } from "../api/update-mailing-address";
import { AddressFormDialog } from "./address-form-dialog";

export function AddressesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const addresses = useMailingAddresses();
  const remove = useDeleteMailingAddress();
  const update = useUpdateMailingAddress();
  // ?new=1&returnTo=… comes from the apply page's "add an address" link.
  const [dialog, setDialog] = useState<{ editing: MailingAddress | null } | null>(() =>
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

  const onSaved = (saved: MailingAddress) => {
    setDialog(null);
    // Back to the application that sent us here, with the new entry preselected.
    if (returnTo && dialog?.editing === null) navigate(returnTo, { state: { createdAddressId: saved.id } });
  };

  const setDefault = (address: MailingAddress) =>
    update.mutate(
      { id: address.id, patch: { isDefault: true } },
      {
        onSuccess: () => void MessagePlugin.success(t("addresses.defaultSet")),
        onError: (error) => void MessagePlugin.error(error.message),
      },
    );

  const askDelete = (address: MailingAddress) =>
    confirmAction({
      header: t("addresses.deleteTitle"),
      body: t("addresses.deleteConfirm", { name: address.recipient }),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
      danger: true,
      onConfirm: async () => {
        await remove.mutateAsync(address.id);
        void MessagePlugin.success(t("common.deleted"));
      },
    });

  const addButton = (
    <Button theme="primary" icon={<AddIcon />} onClick={() => setDialog({ editing: null })}>
      {t("addresses.add")}
    </Button>
  );

  return (
    <Page title={t("addresses.title")} description={t("addresses.desc")} actions={addButton}>
      <Panel>
        {addresses.isPending ? (
          <LoadingBlock />
        ) : addresses.isError ? (
          <ErrorBlock error={addresses.error} onRetry={() => void addresses.refetch()} />
        ) : addresses.data.length === 0 ? (
          <EmptyBlock action={addButton}>{t("addresses.empty")}</EmptyBlock>
        ) : (
          <DataTable<MailingAddress>
            label={t("addresses.tableLabel")}
            rowKey="id"
            data={addresses.data}
            columns={[
              {
                colKey: "recipient",
                title: t("addresses.recipient"),
                width: 160,
                cell: ({ row }) => (
                  <Space size={8} align="center">
                    <span>{row.recipient}</span>
                    {row.isDefault ? (
                      <Tag theme="primary" variant="light" size="small">
                        {t("common.default")}
                      </Tag>
                    ) : null}
                  </Space>
                ),
              },
              { colKey: "phone", title: t("addresses.phone"), width: 140 },
              {
                colKey: "address",
                title: t("addresses.fullAddress"),
                cell: ({ row }) => `${row.province} ${row.city} ${row.district} ${row.street}`,
              },
              { colKey: "postalCode", title: t("addresses.postalCode"), width: 110 },
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
      <AddressFormDialog
        open={dialog !== null}
        editing={dialog?.editing ?? null}
        onClose={close}
        onSaved={onSaved}
      />
    </Page>
  );
}
