import { rejectInput, type InvoiceRequest } from "@mic/contracts";
import { MessagePlugin } from "tdesign-react";
import { formatMoney } from "@/components/money";
import { ReasonDialog } from "@/components/reason-dialog";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useRejectInvoiceRequest } from "../api/reject-invoice-request";

/** 驳回 (SPEC §13): PENDING or PROCESSING → REJECTED with a reason the tenant reads; irreversible. */
export function RejectDialog({ request, onClose }: { request: InvoiceRequest | null; onClose: () => void }) {
  const { t } = useI18n();
  const reject = useRejectInvoiceRequest();
  const close = () => {
    reject.reset();
    onClose();
  };
  return (
    <ReasonDialog
      open={request !== null}
      subjectKey={`reject-${request?.id ?? "none"}`}
      header={t("reject.title")}
      warning={
        request
          ? [
              t("reject.warning", {
                number: request.number,
                tenant: request.tenantName,
                amount: formatMoney(request.amount),
              }),
              request.returnRequest?.status === "OPEN" ? t("reject.returnOpenNote") : "",
            ]
              .filter(Boolean)
              .join(" ")
          : ""
      }
      label={t("reject.reason")}
      placeholder={t("reject.reasonPlaceholder")}
      submitText={t("reject.submit")}
      danger
      maxLength={200}
      schema={rejectInput}
      pending={reject.isPending}
      error={reject.error}
      onClose={close}
      onSubmit={(reason, idempotencyKey) => {
        if (!request) return;
        reject.mutate(
          { id: request.id, reason, idempotencyKey },
          {
            onSuccess: () => {
              void MessagePlugin.success(t("reject.done"));
              close();
            },
          },
        );
      }}
    />
  );
}
