import { useDialogRole } from "@/components/use-dialog-role";
import { ticketInput } from "@mic/contracts";
import { useEffect } from "react";
import { Alert, Dialog, Form, Input, MessagePlugin, Textarea } from "tdesign-react";
import { Field } from "@/components/field";
import { isApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import { useCreateTicket } from "../api/create-ticket";
import { DialogActions } from "@/components/dialog-actions";

/** 申请作废（退票）: the tenant reports the mailed-back invoice so support can void it. */
export function TicketDialog({
  requestId,
  open,
  onClose,
}: {
  requestId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const create = useCreateTicket();
  const form = useZodForm(ticketInput, { requestId, returnTrackingNumber: "", message: "" });
  const { reset } = form;
  const { reset: resetMutation } = create;

  useEffect(() => {
    if (!open) return;
    reset({ requestId, returnTrackingNumber: "", message: "" });
    resetMutation();
  }, [open, requestId, reset, resetMutation]);

  const submit = () => {
    const body = form.validate();
    if (!body) return;
    create.mutate(body, {
      onSuccess: () => {
        void MessagePlugin.success(t("detail.ticketCreated"));
        onClose();
      },
      onError: (error) => form.applyServerError(error),
    });
  };

  useDialogRole(open, ".mic-ticket-dialog", t("detail.ticketTitle"));
  return (
    <Dialog
      dialogClassName="mic-ticket-dialog"
      visible={open}
      header={t("detail.ticketTitle")}
      onClose={onClose}
      footer={false}
      width={600}
      destroyOnClose
      closeOnOverlayClick={false}
    >
      <p className="mic-muted" style={{ marginTop: 0 }}>
        {t("detail.ticketDesc")}
      </p>
      {create.error && !(isApiError(create.error, 400) && Object.keys(create.error.fields).length > 0) ? (
        <div role="alert" className="mic-gap">
          <Alert theme="error" message={create.error.message} />
        </div>
      ) : null}
      <Form labelAlign="top" onSubmit={submit} colon={false} requiredMark={false}>
        <Field label={t("detail.returnTrackingNumber")} error={form.errors.returnTrackingNumber} required>
          <Input
            name="returnTrackingNumber"
            value={form.values.returnTrackingNumber}
            maxlength={40}
            allowInputOverMax
            showLimitNumber
            onChange={(v) => form.setField("returnTrackingNumber", String(v))}
          />
        </Field>
        <Field label={t("detail.ticketMessage")} error={form.errors.message} required>
          <Textarea
            name="message"
            value={form.values.message}
            maxlength={1000}
            allowInputOverMax
            autosize={{ minRows: 3, maxRows: 6 }}
            placeholder={t("detail.ticketMessagePlaceholder")}
            onChange={(v) => form.setField("message", String(v))}
          />
        </Field>
        <DialogActions onCancel={onClose} submitText={t("detail.ticketSubmit")} pending={create.isPending} />
      </Form>
    </Dialog>
  );
}
