import { useState, type ReactNode } from "react";
import type { z } from "zod";
import { Alert, Dialog, Form, Textarea } from "tdesign-react";
import { DialogActions } from "@/components/dialog-actions";
import { Field } from "@/components/field";
import { useDialogRole } from "@/components/use-dialog-role";
import { isApiError, newIdempotencyKey } from "@/lib/api-client";
import { useZodForm } from "@/lib/zod-form";
import "./reason-dialog.css";

type ReasonSchema = z.ZodType<{ reason: string }, { reason: string }>;

export interface ReasonDialogProps {
  open: boolean;
  /** Each opening of a different subject starts with an empty reason and a new idempotency key. */
  subjectKey: string;
  header: string;
  /** What the decision does, shown above the reason. */
  warning: ReactNode;
  label: string;
  placeholder?: string;
  submitText: string;
  danger?: boolean;
  maxLength: number;
  schema: ReasonSchema;
  /** Other fields above the reason (e.g. the red-letter number), rendered inside the form. */
  children?: ReactNode;
  pending: boolean;
  error: Error | null;
  onSubmit: (reason: string, idempotencyKey: string) => void;
  onClose: () => void;
}

/** A decision that needs a reason (驳回, 拒绝退票, 申请退票): the confirmation and the reason in one dialog. */
export function ReasonDialog(props: ReasonDialogProps) {
  const dialogClass = `mic-reason-dialog-${props.subjectKey.replace(/[^\w-]/g, "")}`;
  useDialogRole(props.open, `.${dialogClass}`, props.header);
  return (
    <Dialog
      visible={props.open}
      header={props.header}
      onClose={props.onClose}
      footer={false}
      width={600}
      destroyOnClose
      closeOnOverlayClick={false}
      dialogClassName={dialogClass}
    >
      {props.open ? <ReasonForm key={props.subjectKey} {...props} /> : null}
    </Dialog>
  );
}

function ReasonForm(props: ReasonDialogProps) {
  const form = useZodForm(props.schema, { reason: "" });
  const [idempotencyKey] = useState(newIdempotencyKey);
  const fieldErrors = isApiError(props.error, 400) && Object.keys(props.error.fields).length > 0;
  const reasonError = form.errors.reason ?? (isApiError(props.error) ? props.error.fields.reason : undefined);

  const submit = () => {
    const body = form.validate();
    if (!body) return;
    props.onSubmit(body.reason, idempotencyKey);
  };

  return (
    <>
      <Alert theme={props.danger ? "error" : "warning"} className="mic-gap" message={props.warning} />
      {props.error && !fieldErrors ? (
        <div role="alert" className="mic-gap">
          <Alert theme="error" message={props.error.message} />
        </div>
      ) : null}
      <Form labelAlign="top" onSubmit={submit} colon={false} requiredMark={false}>
        {props.children}
        <Field label={props.label} error={reasonError} required>
          <Textarea
            name="reason"
            value={form.values.reason}
            maxlength={props.maxLength}
            autosize={{ minRows: 3, maxRows: 6 }}
            placeholder={props.placeholder}
            onChange={(v) => form.setField("reason", String(v))}
          />
        </Field>
        <DialogActions
          onCancel={props.onClose}
          submitText={props.submitText}
          pending={props.pending}
          danger={props.danger}
        />
      </Form>
    </>
  );
}
