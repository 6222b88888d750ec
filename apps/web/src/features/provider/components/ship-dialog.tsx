import { COURIERS, shipInput, type InvoiceRequest } from "@mic/contracts";
import { useState } from "react";
import type { z } from "zod";
import { Alert, Dialog, Form, Input, MessagePlugin, Select } from "tdesign-react";
import { Field } from "@/components/field";
import { formatMoney } from "@/components/money";
import { useDialogRole } from "@/components/use-dialog-role";
import { isApiError, newIdempotencyKey } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import { useShipInvoiceRequest } from "../api/ship-invoice-request";
import { DialogActions } from "@/components/dialog-actions";

// The courier select starts empty so staff must choose; the schema then reports "required".
const EMPTY = {
  invoiceNumber: "",
  courier: "",
  courierName: "",
  trackingNumber: "",
} as unknown as z.input<typeof shipInput>;

/** 寄出发票: PROCESSING → MAILING. This dialog is the confirmation; shipping cannot be undone. */
export function ShipDialog({ request, onClose }: { request: InvoiceRequest | null; onClose: () => void }) {
  const { t } = useI18n();
  useDialogRole(request !== null, ".mic-ship-dialog", t("provider.shipTitle"));
  return (
    <Dialog
      visible={request !== null}
      header={t("provider.shipTitle")}
      onClose={onClose}
      footer={false}
      width={600}
      destroyOnClose
      closeOnOverlayClick={false}
      dialogClassName="mic-ship-dialog"
    >
      {/* Keyed by request: each opening starts with an empty form and a new idempotency key. */}
      {request ? <ShipForm key={request.id} request={request} onClose={onClose} /> : null}
    </Dialog>
  );
}

function ShipForm({ request, onClose }: { request: InvoiceRequest; onClose: () => void }) {
  const { t } = useI18n();
  const ship = useShipInvoiceRequest();
  const form = useZodForm(shipInput, EMPTY);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const isOther = form.values.courier === "OTHER";

  const submit = () => {
    // A courier of the list goes by its code (the API answers with its name, SPEC §8); any other by
    // the name typed, up to 50 characters.
    const typed = form.values.courierName?.trim() ?? "";
    if (isOther && !typed) {
      form.setErrors({ courierName: "required" });
      return;
    }
    const body = form.validate({
      override: { ...form.values, courier: isOther ? typed : form.values.courier, courierName: undefined },
    });
    if (!body) return;
    ship.mutate(
      { id: request.id, body, idempotencyKey },
      {
        onSuccess: () => {
          void MessagePlugin.success(t("provider.shipped"));
          onClose();
        },
        onError: (error) => form.applyServerError(error, isOther ? { courier: "courierName" } : {}),
      },
    );
  };

  const fieldErrorsShown = isApiError(ship.error, 400) && Object.keys(ship.error.fields).length > 0;

  return (
    <>
      <p className="mic-muted" style={{ marginTop: 0 }}>
        {t("provider.shipSummary", {
          tenant: request.tenantName,
          amount: formatMoney(request.amount),
          title: request.title.name,
          payer: request.shippingPayer ? t(`provider.shippingPayer.${request.shippingPayer}`) : "—",
        })}
      </p>
      <Alert theme="warning" className="mic-gap" message={t("provider.shipWarning")} />
      {ship.error && !fieldErrorsShown ? (
        <div role="alert" className="mic-gap">
          <Alert theme="error" message={ship.error.message} />
        </div>
      ) : null}
      <Form labelAlign="top" onSubmit={submit} colon={false} requiredMark={false}>
        <Field label={t("provider.invoiceNumber")} error={form.errors.invoiceNumber} required>
          <Input
            name="invoiceNumber"
            value={form.values.invoiceNumber}
            maxlength={30}
            placeholder={t("provider.invoiceNumberPlaceholder")}
            onChange={(v) => form.setField("invoiceNumber", String(v))}
          />
        </Field>
        <Field label={t("provider.courier")} error={form.errors.courier} required>
          <Select
            value={form.values.courier || undefined}
            placeholder={t("provider.courierPlaceholder")}
            onChange={(v) => form.setField("courier", typeof v === "string" ? v : "")}
            options={COURIERS.map((c) => ({ value: c, label: t(`courier.${c}`) }))}
          />
        </Field>
        {isOther ? (
          <Field label={t("provider.courierName")} error={form.errors.courierName} required>
            <Input
              name="courierName"
              value={form.values.courierName ?? ""}
              maxlength={50}
              onChange={(v) => form.setField("courierName", String(v))}
            />
          </Field>
        ) : null}
        <Field label={t("provider.trackingNumber")} error={form.errors.trackingNumber} required>
          <Input
            name="trackingNumber"
            value={form.values.trackingNumber}
            maxlength={40}
            placeholder={t("provider.trackingNumberPlaceholder")}
            onChange={(v) => form.setField("trackingNumber", String(v))}
          />
        </Field>
        <DialogActions onCancel={onClose} submitText={t("provider.shipSubmit")} pending={ship.isPending} />
      </Form>
    </>
  );
}
