import { invoiceTitleInput, type InvoiceTitle, type InvoiceTitleInput } from "@mic/contracts";
import { TITLE_TYPES } from "@mic/domain";
import { Input, Radio } from "tdesign-react";
import { EntryFormDialog, useEntryForm, type EntryDialogProps } from "@/components/entry-form-dialog";
import { Field } from "@/components/field";
import { useI18n } from "@/lib/i18n/i18n-provider";
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

export function TitleFormDialog({ open, editing, onClose, onSaved }: EntryDialogProps<InvoiceTitle>) {
  const { t } = useI18n();
  const { form, mutation, save, text } = useEntryForm(invoiceTitleInput, {
    open,
    editing,
    empty: EMPTY,
    toForm,
    create: useCreateInvoiceTitle(),
    update: useUpdateInvoiceTitle(),
    onSaved,
  });

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
    if (body) save(body);
  };

  return (
    <EntryFormDialog
      open={open}
      header={editing ? t("titles.edit") : t("titles.add")}
      labelWidth={120}
      onClose={onClose}
      onSubmit={submit}
      error={mutation.error}
      pending={mutation.isPending}
      isDefault={!!v.isDefault}
      defaultLabel={t("titles.isDefault")}
      onDefaultChange={(checked) => form.setField("isDefault", checked)}
    >
      <Field label={t("titles.type")} error={form.errors.type} group required>
        <Radio.Group
          value={v.type}
          onChange={(value) => form.setField("type", value)}
          options={TITLE_TYPES.map((type) => ({ value: type, label: t(`titleType.${type}`) }))}
        />
      </Field>
      <Field label={t("titles.name")} error={form.errors.name} required>
        <Input
          {...text("name")}
          placeholder={t("titles.namePlaceholder")}
          maxlength={100}
          allowInputOverMax
          showLimitNumber
        />
      </Field>
      {isIndividual ? null : (
        <>
          <Field
            label={t("titles.taxpayerId")}
            error={form.errors.taxpayerId}
            required={v.type === "ENTERPRISE"}
          >
            <Input
              {...text("taxpayerId")}
              placeholder={t("titles.taxpayerIdPlaceholder")}
              maxlength={20}
              allowInputOverMax
              showLimitNumber
            />
          </Field>
          <p className="mic-muted mic-small" style={{ margin: "0 0 12px 120px" }}>
            {t("titles.specialHint")}
          </p>
          <Field label={t("titles.registeredAddress")} error={form.errors.registeredAddress}>
            <Input {...text("registeredAddress")} maxlength={200} allowInputOverMax showLimitNumber />
          </Field>
          <Field label={t("titles.registeredPhone")} error={form.errors.registeredPhone}>
            <Input {...text("registeredPhone")} maxlength={20} allowInputOverMax showLimitNumber />
          </Field>
          <Field label={t("titles.bankName")} error={form.errors.bankName}>
            <Input {...text("bankName")} maxlength={100} allowInputOverMax showLimitNumber />
          </Field>
          <Field label={t("titles.bankAccount")} error={form.errors.bankAccount}>
            <Input {...text("bankAccount")} maxlength={30} allowInputOverMax showLimitNumber />
          </Field>
        </>
      )}
    </EntryFormDialog>
  );
}
