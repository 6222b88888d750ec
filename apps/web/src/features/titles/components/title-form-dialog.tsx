import { invoiceTitleInput, type InvoiceTitle, type InvoiceTitleInput } from "@mic/contracts";
import { TITLE_TYPES } from "@mic/domain";
import { useEffect } from "react";
import { Alert, Button, Checkbox, Dialog, Form, Input, MessagePlugin, Radio } from "tdesign-react";
import { Field } from "@/components/field";
import { isApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import { useCreateInvoiceTitle } from "../api/create-invoice-title";
import { useUpdateInvoiceTitle } from "../api/update-invoice-title";

const EMPTY: InvoiceTitleInput = {
  type: "ENTERPRISE",
  name: "",
  taxpayerId: "",
  registeredAddress: "",
  registeredPhone: "",
  bankName: "",
  bankAccount: "",
  isDefault: false,
};

const toForm = (title: InvoiceTitle): InvoiceTitleInput => ({
  type: title.type,
  name: title.name,
  taxpayerId: title.taxpayerId ?? "",
  registeredAddress: title.registeredAddress ?? "",
  registeredPhone: title.registeredPhone ?? "",
  bankName: title.bankName ?? "",
  bankAccount: title.bankAccount ?? "",
  isDefault: title.isDefault,
});

interface Props {
  open: boolean;
  /** null: add a new title. */
  editing: InvoiceTitle | null;
  onClose: () => void;
  onSaved: (title: InvoiceTitle) => void;
}

export function TitleFormDialog({ open, editing, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const form = useZodForm(invoiceTitleInput, EMPTY);
  const create = useCreateInvoiceTitle();
  const update = useUpdateInvoiceTitle();
  const mutation = editing ? update : create;
  const { reset } = form;
  const { reset: resetCreate } = create;
  const { reset: resetUpdate } = update;

  useEffect(() => {
    if (!open) return;
    reset(editing ? toForm(editing) : EMPTY);
    resetCreate();
    resetUpdate();
  }, [open, editing, reset, resetCreate, resetUpdate]);

  const v = form.values;
  const isIndividual = v.type === "INDIVIDUAL";

  const submit = () => {
    // An individual has no taxpayer id or bank details: hidden fields are not sent.
    const override = isIndividual
      ? {
          ...v,
          taxpayerId: null,
          registeredAddress: null,
          registeredPhone: null,
          bankName: null,
          bankAccount: null,
        }
      : v;
    const body = form.validate({ override });
    if (!body) return;
    const onError = (error: unknown) => {
      if (!form.applyServerError(error)) void MessagePlugin.error((error as Error).message);
    };
    const onSuccess = (title: InvoiceTitle) => {
      void MessagePlugin.success(t("common.saved"));
      onSaved(title);
    };
    if (editing) update.mutate({ id: editing.id, patch: body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  const text = (
    name: "name" | "taxpayerId" | "registeredAddress" | "registeredPhone" | "bankName" | "bankAccount",
  ) => ({
    name,
    value: v[name] ?? "",
    onChange: (value: string | number) => form.setField(name, String(value)),
  });

  return (
    <Dialog
      visible={open}
      header={editing ? t("titles.edit") : t("titles.add")}
      onClose={onClose}
      footer={false}
      width={640}
      destroyOnClose
      closeOnOverlayClick={false}
    >
      <Form labelWidth={120} labelAlign="right" onSubmit={submit} colon={false} requiredMark={false}>
        {mutation.error && !isApiError(mutation.error, 400) ? (
          <Alert theme="error" className="mic-gap" message={mutation.error.message} />
        ) : null}
        <Field label={t("titles.type")} error={form.errors.type} group required>
          <Radio.Group
            value={v.type}
            onChange={(value) => form.setField("type", value)}
            options={TITLE_TYPES.map((type) => ({ value: type, label: t(`titleType.${type}`) }))}
          />
        </Field>
        <Field label={t("titles.name")} error={form.errors.name} required>
          <Input {...text("name")} placeholder={t("titles.namePlaceholder")} maxlength={100} />
        </Field>
        {isIndividual ? null : (
          <>
            <Field
              label={t("titles.taxpayerId")}
              error={form.errors.taxpayerId}
              required={v.type === "ENTERPRISE"}
            >
              <Input {...text("taxpayerId")} placeholder={t("titles.taxpayerIdPlaceholder")} maxlength={20} />
            </Field>
            <p className="mic-muted mic-small" style={{ margin: "0 0 12px 120px" }}>
              {t("titles.specialHint")}
            </p>
            <Field label={t("titles.registeredAddress")} error={form.errors.registeredAddress}>
              <Input {...text("registeredAddress")} maxlength={200} />
            </Field>
            <Field label={t("titles.registeredPhone")} error={form.errors.registeredPhone}>
              <Input {...text("registeredPhone")} maxlength={20} />
            </Field>
            <Field label={t("titles.bankName")} error={form.errors.bankName}>
              <Input {...text("bankName")} maxlength={100} />
            </Field>
            <Field label={t("titles.bankAccount")} error={form.errors.bankAccount}>
              <Input {...text("bankAccount")} maxlength={30} />
            </Field>
          </>
        )}
        <Form.FormItem style={{ marginLeft: 120 }}>
          <Checkbox checked={!!v.isDefault} onChange={(checked) => form.setField("isDefault", checked)}>
            {t("titles.isDefault")}
          </Checkbox>
        </Form.FormItem>
        <div className="mic-actions-row" style={{ justifyContent: "flex-end" }}>
          <Button variant="outline" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" theme="primary" loading={mutation.isPending}>
            {t("common.save")}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
