import { mailingAddressInput, type MailingAddress, type MailingAddressInput } from "@mic/contracts";
import { Input } from "tdesign-react";
import { EntryFormDialog, useEntryForm, type EntryDialogProps } from "@/components/entry-form-dialog";
import { Field } from "@/components/field";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useCreateMailingAddress } from "../api/create-mailing-address";
import { useUpdateMailingAddress } from "../api/update-mailing-address";
import { RegionCascader } from "./region-cascader";

const EMPTY: MailingAddressInput = {
  recipient: "",
  phone: "",
  province: "",
  city: "",
  district: "",
  street: "",
  postalCode: "",
  isDefault: false,
};

const toForm = (a: MailingAddress): MailingAddressInput => ({
  recipient: a.recipient,
  phone: a.phone,
  province: a.province,
  city: a.city,
  district: a.district,
  street: a.street,
  postalCode: a.postalCode,
  isDefault: a.isDefault,
});

export function AddressFormDialog({ open, editing, onClose, onSaved }: EntryDialogProps<MailingAddress>) {
  const { t } = useI18n();
  const { form, mutation, save, text } = useEntryForm(mailingAddressInput, {
    open,
    editing,
    empty: EMPTY,
    toForm,
    create: useCreateMailingAddress(),
    update: useUpdateMailingAddress(),
    onSaved,
  });

  const v = form.values;
  const regionError = form.errors.province ?? form.errors.city ?? form.errors.district;

  const submit = () => {
    const body = form.validate();
    if (body) save(body);
  };

  return (
    <EntryFormDialog
      open={open}
      header={editing ? t("addresses.edit") : t("addresses.add")}
      labelWidth={110}
      onClose={onClose}
      onSubmit={submit}
      error={mutation.error}
      pending={mutation.isPending}
      isDefault={!!v.isDefault}
      defaultLabel={t("addresses.isDefault")}
      onDefaultChange={(checked) => form.setField("isDefault", checked)}
    >
      <Field label={t("addresses.recipient")} error={form.errors.recipient} required>
        <Input {...text("recipient")} maxlength={50} allowInputOverMax showLimitNumber autocomplete="name" />
      </Field>
      <Field label={t("addresses.phone")} error={form.errors.phone} required>
        <Input
          {...text("phone")}
          maxlength={11}
          allowInputOverMax
          showLimitNumber
          autocomplete="tel"
          type="tel"
        />
      </Field>
      <Field label={t("addresses.region")} error={regionError} required>
        <RegionCascader
          value={[v.province, v.city, v.district].filter((x): x is string => !!x)}
          placeholder={t("addresses.regionPlaceholder")}
          status={regionError ? "error" : undefined}
          onChange={([province = "", city = "", district = ""]) => {
            form.setField("province", province);
            form.setField("city", city);
            form.setField("district", district);
          }}
        />
      </Field>
      <Field label={t("addresses.street")} error={form.errors.street} required>
        <Input
          {...text("street")}
          maxlength={200}
          allowInputOverMax
          showLimitNumber
          placeholder={t("addresses.streetPlaceholder")}
        />
      </Field>
      <Field label={t("addresses.postalCode")} error={form.errors.postalCode} required>
        <Input
          {...text("postalCode")}
          maxlength={6}
          allowInputOverMax
          showLimitNumber
          autocomplete="postal-code"
        />
      </Field>
    </EntryFormDialog>
  );
}
