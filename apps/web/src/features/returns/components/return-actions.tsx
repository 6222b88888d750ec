import { declineReturnInput, returnRequestInput, type ReturnRequest } from "@mic/contracts";
import {
  availableReturnActions,
  canOpenReturn,
  isDigitalInvoiceNumber,
  isReturnActive,
  type InvoiceStatus,
} from "@mic/domain";
import { useState } from "react";
import { Alert, Button, Dialog, Form, Input, MessagePlugin, Space } from "tdesign-react";
import type { InvoiceRequest } from "@mic/contracts";
import { confirmAction } from "@/components/confirm";
import { Field } from "@/components/field";
import { formatMoney } from "@/components/money";
import { ReasonDialog } from "@/components/reason-dialog";
import { useDialogRole } from "@/components/use-dialog-role";
import { newIdempotencyKey } from "@/lib/api-client";
import { useMe } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useCreateReturnRequest, useDecideReturnRequest } from "../api/decide-return-request";
import { DialogActions } from "@/components/dialog-actions";

/**
 * 申请退票 (SPEC §13): the tenant's admin asks the provider in the console instead of by phone, on
 * a PROCESSING, MAILING or ISSUED request with no return request already waiting.
 */
export function AskReturnButton({
  request,
  returns,
}: {
  request: InvoiceRequest;
  returns: ReturnRequest[] | undefined;
}) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const create = useCreateReturnRequest();
  const [open, setOpen] = useState(false);
  const waiting = returns?.some((r) => isReturnActive(r.status)) ?? false;
  if (!me || !canOpenReturn(request.status, me.role) || waiting || returns === undefined) return null;

  const effect =
    request.status === "PROCESSING"
      ? t("returns.askEffectProcessing")
      : request.status === "MAILING"
        ? t("returns.askEffectMailing")
        : t("returns.askEffectIssued");

  return (
    <>
      <Button theme="primary" variant="outline" onClick={() => setOpen(true)}>
        {t("returns.ask")}
      </Button>
      <ReasonDialog
        open={open}
        subjectKey={`ask-${request.id}`}
        header={t("returns.askTitle")}
        warning={
          <>
            <div>
              {t("returns.askIntro", {
                number: request.number,
                provider: request.providerName,
                amount: formatMoney(request.amount),
              })}
            </div>
            <div>{effect}</div>
          </>
        }
        label={t("returns.reason")}
        placeholder={t("returns.reasonPlaceholder")}
        submitText={t("returns.askSubmit")}
        maxLength={200}
        schema={returnRequestInput}
        pending={create.isPending}
        error={create.error}
        onClose={() => {
          setOpen(false);
          create.reset();
        }}
        onSubmit={(reason, idempotencyKey) =>
          create.mutate(
            { requestId: request.id, reason, idempotencyKey },
            {
              onSuccess: () => {
                void MessagePlugin.success(t("returns.asked"));
                setOpen(false);
              },
            },
          )
        }
      />
    </>
  );
}

/**
 * What the signed-in role may do with a return request, from the domain's RETURN_TABLE:
 * 同意 / 拒绝 for the provider's staff on an OPEN one, 确认红冲 for the tenant's admin while it
 * awaits the buyer. `requestStatus` is the invoice request's state, which decides what approving does.
 */
export function ReturnDecisionButtons({
  returnRequest,
  requestStatus,
  size = "small",
}: {
  returnRequest: ReturnRequest;
  requestStatus: InvoiceStatus;
  size?: "small" | "medium";
}) {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const decide = useDecideReturnRequest();
  const [declining, setDeclining] = useState(false);
  const [approvingIssued, setApprovingIssued] = useState(false);
  if (!me || me.role === "SUPPORT") return null;
  const actions = availableReturnActions(returnRequest.status, requestStatus, me.role);
  if (actions.length === 0) return null;
  const variant = size === "small" ? "text" : "outline";

  const approve = () => {
    if (requestStatus === "ISSUED") {
      setApprovingIssued(true);
      return;
    }
    const idempotencyKey = newIdempotencyKey();
    confirmAction({
      header: t("returns.approveTitle"),
      body: requestStatus === "PROCESSING" ? t("returns.approveProcessing") : t("returns.approveMailing"),
      confirmText: t("returns.approveSubmit"),
      cancelText: t("common.cancel"),
      onConfirm: async () => {
        await decide.mutateAsync({ id: returnRequest.id, decision: { action: "approve" }, idempotencyKey });
        void MessagePlugin.success(t("returns.approved"));
      },
    });
  };

  const confirm = () => {
    const idempotencyKey = newIdempotencyKey();
    confirmAction({
      header: t("returns.confirmTitle"),
      body: t("returns.confirmBody", {
        redLetterNumber: returnRequest.redLetterNumber ?? "—",
        deadline: formatDateTime(returnRequest.expiresAt, lang),
      }),
      confirmText: t("returns.confirmSubmit"),
      cancelText: t("common.cancel"),
      danger: true,
      onConfirm: async () => {
        await decide.mutateAsync({ id: returnRequest.id, decision: { action: "confirm" }, idempotencyKey });
        void MessagePlugin.success(t("returns.confirmed"));
      },
    });
  };

  return (
    <Space size={4}>
      {actions.includes("APPROVE") ? (
        <Button variant={variant} theme="primary" size={size} onClick={approve}>
          {t("returns.approve")}
        </Button>
      ) : null}
      {actions.includes("DECLINE") ? (
        <Button variant={variant} theme="danger" size={size} onClick={() => setDeclining(true)}>
          {t("returns.decline")}
        </Button>
      ) : null}
      {actions.includes("CONFIRM") ? (
        <Button variant={size === "small" ? "text" : "base"} theme="danger" size={size} onClick={confirm}>
          {t("returns.confirm")}
        </Button>
      ) : null}
      <ReasonDialog
        open={declining}
        subjectKey={`decline-${returnRequest.id}`}
        header={t("returns.declineTitle")}
        warning={t("returns.declineWarning")}
        label={t("returns.declineReason")}
        placeholder={t("returns.declineReasonPlaceholder")}
        submitText={t("returns.declineSubmit")}
        danger
        maxLength={200}
        schema={declineReturnInput}
        pending={decide.isPending}
        error={decide.error}
        onClose={() => {
          setDeclining(false);
          decide.reset();
        }}
        onSubmit={(reason, idempotencyKey) =>
          decide.mutate(
            { id: returnRequest.id, decision: { action: "decline", reason }, idempotencyKey },
            {
              onSuccess: () => {
                void MessagePlugin.success(t("returns.declined"));
                setDeclining(false);
              },
            },
          )
        }
      />
      <RedLetterDialog
        returnRequest={approvingIssued ? returnRequest : null}
        onClose={() => setApprovingIssued(false)}
      />
    </Space>
  );
}

/** 同意红冲: the 20-digit 红字发票信息确认单编号 starts the buyer's 72 hours to confirm. */
function RedLetterDialog({
  returnRequest,
  onClose,
}: {
  returnRequest: ReturnRequest | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  useDialogRole(returnRequest !== null, ".mic-red-letter-dialog", t("returns.redLetterTitle"));
  return (
    <Dialog
      visible={returnRequest !== null}
      header={t("returns.redLetterTitle")}
      onClose={onClose}
      footer={false}
      width={560}
      destroyOnClose
      closeOnOverlayClick={false}
      dialogClassName="mic-red-letter-dialog"
    >
      {returnRequest ? (
        <RedLetterForm key={returnRequest.id} returnRequest={returnRequest} onClose={onClose} />
      ) : null}
    </Dialog>
  );
}

function RedLetterForm({ returnRequest, onClose }: { returnRequest: ReturnRequest; onClose: () => void }) {
  const { t } = useI18n();
  const decide = useDecideReturnRequest();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const serverField =
    decide.error && "fields" in decide.error ? (decide.error.fields as Record<string, string>) : {};

  const submit = () => {
    const redLetterNumber = value.trim();
    if (!redLetterNumber) return setError("required");
    if (!isDigitalInvoiceNumber(redLetterNumber)) return setError(t("returns.redLetterInvalid"));
    setError(undefined);
    decide.mutate(
      { id: returnRequest.id, decision: { action: "approve", redLetterNumber }, idempotencyKey },
      {
        onSuccess: () => {
          void MessagePlugin.success(t("returns.redLetterStarted"));
          onClose();
        },
      },
    );
  };

  return (
    <>
      <Alert theme="warning" className="mic-gap" message={t("returns.redLetterWarning")} />
      {decide.error && !serverField.redLetterNumber ? (
        <div role="alert" className="mic-gap">
          <Alert theme="error" message={decide.error.message} />
        </div>
      ) : null}
      <Form labelAlign="top" onSubmit={submit} colon={false} requiredMark={false}>
        <Field label={t("returns.redLetterNumber")} error={error ?? serverField.redLetterNumber} required>
          <Input
            name="redLetterNumber"
            value={value}
            maxlength={20}
            placeholder={t("returns.redLetterPlaceholder")}
            onChange={(v) => {
              setValue(String(v));
              setError(undefined);
            }}
          />
        </Field>
        <DialogActions
          onCancel={onClose}
          submitText={t("returns.approveSubmit")}
          pending={decide.isPending}
        />
      </Form>
    </>
  );
}
