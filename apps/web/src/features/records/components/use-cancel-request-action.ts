import type { InvoiceRequest } from "@mic/contracts";
import { MessagePlugin } from "tdesign-react";
import { confirmAction } from "@/components/confirm";
import { formatMoney } from "@/components/money";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useCancelInvoiceRequest } from "../api/cancel-invoice-request";

/** 撤销: confirm first, then PENDING → CANCELLED and the amount is invoiceable again. */
export function useCancelRequestAction() {
  const { t } = useI18n();
  const cancel = useCancelInvoiceRequest();
  return (request: InvoiceRequest) =>
    confirmAction({
      header: t("detail.cancelTitle"),
      body: t("detail.cancelConfirm", { amount: formatMoney(request.amount) }),
      confirmText: t("detail.cancel"),
      cancelText: t("common.cancel"),
      danger: true,
      onConfirm: async () => {
        await cancel.mutateAsync(request.id);
        void MessagePlugin.success(t("detail.cancelled"));
      },
    });
}
