import { useEffect, useId } from "react";
import { Alert, Button, Checkbox, Dialog, Form, Input } from "tdesign-react";
import { Field } from "@/components/field";
import { FieldError } from "@/components/field-error";
import { useDialogRole } from "@/components/use-dialog-role";
import { isApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import {
  WEBHOOK_EVENT_TYPES,
  webhookEndpointInput,
  type WebhookEndpointInput,
  type WebhookEventType,
} from "@mic/contracts";
import { useCreateWebhookEndpoint, type CreatedWebhookEndpoint } from "../api/mutations";

const isEventType = (value: unknown): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly unknown[]).includes(value);

const EMPTY: WebhookEndpointInput = { url: "", events: [] };

/** 添加 Endpoint: the URL and the events to send there; the 201 carries the secret, shown next. */
export function CreateEndpointDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (endpoint: CreatedWebhookEndpoint) => void;
}) {
  const { t } = useI18n();
  const header = t("webhooks.create.title");
  const legendId = useId();
  const errorId = useId();
  const create = useCreateWebhookEndpoint();
  const form = useZodForm(webhookEndpointInput, EMPTY);
  const { reset } = form;
  const { reset: resetCreate } = create;
  useDialogRole(open, ".mic-webhook-dialog", header);

  useEffect(() => {
    if (!open) return;
    reset(EMPTY);
    resetCreate();
  }, [open, reset, resetCreate]);

  const submit = () => {
    const body = form.validate();
    if (!body) return;
    create.mutate(body, {
      onSuccess: (created) => onCreated(created),
      onError: (error) => form.applyServerError(error),
    });
  };

  const events = form.values.events;
  const all = events.length === WEBHOOK_EVENT_TYPES.length;

  return (
    <Dialog
      dialogClassName="mic-webhook-dialog"
      visible={open}
      header={header}
      onClose={onClose}
      footer={false}
      width={640}
      destroyOnClose
      closeOnOverlayClick={false}
    >
      <Form labelAlign="top" onSubmit={submit} colon={false} requiredMark={false}>
        {create.error && !(isApiError(create.error, 400) && Object.keys(create.error.fields).length > 0) ? (
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
          <legend id={legendId} className="mic-webhook-events-legend">
            {t("webhooks.events")}
          </legend>
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
                <span>{t(`webhooks.event.${type}`)}</span>
                <code className="mic-webhook-event-code">{type}</code>
              </Checkbox>
            ))}
          </Checkbox.Group>
          <FieldError id={errorId} error={form.errors.events} />
        </fieldset>
        <div className="mic-actions-row" style={{ justifyContent: "flex-end" }}>
          <Button variant="outline" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" theme="primary" loading={create.isPending}>
            {t("webhooks.create.submit")}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
