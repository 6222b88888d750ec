import { useDialogRole } from "./use-dialog-role";
import { useEffect, type ReactNode } from "react";
import { Alert, Checkbox, Dialog, Form, MessagePlugin } from "tdesign-react";
import type { z } from "zod";
import { isApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import { DialogActions } from "@/components/dialog-actions";

interface SaveMutation<V, T> {
  mutate: (variables: V, options: { onSuccess: (saved: T) => void; onError: (error: Error) => void }) => void;
  reset: () => void;
  error: Error | null;
  isPending: boolean;
}

interface SaveOptions<T extends { id: string }, F, B> {
  open: boolean;
  /** null: adding a new entry. */
  editing: T | null;
  empty: F;
  toForm: (entry: T) => F;
  /** The entry form's `reset` and `applyServerError` (from useZodForm). */
  form: { reset: (values: F) => void; applyServerError: (error: unknown) => boolean };
  create: SaveMutation<B, T>;
  update: SaveMutation<{ id: string; patch: B }, T>;
  onSaved: (saved: T) => void;
}

/**
 * Add or edit one saved entry (invoice title, mailing address): each opening starts from the entry
 * (or blank) with no leftover errors; 400s go next to the fields, anything else to a message.
 */
export function useEntrySave<T extends { id: string }, F, B>(options: SaveOptions<T, F, B>) {
  const { open, editing, empty, toForm, form, create, update, onSaved } = options;
  const { t } = useI18n();
  const { reset, applyServerError } = form;
  const { reset: resetCreate } = create;
  const { reset: resetUpdate } = update;

  useEffect(() => {
    if (!open) return;
    reset(editing ? toForm(editing) : empty);
    resetCreate();
    resetUpdate();
  }, [open, editing, empty, toForm, reset, resetCreate, resetUpdate]);

  const save = (body: B) => {
    const onError = (error: unknown) => {
      if (!applyServerError(error)) void MessagePlugin.error((error as Error).message);
    };
    const onSuccess = (saved: T) => {
      void MessagePlugin.success(t("common.saved"));
      onSaved(saved);
    };
    if (editing) update.mutate({ id: editing.id, patch: body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  return { mutation: editing ? update : create, save };
}

/** What a saved entry's add/edit dialog (invoice title, mailing address) is given by its list page. */
export interface EntryDialogProps<T> {
  open: boolean;
  /** null: add a new entry. */
  editing: T | null;
  onClose: () => void;
  onSaved: (saved: T) => void;
}

type EntrySchema = z.ZodType<unknown, Record<string, unknown>>;

/**
 * An entry dialog's form: validated by the entry's shared zod schema, saved through useEntrySave;
 * `text(name)` wires a text input to one string field.
 */
export function useEntryForm<S extends EntrySchema, T extends { id: string }, B>(
  schema: S,
  options: Omit<SaveOptions<T, z.input<S>, B>, "form">,
) {
  const form = useZodForm(schema, options.empty);
  const { mutation, save } = useEntrySave({ ...options, form });
  const { values, setField } = form;
  const text = <K extends keyof z.input<S> & string>(name: K) => ({
    name,
    value: (values[name] as string | null | undefined) ?? "",
    onChange: (value: string | number) => setField(name, String(value) as z.input<S>[K]),
  });
  return { form, mutation, save, text };
}

interface EntryFormDialogProps {
  open: boolean;
  header: string;
  labelWidth: number;
  onClose: () => void;
  onSubmit: () => void;
  /** The save's error: a 400 is shown next to the fields, anything else above them. */
  error: Error | null;
  pending: boolean;
  isDefault: boolean;
  defaultLabel: string;
  onDefaultChange: (checked: boolean) => void;
  children: ReactNode;
}

/** The add/edit dialog around an entry's fields, with the 设为默认 box and 取消 / 保存. */
export function EntryFormDialog({
  open,
  header,
  labelWidth,
  onClose,
  onSubmit,
  error,
  pending,
  isDefault,
  defaultLabel,
  onDefaultChange,
  children,
}: EntryFormDialogProps) {
  const { t } = useI18n();
  useDialogRole(open, ".mic-entry-dialog", header);
  return (
    <Dialog
      dialogClassName="mic-entry-dialog"
      visible={open}
      header={header}
      onClose={onClose}
      footer={false}
      width={640}
      destroyOnClose
      closeOnOverlayClick={false}
    >
      <Form labelWidth={labelWidth} labelAlign="right" onSubmit={onSubmit} colon={false} requiredMark={false}>
        {error && !isApiError(error, 400) ? (
          <Alert theme="error" className="mic-gap" message={error.message} />
        ) : null}
        {children}
        <Form.FormItem style={{ marginLeft: labelWidth }}>
          <Checkbox checked={isDefault} onChange={onDefaultChange}>
            {defaultLabel}
          </Checkbox>
        </Form.FormItem>
        <DialogActions onCancel={onClose} submitText={t("common.save")} pending={pending} />
      </Form>
    </Dialog>
  );
}
