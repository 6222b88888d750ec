import { reasonInput, type Ticket } from "@mic/contracts";
import { useState } from "react";
import { Alert, Dialog, Form, MessagePlugin, Textarea } from "tdesign-react";
import { DialogActions } from "@/components/dialog-actions";
import { Field } from "@/components/field";
import { formatMoney } from "@/components/money";
import { useDialogRole } from "@/components/use-dialog-role";
import { isApiError, newIdempotencyKey } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import { useResolveTicket, type TicketDecision } from "../api/resolve-ticket";
import "./support.css";

export interface PendingDecision {
  ticket: Ticket;
  decision: TicketDecision;
}

/** 作废发票 / 驳回: an irreversible decision on an open ticket, with a required reason. */
export function TicketDecisionDialog({
  pending,
  onClose,
}: {
  pending: PendingDecision | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const isVoid = pending?.decision !== "REJECT";
  const header = isVoid ? t("support.tickets.voidTitle") : t("support.tickets.rejectTitle");
  useDialogRole(pending !== null, ".mic-ticket-decision-dialog", header);
  return (
    <Dialog
      visible={pending !== null}
      header={header}
      onClose={onClose}
      footer={false}
      width={600}
      destroyOnClose
      closeOnOverlayClick={false}
      dialogClassName="mic-ticket-decision-dialog"
    >
      {/* Keyed: each opening starts with an empty reason and a new idempotency key. */}
      {pending ? (
        <DecisionForm key={`${pending.ticket.id}-${pending.decision}`} pending={pending} onClose={onClose} />
      ) : null}
    </Dialog>
  );
}

function DecisionForm({ pending, onClose }: { pending: PendingDecision; onClose: () => void }) {
  const { t } = useI18n();
  const { ticket, decision } = pending;
  const isVoid = decision === "VOID";
  const resolve = useResolveTicket();
  const form = useZodForm(reasonInput, { reason: "" });
  const [idempotencyKey] = useState(newIdempotencyKey);
  const params = {
    tenant: ticket.tenantName,
    provider: ticket.providerName,
    amount: formatMoney(ticket.amount),
  };

  const submit = () => {
    const body = form.validate();
    if (!body) return;
    resolve.mutate(
      { id: ticket.id, decision, reason: body.reason, idempotencyKey },
      {
        onSuccess: () => {
          void MessagePlugin.success(isVoid ? t("support.tickets.voided") : t("support.tickets.rejected"));
          onClose();
        },
        onError: (error) => form.applyServerError(error),
      },
    );
  };

  const fieldErrorsShown = isApiError(resolve.error, 400) && Object.keys(resolve.error.fields).length > 0;

  return (
    <>
      <Alert
        theme={isVoid ? "error" : "warning"}
        className="mic-gap"
        title={t("support.tickets.irreversible")}
        message={
          isVoid ? t("support.tickets.voidWarning", params) : t("support.tickets.rejectWarning", params)
        }
      />
      {resolve.error && !fieldErrorsShown ? (
        <div role="alert" className="mic-gap">
          <Alert theme="error" message={resolve.error.message} />
        </div>
      ) : null}
      <Form labelAlign="top" onSubmit={submit} colon={false} requiredMark={false}>
        <Field
          label={isVoid ? t("support.tickets.voidReason") : t("support.tickets.rejectReason")}
          error={form.errors.reason}
          required
        >
          <Textarea
            name="reason"
            value={form.values.reason}
            maxlength={500}
            allowInputOverMax
            autosize={{ minRows: 3, maxRows: 6 }}
            placeholder={
              isVoid
                ? t("support.tickets.voidReasonPlaceholder")
                : t("support.tickets.rejectReasonPlaceholder")
            }
            onChange={(v) => form.setField("reason", String(v))}
          />
        </Field>
        <DialogActions
          onCancel={onClose}
          submitText={isVoid ? t("support.tickets.voidSubmit") : t("support.tickets.rejectSubmit")}
          pending={resolve.isPending}
          danger
        />
      </Form>
    </>
  );
}
