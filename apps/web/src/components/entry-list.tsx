import { useState, type ReactNode } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { Button, MessagePlugin, Space, Tag } from "tdesign-react";
import { safeReturnTo } from "@/app/paths";
import { confirmAction } from "@/components/confirm";
import { useI18n } from "@/lib/i18n/i18n-provider";

interface Entry {
  id: string;
  isDefault: boolean;
}

export interface EntryListOptions<T extends Entry> {
  /** Router state naming the new entry for the page in `returnTo`, e.g. "createdTitleId". */
  createdStateKey: string;
  /** PATCH { isDefault: true }; the API clears the previous default. */
  update: {
    mutate: (
      variables: { id: string; patch: { isDefault: true } },
      options: { onSuccess: () => void; onError: (error: Error) => void },
    ) => void;
    isPending: boolean;
    variables?: { id: string } | undefined;
  };
  remove: { mutateAsync: (id: string) => Promise<unknown> };
  text: { defaultSet: string; deleteHeader: string; deleteBody: (entry: T) => string };
}

/**
 * The saved-entry lists (invoice titles, mailing addresses): the add/edit dialog's state, the return
 * to an application that asked for a new entry, and each row's edit / set default / delete.
 */
export function useEntryList<T extends Entry>({
  createdStateKey,
  update,
  remove,
  text,
}: EntryListOptions<T>) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // ?new=1&returnTo=… comes from the apply page's "add a title / an address" link.
  const [dialog, setDialog] = useState<{ editing: T | null } | null>(() =>
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

  const onSaved = (saved: T) => {
    setDialog(null);
    // Back to the application that sent us here, with the new entry preselected.
    if (returnTo && dialog?.editing === null) navigate(returnTo, { state: { [createdStateKey]: saved.id } });
  };

  const setDefault = (entry: T) =>
    update.mutate(
      { id: entry.id, patch: { isDefault: true } },
      {
        onSuccess: () => void MessagePlugin.success(text.defaultSet),
        onError: (error) => void MessagePlugin.error(error.message),
      },
    );

  const askDelete = (entry: T) =>
    confirmAction({
      header: text.deleteHeader,
      body: text.deleteBody(entry),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
      danger: true,
      onConfirm: async () => {
        await remove.mutateAsync(entry.id);
        void MessagePlugin.success(t("common.deleted"));
      },
    });

  const rowActions = (entry: T): ReactNode => (
    <Space size={4}>
      <Button variant="text" theme="primary" onClick={() => setDialog({ editing: entry })}>
        {t("common.edit")}
      </Button>
      {entry.isDefault ? null : (
        <Button
          variant="text"
          theme="primary"
          loading={update.isPending && update.variables?.id === entry.id}
          onClick={() => setDefault(entry)}
        >
          {t("common.setDefault")}
        </Button>
      )}
      <Button variant="text" theme="danger" onClick={() => askDelete(entry)}>
        {t("common.delete")}
      </Button>
    </Space>
  );

  return {
    dialogOpen: dialog !== null,
    editing: dialog?.editing ?? null,
    openAdd: () => setDialog({ editing: null }),
    close,
    onSaved,
    rowActions,
  };
}

/** An entry's name with a 默认 tag on the default one. */
export function NameWithDefault({ name, isDefault }: { name: string; isDefault: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={8} align="center">
      <span>{name}</span>
      {isDefault ? (
        <Tag theme="primary" variant="light" size="small">
          {t("common.default")}
        </Tag>
      ) : null}
    </Space>
  );
}
