import type { ComponentType } from "react";
import { AddIcon } from "tdesign-icons-react";
import { Button, type BaseTableCol } from "tdesign-react";
import { DataTable } from "@/components/data-table";
import type { EntryDialogProps } from "@/components/entry-form-dialog";
import { useEntryList, type EntryListOptions } from "@/components/entry-list";
import { Page, Panel } from "@/components/page";
import { EmptyBlock, QueryState, type QueryLike } from "@/components/query-state";
import { useI18n } from "@/lib/i18n/i18n-provider";

interface EntryListPageProps<
  T extends { id: string; isDefault: boolean } & Record<string, unknown>,
> extends EntryListOptions<T> {
  text: EntryListOptions<T>["text"] & {
    title: string;
    desc: string;
    add: string;
    empty: string;
    tableLabel: string;
  };
  query: QueryLike<T[]>;
  /** The entry's own columns; the row actions (edit / set default / delete) come last. */
  columns: BaseTableCol<T>[];
  /** The add/edit dialog. */
  dialog: ComponentType<EntryDialogProps<T>>;
}

/**
 * A page of saved entries (invoice titles, mailing addresses): the 添加 button in the header and in
 * the empty state, the table with each row's actions, and the add/edit dialog.
 */
export function EntryListPage<T extends { id: string; isDefault: boolean } & Record<string, unknown>>({
  text,
  query,
  columns,
  dialog: Dialog,
  ...options
}: EntryListPageProps<T>) {
  const { t } = useI18n();
  const list = useEntryList<T>({ ...options, text });

  const addButton = (
    <Button theme="primary" icon={<AddIcon />} onClick={list.openAdd}>
      {text.add}
    </Button>
  );

  return (
    <Page title={text.title} description={text.desc} actions={addButton}>
      <Panel>
        <QueryState query={query} empty={<EmptyBlock action={addButton}>{text.empty}</EmptyBlock>}>
          {(data) => (
            <DataTable<T>
              label={text.tableLabel}
              rowKey="id"
              data={data}
              columns={[
                ...columns,
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
      <Dialog open={list.dialogOpen} editing={list.editing} onClose={list.close} onSaved={list.onSaved} />
    </Page>
  );
}
