import {
  WEBHOOK_EVENT_TYPES,
  webhookEndpointInput,
  type WebhookEndpointInput,
  type WebhookEventType,
} from "@mic/contracts";
import { useId, useState } from "react";
import { Alert, Checkbox, Dialog, Form, Input } from "tdesign-react";
import { Field } from "@/components/field";
import { FieldError } from "@/components/field-error";
import { useDialogRole } from "@/components/use-dialog-role";
import { isApiError, newIdempotencyKey } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import { useCreateWebhookEndpoint, type CreatedWebhookEndpoint } from "../api/mutations";
import { DialogActions } from "@/components/dialog-actions";

const isEventType = (value: unknown): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly unknown[]).includes(value);

const EMPTY: WebhookEndpointInput = { url: "", events: [] };

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (endpoint: CreatedWebhookEndpoint) => void;
}

/** 添加接收地址: the URL and the events to send there; the 201 carries the secret, shown next. */
export function CreateEndpointDialog({ open, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const header = t("webhooks.create.title");
  useDialogRole(open, ".mic-webhook-dialog", header);
  return (
    <Dialog
      dialogClassName="mic-webhook-dialog"
      visible={open}
      header={header}
      onClose={onClose}
      footer={false}
      width={680}
      destroyOnClose
      closeOnOverlayClick={false}
    >
      {/* Mounted per opening: an empty form and a new idempotency key each time. */}
      {open ? <CreateEndpointForm onClose={onClose} onCreated={onCreated} /> : null}
    </Dialog>
  );
}

function CreateEndpointForm({ onClose, onCreated }: Omit<Props, "open">) {
  const { t } = useI18n();
  const errorId = useId();
  const create = useCreateWebhookEndpoint();
  const form = useZodForm(webhookEndpointInput, EMPTY);
  // A double click or a retry after a timeout registers one endpoint, not two.
  const [idempotencyKey] = useState(newIdempotencyKey);

  const submit = () => {
    const body = form.validate();
    if (!body) return;
    create.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (created) => onCreated(created),
        onError: (error) => form.applyServerError(error),
      },
    );
  };

  const events = form.values.events;
  const all = events.length === WEBHOOK_EVENT_TYPES.length;
  const fieldErrorsShown = isApiError(create.error, 400) && Object.keys(create.error.fields).length > 0;

  return (
    <Form labelAlign="top" onSubmit={submit} colon={false} requiredMark={false}>
      {create.error && !fieldErrorsShown ? (
        <Alert theme="error" className="mic-gap" message={create.error.message} />
      ) : null}
      <Field label={t("webhooks.url")} error={form.errors.url} help={t("webhooks.urlHelp")} required>
        <Input
          name="url"
          value={form.values.url}
          placeholder="https://erp.example.com/webhooks/invoices"
          maxlength={2000}
          onChange={(v) => form.setField("url", String(v))}
        />
      </Field>
      <fieldset
        className="mic-webhook-events"
        aria-describedby={form.errors.events ? errorId : undefined}
        aria-invalid={form.errors.events ? true : undefined}
      >
        <legend className="mic-webhook-events-legend">{t("webhooks.events")}</legend>
        <Checkbox
          checked={all}
          indeterminate={!all && events.length > 0}
          onChange={(checked) => form.setField("events", checked ? [...WEBHOOK_EVENT_TYPES] : [])}
        >
          {t("webhooks.allEvents")}
        </Checkbox>
        <Checkbox.Group
          className="mic-webhook-events-list"
          value={events}
          onChange={(value) => form.setField("events", value.filter(isEventType))}
        >
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <Checkbox key={type} value={type}>
              <span>{t(`event.${type}`)}</span>
              <code className="mic-webhook-event-code">{type}</code>
            </Checkbox>
          ))}
        </Checkbox.Group>
        <FieldError id={errorId} error={form.errors.events} />
      </fieldset>
      <DialogActions onCancel={onClose} submitText={t("webhooks.create.submit")} pending={create.isPending} />
    </Form>
  );
}
