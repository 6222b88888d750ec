import { mailingAddressInput, type MailingAddress, type MailingAddressInput } from "@mic/contracts";
import { useEffect } from "react";
import { Alert, Button, Checkbox, Dialog, Form, Input, MessagePlugin } from "tdesign-react";
import { Field } from "@/components/field";
import { isApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
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

interface Props {
  open: boolean;
  editing: MailingAddress | null;
  onClose: () => void;
  onSaved: (address: MailingAddress) => void;
}

export function AddressFormDialog({ open, editing, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const form = useZodForm(mailingAddressInput, EMPTY);
  const create = useCreateMailingAddress();
  const update = useUpdateMailingAddress();
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
  const regionError = form.errors.province ?? form.errors.city ?? form.errors.district;

  const submit = () => {
    const body = form.validate();
    if (!body) return;
    const onError = (error: unknown) => {
      if (!form.applyServerError(error)) void MessagePlugin.error((error as Error).message);
    };
    const onSuccess = (address: MailingAddress) => {
      void MessagePlugin.success(t("common.saved"));
      onSaved(address);
    };
    if (editing) update.mutate({ id: editing.id, patch: body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  const text = (name: "recipient" | "phone" | "street" | "postalCode") => ({
    name,
    value: v[name] ?? "",
    onChange: (value: string | number) => form.setField(name, String(value)),
  });

  return (
    <Dialog
      visible={open}
      header={editing ? t("addresses.edit") : t("addresses.add")}
      onClose={onClose}
      footer={false}
      width={640}
      destroyOnClose
      closeOnOverlayClick={false}
    >
      <Form labelWidth={110} labelAlign="right" onSubmit={submit} colon={false} requiredMark={false}>
        {mutation.error && !isApiError(mutation.error, 400) ? (
          <Alert theme="error" className="mic-gap" message={mutation.error.message} />
        ) : null}
        <Field label={t("addresses.recipient")} error={form.errors.recipient} required>
          <Input {...text("recipient")} maxlength={50} autocomplete="name" />
        </Field>
        <Field label={t("addresses.phone")} error={form.errors.phone} required>
          <Input {...text("phone")} maxlength={11} autocomplete="tel" type="tel" />
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
          <Input {...text("street")} maxlength={200} placeholder={t("addresses.streetPlaceholder")} />
        </Field>
        <Field label={t("addresses.postalCode")} error={form.errors.postalCode} required>
          <Input {...text("postalCode")} maxlength={6} autocomplete="postal-code" />
        </Field>
        <Form.FormItem style={{ marginLeft: 110 }}>
          <Checkbox checked={!!v.isDefault} onChange={(checked) => form.setField("isDefault", checked)}>
            {t("addresses.isDefault")}
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
